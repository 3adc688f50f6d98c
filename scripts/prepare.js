// npm runs `prepare` after `npm install` in a clone, and in a temporary clone when a package is
// installed from git (`npm i -g git+…`). In that last case npm may leave the devDependencies out
// (npm/cli#8440: "tsc: not found"), so install them here first, without scripts, into this folder
// only. A git install then needs only the bundle (esbuild and the fonts), never tsc; a
// development clone gets the full build that the tests use.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const has = (id) => {
  try {
    require.resolve(id);
    return true;
  } catch {
    return false;
  }
};
const run = (...args) => execFileSync('npm', args, { stdio: 'inherit', env: { ...process.env, npm_config_global: 'false' } });

if (has('typescript/package.json')) run('run', 'build');
else {
  if (!has('esbuild/package.json') || !has('@expo-google-fonts/noto-sans-sc/package.json'))
    run('install', '--include=dev', '--ignore-scripts', '--no-save', '--no-audit', '--no-fund', '--global=false');
  run('run', 'bundle');
}
