// Files irbook is given must be regular files within the size cap: /dev/zero, a FIFO or a /proc file
// is refused at once, without reading it, and nothing is created in the store.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const tmp = mkdtempSync(join(tmpdir(), 'irbook-in-'));
const store = join(tmp, 'store');
const env = { ...process.env, IRBOOK_STORE: store, NO_COLOR: '1', IRBOOK_LANG: 'en', IRBOOK_PLAYBOOKS: 'playbooks', IRBOOK_TEMPLATES: 'templates' };
const irbook = (...args: string[]) => {
  const t = Date.now();
  const r = spawnSync(process.execPath, ['bin/irbook.js', ...args], { encoding: 'utf8', env, input: '', timeout: 20_000 });
  return { ...r, ms: Date.now() - t };
};
const ANSWERS = 'test/fixtures/answers/chat-leak.yaml';
const fifo = join(tmp, 'fifo');
const big = join(tmp, 'big.yaml');
beforeAll(() => {
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  writeFileSync(big, `# ${'x'.repeat(1024 * 1024)}\nid: big\n`);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('non-regular and oversized inputs', () => {
  it.each([
    ['validate /dev/zero', ['validate', '/dev/zero'], 3, '/dev/zero:1:1 error not a regular file (a device)'],
    ['validate a FIFO', ['validate', fifo], 3, `${fifo}:1:1 error not a regular file (a FIFO)`],
    ['validate /proc/self/status', ['validate', '/proc/self/status'], 3, 'not a regular file (a special file)'],
    ['validate a 1 MiB + file', ['validate', big], 3, `${big}:1:1 error file is 1048587 bytes; the limit is 1048576`],
    ['start /dev/zero', ['start', '/dev/zero', '--answers', ANSWERS], 3, 'irbook: playbook /dev/zero has 1 error'],
    ['--answers /dev/zero', ['start', 'chat-leak', '--answers', '/dev/zero'], 2, '/dev/zero:1:1 error not a regular file (a device)'],
    ['--answers a FIFO', ['start', 'chat-leak', '--answers', fifo], 2, 'not a regular file (a FIFO)'],
    ['--scenario /dev/zero', ['start', 'chat-leak', '--answers', ANSWERS, '--scenario', '/dev/zero'], 2, '/dev/zero:1:1 error not a regular file (a device)'],
  ])('%s is refused at once', (_, args, code, message) => {
    const r = irbook(...args);
    expect(r.status).toBe(code);
    expect(r.stdout + r.stderr).toContain(message);
    expect(r.stdout + r.stderr).not.toMatch(/    at |bad_alloc/);
    expect(r.ms).toBeLessThan(10_000);
    expect(readdirSync(tmp)).not.toContain('store');
  });
});
