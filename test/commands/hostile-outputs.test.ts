// Outputs are atomic: a full disk or a signal leaves nothing at -o (and no temp file), a link planted
// at -o is replaced and never followed, an existing file is replaced only with --force and always
// ends up 0600.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const tmp = mkdtempSync(join(tmpdir(), 'irbook-out-'));
const store = join(tmp, 'store');
const env = { ...process.env, IRBOOK_STORE: store, NO_COLOR: '1', IRBOOK_LANG: 'en', IRBOOK_PLAYBOOKS: 'playbooks', IRBOOK_TEMPLATES: 'templates' };
const BIN = join(process.cwd(), 'bin/irbook.js');
const irbook = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, input: '', timeout: 60_000 });
/** irbook with a file size limit of `kb` KiB, as a nearly full disk would give. */
const limited = (kb: number, ...args: string[]) => spawnSync('bash', ['-c', `ulimit -f ${kb}; exec "$0" "$@"`, process.execPath, BIN, ...args], { encoding: 'utf8', env, input: '', timeout: 60_000 });
const ANSWERS = 'test/fixtures/answers/chat-leak.yaml';
const idOf = (s: string) => /INC-\d{8}-\d{3}/.exec(s)![0];
let id = '';
let drills: string[] = [];
let n = 0;
const folder = () => { const d = join(tmp, `out-${++n}`); mkdirSync(d); return d; };

beforeAll(() => {
  id = idOf(irbook('start', 'chat-leak', '--answers', ANSWERS).stdout);
  drills = [1, 2].map(() => idOf(irbook('start', 'chat-leak', '--answers', ANSWERS, '--exercise').stdout));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a full disk during report', () => {
  it.each([['md'], ['pdf']])('-f %s exits 4 with the path and the cause, leaving nothing; the next run succeeds', (format) => {
    const dir = folder();
    const out = join(dir, `r.${format}`);
    const r = limited(4, 'report', id, '-t', 'hq', '-f', format, '-o', out);
    expect(r.status, r.stderr).toBe(4);
    expect(r.stderr).toContain(`irbook: cannot write ${out} (EFBIG: file too large`);
    expect(r.stderr).not.toMatch(/    at /);
    expect(readdirSync(dir)).toEqual([]);
    const again = irbook('report', id, '-t', 'hq', '-f', format, '-o', out);
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual([`r.${format}`]);
  });
});

describe('signals during report', () => {
  it.each([['SIGTERM'], ['SIGINT']] as const)('%s while a PDF is drawn leaves no temp file and no report', async (signal) => {
    const dir = folder();
    const out = join(dir, 'r.pdf');
    const child = spawn(process.execPath, [BIN, 'report', id, '-t', 'hq', '-f', 'pdf', '-o', out], { env, stdio: 'ignore' });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('exit', (code, sig) => res({ code, signal: sig })));
    const t = Date.now();
    while (!readdirSync(dir).some((f) => f.endsWith('.tmp')) && Date.now() - t < 20_000) await new Promise((r) => setTimeout(r, 2));
    expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(true);
    child.kill(signal);
    const end = await exited;
    expect(end.signal ?? end.code).toBeTruthy();
    expect(readdirSync(dir)).toEqual([]);
  }, 30_000);
});

describe('replacing files', () => {
  it('a dangling link planted at -o is refused, and with --force replaced by the report, never followed', () => {
    const dir = folder();
    const out = join(dir, 'r.md');
    const victim = join(tmp, 'victim.txt');
    symlinkSync(victim, out);
    const r = irbook('report', id, '-t', 'hq', '-f', 'md', '-o', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${out} exists already`);
    const f = irbook('report', id, '-t', 'hq', '-f', 'md', '-o', out, '--force');
    expect(f.status, f.stderr).toBe(0);
    expect(existsSync(victim)).toBe(false);
    expect(lstatSync(out).isFile()).toBe(true);
  });

  it('--force over a 0644 file leaves it 0600', () => {
    const out = join(folder(), 'r.md');
    writeFileSync(out, 'old', { mode: 0o644 });
    expect(irbook('report', id, '-t', 'hq', '-f', 'md', '-o', out, '--force').status).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(statSync(out).size).toBeGreaterThan(3);
  });

  it('drill compare -o refuses an existing file without --force, before any work', () => {
    const out = join(folder(), 'c.md');
    writeFileSync(out, 'keep');
    const r = irbook('drill', 'compare', ...drills, '-f', 'md', '-o', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${out} exists already`);
    expect(statSync(out).size).toBe(4);
    const f = irbook('drill', 'compare', ...drills, '-f', 'md', '-o', out, '--force');
    expect(f.status, f.stderr).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(statSync(out).size).toBeGreaterThan(4);
  });

  it('a folder that cannot be written exits 4 with the path and the cause', () => {
    const out = join(tmp, 'no-such-folder', 'r.md');
    const r = irbook('report', id, '-t', 'hq', '-f', 'md', '-o', out);
    expect(r.status).toBe(4);
    expect(r.stderr).toContain(`irbook: cannot write ${out} (ENOENT`);
  });
});

describe('a draft that cannot be written', () => {
  it('stops the walk with exit 4, the path and the cause; the lock is released and resume works once it can', () => {
    const partial = join(tmp, 'partial.yaml');
    writeFileSync(partial, readFileSync(ANSWERS, 'utf8').replace(/^  notify-hq: .*\n/m, ''));
    const first = irbook('start', 'chat-leak', '--answers', partial);
    expect(first.status).toBe(2);
    const inc = idOf(first.stdout + first.stderr);
    const drafts = join(store, inc, 'drafts');
    rmSync(drafts, { recursive: true, force: true });
    writeFileSync(drafts, 'not a folder');
    const r = irbook('resume', inc, '--answers', ANSWERS);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(new RegExp(`irbook: cannot write ${drafts.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.* \\((EEXIST|ENOTDIR)`));
    expect(r.stderr).not.toMatch(/    at /);
    expect(existsSync(join(store, inc, 'journal.lock'))).toBe(false);
    rmSync(drafts);
    expect(irbook('resume', inc, '--answers', ANSWERS).status).toBe(0);
  });
});

