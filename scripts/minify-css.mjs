/**
 * Minifies the stylesheets written as `css` templates (src/ui/styles.ts and the views'):
 * terser keeps a template's text as written, comments and indentation included, which was
 * 0.6 KB gzip of the banner's critical path. Whitespace and comments only, no value
 * rewritten: a CSS minifier tried here (lightningcss) turned the z-index 2147483000 into
 * 2147480000 and `max-width` queries into range syntax that Safari before 16.4 does not
 * read. A space before `:` stays, since `.a :focus` and `.a:focus` select differently, and
 * quoted strings stay as written.
 */
export const minifyCss = (text) =>
  text
    // Comments first: their prose has apostrophes, which would read as strings.
    .replace(/\/\*[^]*?\*\//g, '')
    // Strings stay as written: they are at the odd indexes once split.
    .split(/('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/)
    .map((part, index) =>
      index % 2
        ? part
        : part
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};,])\s*/g, '$1')
            .replace(/:\s+/g, ':'),
    )
    .join('')
    .replace(/;}/g, '}')
    .trim();

/**
 * A rollup plugin applying {@link minifyCss} to every `css` template without substitutions
 * (TypeScript writes the tag as `css \``). The `html` templates stay as written.
 */
export const minifyCssTemplates = () => ({
  name: 'minify-css-templates',
  transform: (code, id) =>
    /\/src\/.*\.ts$/.test(id) && /\bcss ?`/.test(code)
      ? { code: code.replace(/\bcss ?`([^`$]*)`/g, (_, text) => `css\`${minifyCss(text)}\``), map: null }
      : null,
});
