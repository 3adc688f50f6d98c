// Part of the build: bundles the CLI into dist/bin, one chunk per command and per shared part, so
// that a command reads and compiles only what it runs.
// zod's namespace re-exports its 40-odd message locales (`z.locales`, 366 KB of the 755 KB it
// adds to every chunk that validates); irbook uses only the English one zod configures itself, so
// the locale index is replaced by that one locale and V8 compiles half as much zod at start-up.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';

const zodLocales = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-locales', pluginData: dirname(args.importer) } : undefined);
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(join(args.pluginData, '..', 'locales', 'en.js'))};`,
      resolveDir: args.pluginData,
    }));
  },
};

await build({
  entryPoints: ['src/cli/main.ts', 'src/commands/validate-worker.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  outdir: 'dist/bin',
  entryNames: '[name]',
  external: ['pdfkit', 'yaml'],
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  plugins: [zodLocales],
});
