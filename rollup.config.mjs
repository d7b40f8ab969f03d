import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

/** Minified output; `pure_getters` lets terser drop unused property reads in Lit. */
const minify = () =>
  terser({ ecma: 2021, module: true, compress: { passes: 2, pure_getters: true }, format: { comments: false } });

const plugins = () => [
  nodeResolve(),
  typescript({ tsconfig: './tsconfig.json', include: ['src/**/*.ts'], outDir: 'dist', sourceMap: true, declaration: false, noEmitOnError: true }),
];

export default [
  {
    // The loader and, through its dynamic import(), the UI and language chunks next to it.
    input: { kelisim: 'src/kelisim.ts' },
    // Lets the entry also export what the lazy chunks import from it, instead of a facade file.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: '[name]-[hash].js',
      plugins: [minify()],
    },
    plugins: plugins(),
  },
  {
    // One classic script: dynamic imports inlined, so it works where modules cannot load.
    input: 'src/kelisim.iife.ts',
    output: { file: 'dist/kelisim.iife.js', format: 'iife', sourcemap: true, inlineDynamicImports: true, plugins: [minify()] },
    plugins: plugins(),
  },
];
