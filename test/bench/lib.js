// Running one timed process for `npm run bench`: a fresh process per sample, wall time from spawn
// to exit (or, in a pseudo-terminal, to the first prompt), with the peak RSS and CPU time the
// usage.js preload reports at exit.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin/irbook.js');
export const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const USAGE = here('./usage.js');

// An inquirer prompt's first line: "? message" (possibly coloured), at the start of a line.
export const PROMPT = /(?:^|[\r\n])(?:\x1b\[[0-9;]*m)*\?(?:\x1b\[[0-9;]*m)* /u;

/** A node process as a user starts it, plus the usage preload. o: { env, cwd, pty: true }. */
export const node = (args, o = {}) => ({ file: process.execPath, args: ['--import', USAGE, ...args], ...o });
export const irbook = (args, o = {}) => node([BIN, ...args], o);
/** Any other program (git for the sync floor). */
export const program = (file, args, o = {}) => ({ file, args, ...o });

const now = () => Number(process.hrtime.bigint()) / 1e6;
let scratch;
let serial = 0;

function usageFile() {
  scratch ??= mkdtempSync(join(tmpdir(), 'irbook-bench-usage-'));
  return join(scratch, `${serial++}.json`);
}

export function cleanUsage() {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
}

function readUsage(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

const envOf = (c, file) => ({ ...process.env, NO_COLOR: '1', ...c.env, BENCH_USAGE_FILE: file });

/** Run `c` once: { ms, rssBytes, cpuMs, stdout }. Throws when it fails (a pty run ends with Ctrl-C, any exit goes). */
export async function measure(c) {
  const file = usageFile();
  if (c.pty) return { ...(await toFirstPrompt(c, file)), ...readUsage(file) };
  const t0 = now();
  const r = spawnSync(c.file, c.args, { cwd: c.cwd ?? ROOT, env: envOf(c, file), encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = now() - t0;
  if (r.status !== 0) throw new Error(`${[c.file, ...c.args].join(' ')} exited ${r.status ?? r.signal}: ${r.stderr}`);
  return { ms, stdout: r.stdout, ...readUsage(file) };
}

const shq = (s) => `'${String(s).replaceAll("'", "'\\''")}'`;

// In a pseudo-terminal made by script(1): the time until the first prompt is drawn, then Ctrl-C
// (the command's own clean exit, so the preload still reports its CPU time).
function toFirstPrompt(c, file) {
  return new Promise((resolve, reject) => {
    const t0 = now();
    const child = spawn('script', ['-qfec', [c.file, ...c.args].map(shq).join(' '), '/dev/null'], { cwd: c.cwd ?? ROOT, env: envOf(c, file), stdio: 'pipe' });
    let seen = '';
    let ms;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no prompt within 20 s from ${c.args.join(' ')}:\n${seen}`));
    }, 20_000);
    child.stdout.on('data', (d) => {
      seen += d.toString();
      if (ms === undefined && PROMPT.test(seen)) {
        ms = now() - t0;
        child.stdin.write('\x03');
      }
    });
    child.on('close', () => {
      clearTimeout(timer);
      if (ms === undefined) reject(new Error(`exited before a prompt: ${c.args.join(' ')}:\n${seen}`));
      else resolve({ ms, stdout: seen });
    });
  });
}

export const hasScript = () => spawnSync('script', ['--version']).status === 0;
