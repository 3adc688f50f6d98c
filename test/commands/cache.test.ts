// The cache through the built binary: `start`, `show` and `list` say and record the same with an
// empty cache, a warm one, and none at all; an edited playbook is read again, never served stale.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { incidentEvents } from '../support/chains.js';

const root = mkdtempSync(join(tmpdir(), 'irbook-cache-cli-'));
const pb = join(root, 'playbooks');
mkdirSync(pb);
for (const f of ['chat-leak.yaml', 'false-rumour.yaml', 'clocks.yaml', 'parties.yaml']) copyFileSync(join('playbooks', f), join(pb, f));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const run = (cache: string, ...args: string[]) => {
  const store = join(root, 'store');
  const env = { ...process.env, IRBOOK_STORE: store, IRBOOK_CACHE_DIR: cache, NO_COLOR: '1', IRBOOK_LANG: 'en', IRBOOK_PLAYBOOKS: pb };
  return spawnSync(process.execPath, ['bin/irbook.js', ...args], { encoding: 'utf8', env, input: '' });
};
const cold = join(root, 'cold'), warm = join(root, 'warm'), none = join(pb, 'chat-leak.yaml', 'x'); // below a file: never written
/** An incident's events without what differs from run to run (times, ids, hashes of those). */
const recorded = (stdout: string) => {
  const id = /INC-\d{8}-\d{3}/.exec(stdout)![0];
  return incidentEvents(join(root, 'store'), id).map((e) => JSON.stringify(e.data).replaceAll(id, 'ID')).map((s) => s.replace(/"(at|started|ended|when)":"[^"]*"/g, '"$1":"T"'));
};
const ids = (s: string) => s.replace(/INC-\d{8}-\d{3}/g, 'ID');
const same = (a: ReturnType<typeof run>, b: ReturnType<typeof run>) => {
  expect(b.status, b.stderr).toBe(a.status);
  expect(ids(b.stdout)).toBe(ids(a.stdout));
  expect(ids(b.stderr)).toBe(ids(a.stderr));
};

it('start records the same session from an empty cache, a warm one and none', () => {
  const args = ['start', 'chat-leak', '--answers', 'test/fixtures/answers/chat-leak.yaml', '--tz', 'Asia/Shanghai', '--actor', 'zhang'];
  const first = run(cold, ...args);
  expect(first.status, first.stderr).toBe(0);
  expect(readdirSync(cold).some((f) => f.startsWith('playbook-'))).toBe(true);
  const again = run(cold, ...args);
  const uncached = run(none, ...args);
  same(first, again);
  same(first, uncached);
  expect(recorded(again.stdout)).toEqual(recorded(first.stdout));
  expect(recorded(uncached.stdout)).toEqual(recorded(first.stdout));
});

it.each([
  ['show', 'chat-leak'], ['show', 'chat-leak', '--format', 'json'], ['show', 'false-rumour', '--format', 'mermaid'], ['list'], ['list', '--json'],
].map((args) => ({ command: args.join(' '), args })))('$command gives the same output cached and not', ({ args }) => {
  const first = run(warm, ...args);
  expect(first.status, first.stderr).toBe(0);
  same(first, run(warm, ...args));
  same(first, run(none, ...args));
});

it('an edited playbook is shown and listed as it now is', () => {
  run(warm, 'list');
  run(warm, 'show', 'chat-leak');
  const file = join(pb, 'chat-leak.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('version: 1.1.0', 'version: 1.1.7'));
  expect(run(warm, 'list').stdout).toMatch(/chat-leak\s+1\.1\.7/);
  expect(run(warm, 'show', 'chat-leak').stdout).toMatch(/chat-leak 1\.1\.7/);
  // The same size as before: only the bytes differ.
  writeFileSync(file, readFileSync(file, 'utf8').replace('version: 1.1.7', 'version: 1.1.8'));
  expect(run(warm, 'list').stdout).toMatch(/chat-leak\s+1\.1\.8/);
  expect(run(warm, 'show', 'chat-leak').stdout).toMatch(/chat-leak 1\.1\.8/);
});

it('a corrupt cache is a miss and is written again', () => {
  run(warm, 'list');
  for (const f of readdirSync(warm).filter((f) => f.endsWith('.json'))) writeFileSync(join(warm, f), '{"key": "x", "value": ');
  const r = run(warm, 'list', '--json');
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout).map((x: { id: string }) => x.id)).toContain('chat-leak');
  const listed = readdirSync(warm).filter((f) => f.startsWith('list-'));
  expect(listed.every((f) => JSON.parse(readFileSync(join(warm, f), 'utf8')).key !== 'x')).toBe(true);
});
