/**
 * @custom-elements-manifest/analyzer config: `npm run build` writes
 * dist/custom-elements.json from the interface's sources, so editors, Storybook and docs
 * tools learn `<kelisim-consent>`'s parts, custom properties and events, and those of the
 * loader's `<kelisim-reopen>` control.
 */
import { readFileSync } from 'node:fs';

/**
 * `<kelisim-reopen>` is plain DOM in the loader (no class for the analyzer to find), so its
 * entry is made from the JSDoc tags at the top of src/reopen-button.ts: the one place they
 * are written.
 */
function reopenControl() {
  const path = 'src/reopen-button.ts';
  const doc = /\/\*\*([\s\S]*?)\*\//.exec(readFileSync(new URL(path, import.meta.url), 'utf8'))[1];
  const tags = (tag) =>
    [...doc.matchAll(new RegExp(`@${tag}\\s+(\\S+)\\s+-\\s+(.+)`, 'g'))].map(([, name, description]) => ({
      name,
      description: description.trim(),
    }));
  const description = doc
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, ''))
    .filter((line) => line && !line.startsWith('@'))
    .join(' ')
    .trim();
  return {
    name: 'kelisim-reopen',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.push({
        kind: 'javascript-module',
        path,
        declarations: [
          {
            kind: 'class',
            name: 'KelisimReopen',
            description,
            tagName: 'kelisim-reopen',
            customElement: true,
            cssParts: tags('csspart'),
            cssProperties: tags('cssproperty'),
          },
        ],
        exports: [{ kind: 'custom-element-definition', name: 'kelisim-reopen', declaration: { name: 'KelisimReopen', module: path } }],
      });
    },
  };
}

export default {
  globs: ['src/ui/**/*.ts', 'src/embeds/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: 'dist',
  // package.json names the manifest itself ("customElements"); the analyzer would rewrite
  // the file on every build otherwise.
  packagejson: false,
  quiet: true,
  plugins: [reopenControl()],
};
