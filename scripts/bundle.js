// Part of the build: bundles the CLI into dist/bin, one chunk per command and per shared part, so
// that a command reads and compiles only what it runs.
// zod's namespace re-exports its 40-odd message locales (`z.locales`, 366 KB of the 755 KB it
// adds to every chunk that validates); irbook uses only the English one zod configures itself, so
// the locale index is replaced by that one locale and V8 compiles half as much zod at start-up.
// The message table (src/core/i18n/catalog.ts, every language in one object literal) is written
// as one JSON file per language beside the chunks, and src/core/i18n/table.ts is replaced by a
// reader of those files: a process parses only the languages it shows, and JSON.parse is far
// cheaper than compiling the literal.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const OUT = 'dist/bin';
const LANGS = ['ja', 'zh', 'en'];

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

const messageFiles = {
  name: 'messages-per-language',
  setup(b) {
    b.onResolve({ filter: /^\.\/table\.js$/ }, (args) =>
      /[\\/]src[\\/]core[\\/]i18n[\\/]messages\.ts$/.test(args.importer) ? { path: 'i18n-table', namespace: 'i18n-table' } : undefined);
    b.onLoad({ filter: /.*/, namespace: 'i18n-table' }, () => ({
      contents: `import { readFileSync } from 'node:fs';
const tables = new Map();
export function table(lang) {
  let t = tables.get(lang);
  if (!t) {
    t = JSON.parse(readFileSync(new URL(\`./messages-\${lang}.json\`, import.meta.url), 'utf8'));
    tables.set(lang, t);
  }
  return t;
}`,
      loader: 'js',
    }));
  },
};

// Two libraries few runs need are built apart as CommonJS and required on first use, so that the
// commands that import them do not compile them at start-up: re2js, for CEL's `matches` only, and
// luxon, for reading a typed date-time only. Each is reached through a getter module (src/core/
// expr/re2.ts, src/core/time/luxon.ts) that the bundle replaces with a lazy `require`.
const LAZY = [
  { module: 're2js', file: 're2js.cjs', getter: /[\\/]src[\\/]core[\\/]expr[\\/]re2\.ts$/, contents: "export const re2 = () => (m ??= require('./re2js.cjs')).RE2JS;" },
  { module: 'luxon', file: 'luxon.cjs', getter: /[\\/]src[\\/]core[\\/]time[\\/]luxon\.ts$/, contents: "export const luxonDateTime = () => (m ??= require('./luxon.cjs')).DateTime;" },
];
const onFirstUse = {
  name: 'on-first-use',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const lazy = LAZY.find((l) => l.getter.test(args.path));
      return lazy ? { contents: `let m;\n${lazy.contents}`, loader: 'js' } : undefined;
    });
    b.onResolve({ filter: /^\.\/[a-z0-9]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/** The catalog, evaluated from its TypeScript source: { code: { ja, zh, en } }. */
async function catalog() {
  const r = await build({ entryPoints: ['src/core/i18n/catalog.ts'], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning' });
  const { CATALOG } = await import(`data:text/javascript;base64,${Buffer.from(r.outputFiles[0].text).toString('base64')}`);
  return CATALOG;
}

await build({
  entryPoints: ['src/cli/main.ts', 'src/commands/validate-worker.ts', 'src/commands/report-pdf-worker.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  outdir: OUT,
  entryNames: '[name]',
  external: ['pdfkit', 'yaml'],
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  plugins: [zodLocales, messageFiles, onFirstUse],
});

for (const lazy of LAZY) {
  await build({
    stdin: { contents: `module.exports = require(${JSON.stringify(lazy.module)});`, resolveDir: '.', loader: 'js' },
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: join(OUT, lazy.file), logLevel: 'warning',
  });
}

const all = await catalog();
mkdirSync(OUT, { recursive: true });
for (const lang of LANGS) writeFileSync(join(OUT, `messages-${lang}.json`), JSON.stringify(Object.fromEntries(Object.entries(all).map(([code, texts]) => [code, texts[lang]]))));
