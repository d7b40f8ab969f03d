/**
 * @custom-elements-manifest/analyzer config: `npm run build` writes
 * dist/custom-elements.json from the interface's sources, so editors, Storybook and docs
 * tools learn `<kelisim-consent>`'s parts, custom properties and events.
 */
export default {
  globs: ['src/ui/**/*.ts'],
  outdir: 'dist',
  // package.json names the manifest itself ("customElements"); the analyzer would rewrite
  // the file on every build otherwise.
  packagejson: false,
  quiet: true,
};
