// npm runs `prepare` after `npm install` in a clone, and in a temporary clone when a package is
// installed from git (`npm i -g git+…`). In that last case npm may leave the devDependencies out
// (npm/cli#8440: "tsc: not found"), so install them here first, without scripts, into this folder
// only. A git install then needs only the bundle (esbuild and the fonts), never tsc; a
// development clone gets the full build that the tests use, unless it is already up to date.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const has = (id) => {
  try {
    require.resolve(id);
    return true;
  } catch {
    return false;
  }
};
// The outer install's settings (--global, --allow-scripts, …) reach this script as npm_config_*
// variables; the inner npm gets only where to fetch from and cache.
const KEEP = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_config_') || KEEP.has(k.toLowerCase())));
const run = (...args) => execFileSync('npm', args, { stdio: 'inherit', env });

// `npx irbook` inside this repository runs `prepare` too: skip the build when its outputs are newer
// than everything they are made from (the sources, the build scripts, the locked dependencies).
const newest = (p) => (statSync(p).isDirectory() ? Math.max(0, ...readdirSync(p).map((e) => newest(join(p, e)))) : statSync(p).mtimeMs);
const outputs = ['dist/bin/main.js', 'dist/cli/main.js', 'fonts/OFL.txt'];
const fresh = outputs.every(existsSync) && Math.min(...outputs.map(newest)) > Math.max(...['src', 'scripts', 'package.json', 'package-lock.json'].filter(existsSync).map(newest));

if (fresh) process.exit(0);
if (has('typescript/package.json')) run('run', 'build');
else {
  if (!has('esbuild/package.json') || !has('@expo-google-fonts/noto-sans-sc/package.json'))
    run('install', '--include=dev', '--ignore-scripts', '--no-save', '--no-audit', '--no-fund');
  run('run', 'bundle');
}
