// The journal checkpoint through the built binary: `status` says the same with and without it,
// a journal tampered with before the checkpoint's mark is still refused (exit 5), `verify` and
// `report` never rely on it, and git does not see it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journal } from '../../src/adapters/journal.js';
import { CACHE_DIR, CHECKPOINT_EVERY, readCheckpoint } from '../../src/adapters/checkpoint.js';
import { chainPath } from '../support/chains.js';

const store = mkdtempSync(join(tmpdir(), 'irbook-checkpoint-cli-'));
const env = { ...process.env, IRBOOK_STORE: store, NO_COLOR: '1', IRBOOK_LANG: 'en', IRBOOK_PLAYBOOKS: 'playbooks', IRBOOK_TEMPLATES: 'templates', IRBOOK_SIGNING_KEY: '' };
const irbook = (...args: string[]) => spawnSync(process.execPath, ['bin/irbook.js', ...args], { encoding: 'utf8', env, input: '' });
let id = '';
let dir = '';
const cache = () => join(dir, CACHE_DIR);

beforeAll(() => {
  // A drill on a simulated clock: its clocks are judged at its own last event, so two runs of status agree.
  const a = irbook('start', 'chat-leak', '--answers', 'test/fixtures/answers/chat-leak.yaml', '--exercise', '--clock', '2026-11-23T10:00:00+08:00');
  expect(a.status, a.stderr).toBe(0);
  id = /INC-\d{8}-\d{3}/.exec(a.stdout)![0];
  dir = join(store, id);
  const li = Journal.open(dir, { actor: 'li' });
  let t = Date.parse(li.events.at(-1)!.at);
  for (let i = 0; i < CHECKPOINT_EVERY + 10; i++) li.append({ at: new Date((t += 60_000)).toISOString(), tz: 'Asia/Shanghai', actor: 'li', type: 'note.added', data: { text: `经过 ${i}` } });
  li.close();
  rmSync(cache(), { recursive: true, force: true });
});
afterAll(() => { rmSync(store, { recursive: true, force: true }); });

describe('status through the checkpoint', () => {
  it('says exactly what the full walk says, and leaves a checkpoint git does not see', () => {
    const walked = irbook('status', id, '--json');
    expect(walked.status, walked.stderr).toBe(0);
    expect(existsSync(join(cache(), 'checkpoint.v8'))).toBe(true);
    const quick = irbook('status', id, '--json');
    expect(quick.stdout).toBe(walked.stdout);
    expect((JSON.parse(quick.stdout) as { events: number }).events).toBeGreaterThan(CHECKPOINT_EVERY);
    // A note after the checkpoint is folded on top of it: same answer as a walk without one.
    expect(irbook('note', id, 'after', 'the', 'checkpoint', '--actor', 'li').status).toBe(0);
    const after = irbook('status', id, '--json').stdout;
    rmSync(cache(), { recursive: true, force: true });
    expect(irbook('status', id, '--json').stdout).toBe(after);
    // A garbled checkpoint: the full walk answers, and leaves a good checkpoint behind.
    writeFileSync(join(cache(), 'checkpoint.v8'), 'garbage');
    expect(irbook('status', id, '--json').stdout).toBe(after);
    expect(readCheckpoint(dir)?.chains.length).toBe(2);
    expect(spawnSync('git', ['init', '-q'], { cwd: store }).status).toBe(0);
    expect(spawnSync('git', ['add', '-A'], { cwd: store }).status).toBe(0);
    const files = spawnSync('git', ['ls-files'], { cwd: store, encoding: 'utf8' }).stdout;
    expect(files).toContain(`${id}/journal/`);
    expect(files).not.toContain(CACHE_DIR);
  });

  it('a byte edited before the checkpoint: status, report and verify all refuse (exit 5)', () => {
    expect(irbook('status', id).status).toBe(0);
    const file = chainPath(store, id, 'li');
    const good = readFileSync(file);
    try {
      writeFileSync(file, good.toString('utf8').replace('经过 3', '经过 8'));
      const s = irbook('status', id);
      expect(s.status, s.stdout).toBe(5);
      expect(s.stderr).toContain(file);
      expect(irbook('verify', id).status).toBe(5);
      expect(irbook('report', id, '-t', 'hq', '-f', 'md', '-o', '-').status).toBe(5);
    } finally {
      writeFileSync(file, good);
    }
    expect(irbook('status', id).status).toBe(0);
  });

  it('a conflict that arrives after the checkpoint (a chain synced in from another clone) is the same item as the full walk finds', () => {
    expect(irbook('status', id).status).toBe(0); // the checkpoint is current
    // Another clone: a copy of the store where wang amends the fact without seeing li's amendment.
    const other = mkdtempSync(join(tmpdir(), 'irbook-checkpoint-clone-'));
    try {
      cpSync(dir, join(other, id), { recursive: true });
      const w = spawnSync(process.execPath, ['bin/irbook.js', 'amend', id, 'persons_affected', '1800', '--reason', 'count from the export', '--actor', 'wang'], { encoding: 'utf8', env: { ...env, IRBOOK_STORE: other }, input: '' });
      expect(w.status, w.stderr).toBe(0);
      const l = irbook('amend', id, 'persons_affected', '2000', '--reason', 'count from the group list', '--actor', 'li');
      expect(l.status, l.stderr).toBe(0);
      copyFileSync(chainPath(other, id, 'wang'), chainPath(store, id, 'wang'));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
    const quick = irbook('status', id, '--json');
    expect(quick.status, quick.stderr).toBe(0);
    const items = (JSON.parse(quick.stdout) as { open_items: { kind: string; fact?: string }[] }).open_items;
    expect(items.filter((i) => i.kind === 'conflict').map((i) => i.fact)).toEqual(['persons_affected']);
    rmSync(cache(), { recursive: true, force: true });
    expect(irbook('status', id, '--json').stdout).toBe(quick.stdout);
  });
});
