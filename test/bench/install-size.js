// node test/bench/install-size.js: what `npm i irbook` costs on disk. Packs the working tree,
// installs the tarball into an empty folder (no cache reuse: a fresh cache folder), and prints the
// disk use of node_modules next to its floor (the same install of pdfkit and yaml alone, the two
// runtime dependencies), the tarball's size and the largest packages. Goal: ≤ 60 MB.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'irbook-size-'));
const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error', `--cache=${join(work, 'cache')}`], { cwd, encoding: 'utf8' });
const du = (dir) => Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split('\t')[0]) * 1024;
const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;

function installInto(name, specs) {
  const dir = join(work, name);
  execFileSync('mkdir', ['-p', dir]);
  npm(['init', '-y'], dir);
  npm(['install', ...specs], dir);
  return join(dir, 'node_modules');
}

try {
  const tarball = join(work, npm(['pack', '--ignore-scripts', `--pack-destination=${work}`], root).trim().split('\n').pop());
  const pkg = JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], { cwd: root, encoding: 'utf8' }));
  const full = installInto('app', [tarball]);
  const floor = installInto('floor', Object.entries(pkg.dependencies).map(([n, v]) => `${n}@${v}`));
  const size = du(full);
  const top = readdirSync(full).filter((n) => !n.startsWith('.')).flatMap((n) => (n.startsWith('@') ? readdirSync(join(full, n)).map((m) => `${n}/${m}`) : [n]))
    .map((n) => [n, du(join(full, n))]).sort((a, b) => b[1] - a[1]).slice(0, 6);
  console.log(`irbook install size — node ${process.version}, npm ${execFileSync('npm', ['-v'], { encoding: 'utf8' }).trim()}`);
  console.log(`tarball              ${mb(statSync(tarball).size)}`);
  console.log(`npm i <tarball>      ${mb(size)} on disk (node_modules; goal ≤ 60 MB)`);
  console.log(`floor (pdfkit, yaml) ${mb(du(floor))}`);
  console.log(`largest: ${top.map(([n, b]) => `${n} ${mb(b)}`).join(', ')}`);
  process.exitCode = size <= 60e6 ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
