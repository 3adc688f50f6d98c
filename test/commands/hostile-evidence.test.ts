// Evidence is a regular file, read once: a FIFO, a directory, a device, a /proc file and a file that
// grows while it is hashed are refused with a message saying what they are, and nothing is
// journaled; a symbolic link is recorded as its target, with the link beside it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentEvents } from '../support/chains.js';

const tmp = mkdtempSync(join(tmpdir(), 'irbook-ev-'));
const store = join(tmp, 'store');
const env = { ...process.env, IRBOOK_STORE: store, NO_COLOR: '1', IRBOOK_LANG: 'en', IRBOOK_PLAYBOOKS: 'playbooks', IRBOOK_TEMPLATES: 'templates' };
const irbook = (...args: string[]) => spawnSync(process.execPath, ['bin/irbook.js', ...args], { encoding: 'utf8', env, input: '', timeout: 20_000 });
const lines = (id: string) => incidentEvents(store, id).map((e) => JSON.stringify(e));
let id = '';
let writer: ChildProcess | undefined;

beforeAll(() => {
  const a = irbook('start', 'chat-leak', '--answers', 'test/fixtures/answers/chat-leak.yaml');
  expect(a.status, a.stderr).toBe(0);
  id = /INC-\d{8}-\d{3}/.exec(a.stdout)![0];
});
afterAll(() => {
  writer?.kill();
  rmSync(tmp, { recursive: true, force: true });
});

describe('evidence that is not a stable regular file', () => {
  const fifo = join(tmp, 'pipe');
  const dir = join(tmp, 'folder');
  beforeAll(() => {
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    mkdirSync(dir);
  });

  it.each([
    ['a FIFO', () => fifo, /is a FIFO \(named pipe\): its contents are not fixed/],
    ['a directory', () => dir, /is a directory: register the files in it/],
    ['a device', () => '/dev/null', /is a device, not a file/],
    ['a /proc file', () => '/proc/self/status', /is a \/proc or \/sys file/],
  ])('refuses %s at once with exit 2, journaling nothing', (_, path, message) => {
    const n = lines(id).length;
    const t = Date.now();
    const r = irbook('evidence', id, path());
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/    at /);
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(lines(id)).toHaveLength(n);
  });

  it('refuses a file that grows while it is hashed, journaling nothing', async () => {
    const file = join(tmp, 'growing.bin');
    writeFileSync(file, Buffer.alloc(64 << 20, 1));
    writer = spawn(process.execPath, ['-e', `const fs=require('fs');const b=Buffer.alloc(1<<16,2);for(;;)fs.appendFileSync(${JSON.stringify(file)},b)`]);
    const size = statSync(file).size;
    while (statSync(file).size === size) await new Promise((r) => setTimeout(r, 10));
    const n = lines(id).length;
    const r = irbook('evidence', id, file);
    writer.kill();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/changed while it was hashed \(\d+ bytes before, \d+ after, \d+ read\)/);
    expect(lines(id)).toHaveLength(n);
  });

  it('a symbolic link is recorded as the real file, with the link path, type and time', () => {
    const target = join(tmp, 'export.txt');
    const link = join(tmp, 'link.txt');
    writeFileSync(target, 'chat export');
    symlinkSync(target, link);
    const r = irbook('evidence', id, link);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${link} → ${target}`);
    const e = JSON.parse(lines(id).at(-1)!) as { data: Record<string, unknown> };
    expect(e.data).toEqual({ path: target, link, type: 'file', bytes: 11, sha256: createHash('sha256').update('chat export').digest('hex'), mtime: statSync(target).mtime.toISOString() });
  });
});
