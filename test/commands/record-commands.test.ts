// amend, defer, resolve and close through the built binary; simulated clocks only in drills; a
// note added during a drill keeps the drill clock.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load, dump } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { incidentEvents, journalBytes } from '../support/chains.js';

const store = mkdtempSync(join(tmpdir(), 'irbook-rec-'));
const env = { ...process.env, IRBOOK_STORE: store, NO_COLOR: '1', IRBOOK_LANG: 'en', IRBOOK_PLAYBOOKS: 'playbooks', IRBOOK_TEMPLATES: 'templates', IRBOOK_ACTOR: 'li' };
const irbook = (...args: string[]) => spawnSync(process.execPath, ['bin/irbook.js', ...args], { encoding: 'utf8', env, input: '' });
const ANSWERS = 'test/fixtures/answers/chat-leak.yaml';
const fixture = load(readFileSync(ANSWERS, 'utf8')) as { answers: Record<string, unknown> };
type Ev = { seq: number; at: string; actor: string; type: string; data: Record<string, unknown> };
const journal = (id: string) => incidentEvents(store, id) as unknown as Ev[];
const idOf = (out: string) => /INC-\d{8}-\d{3}/.exec(out)![0];
const answersFile = (name: string, answers: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
  const file = join(store, `${name}.yaml`);
  writeFileSync(file, dump({ ...fixture, ...extra, answers }));
  return file;
};
afterAll(() => rmSync(store, { recursive: true, force: true }));

describe('correcting, deferring and closing an incident', () => {
  const deferred = answersFile('deferred', { ...fixture.answers, 'notify-ppc-final': { defer: { reason: 'HQ legal files the PPC final report', owner: 'hq' } } });
  const start = irbook('start', 'chat-leak', '--answers', deferred);
  const id = idOf(start.stdout);

  it('ends the walk with the deferred step open, and status lists it with its clock due', () => {
    expect(start.status, start.stderr).toBe(0);
    const s = JSON.parse(irbook('status', id, '--json').stdout);
    expect(s.state).toBe('open-items');
    const pre = s.clocks.find((c: { id: string }) => c.id === 'appi-final');
    expect(s.open_items).toEqual([{ kind: 'deferred', step: 'notify-ppc-final', reason: 'HQ legal files the PPC final report', owner: 'hq', due: pre.due }]);
    const text = irbook('status', id).stdout;
    expect(text).toMatch(/Open items \(1\)/);
    expect(text).toMatch(/put off\s+notify-ppc-final/);
  });

  it('refuses bad changes with exit 2, naming what is wrong, and writes nothing', () => {
    const before = journalBytes(store, id);
    for (const [args, re] of [
      [['amend', id, 'persons', '5', '--reason', 'x'], /"persons" is neither a fact nor a decision/],
      [['amend', id, 'persons_affected', 'lots', '--reason', 'x'], /whole number/],
      [['amend', id, 'persons_affected', '5'], /reason is required/],
      [['defer', id, 'notify-hq', '--reason', 'x'], /already done/],
      [['defer', id, 'clean-up'], /reason is required/],
      [['resolve', id, 'review:grade', '--reason', 'x'], /no open item "review:grade"/],
      [['resolve', id, 'deferred:notify-ppc-final'], /reason is required/],
      [['close', id, '--reason', 'done'], /1 open item\(s\) remain: deferred:notify-ppc-final/],
    ] as [string[], RegExp][]) {
      const r = irbook(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(re);
      expect(r.stderr).not.toMatch(/    at /);
    }
    expect(journalBytes(store, id)).toEqual(before);
  });

  it('amends a fact: review and correction items appear, and the chain verifies', () => {
    const r = irbook('amend', id, 'persons_affected', '2,000,000', '--reason', 'typo in the count');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/persons_affected 1500 → 2000000/);
    const last = journal(id).at(-1)!;
    expect(last).toMatchObject({ type: 'fact.amended', data: { fact: 'persons_affected', value: 2_000_000, previous: 1500, reason: 'typo in the count' } });
    const kinds = JSON.parse(irbook('status', id, '--json').stdout).open_items.map((i: { kind: string; step: string }) => `${i.kind}:${i.step}`);
    expect(kinds).toContain('review:grade');
    expect(kinds).toContain('correction:notify-hq');
    expect(irbook('verify', id).status).toBe(0);
  });

  it('resolves a review with a reason, revises a decision, and closes with the rest waived', () => {
    expect(irbook('resolve', id, 'review:grade:persons_affected', '--reason', 'reviewed: the grade stays').status).toBe(0);
    expect(irbook('amend', id, 'announce', 'no', '--reason', 'HQ decided against a public notice').status).toBe(0);
    expect(journal(id).at(-1)).toMatchObject({ type: 'decision.revised', data: { step: 'announce', answer: false } });
    const items = JSON.parse(irbook('status', id, '--json').stdout).open_items;
    const c = irbook('close', id, '--reason', 'handed to HQ legal', '--waive');
    expect(c.status, c.stderr).toBe(0);
    expect(journal(id).at(-1)).toMatchObject({ type: 'incident.closed', data: { reason: 'handed to HQ legal', waived: items.map((i: { kind: string; step?: string; fact?: string }) => [i.kind, i.step, i.fact].filter(Boolean).join(':')) } });
    expect(JSON.parse(irbook('status', id, '--json').stdout)).toMatchObject({ state: 'closed', open_items: [] });
    expect(irbook('close', id, '--reason', 'again', '--waive').status).toBe(2);
    expect(irbook('amend', id, 'persons_affected', '3', '--reason', 'late').status).toBe(2);
    expect(irbook('verify', id).status).toBe(0);
  });
});

describe('a drill: a notification put off and taken up a week later', () => {
  it('keeps the clock running while deferred, and the take-up closes the item', () => {
    const answers = { ...fixture.answers, 'notify-ppc-final': { defer: { reason: 'HQ legal files the PPC final report', owner: 'hq' } } };
    const a = irbook('start', 'chat-leak', '--exercise', '--clock', '2026-11-23T10:00:00+08:00', '--pace', 'PT2M', '--answers', answersFile('drill-defer', answers));
    expect(a.status, a.stderr).toBe(0);
    const id = idOf(a.stdout);
    const before = JSON.parse(irbook('status', id, '--json').stdout);
    expect(before.open_items).toMatchObject([{ kind: 'deferred', step: 'notify-ppc-final', owner: 'hq' }]);
    expect(before.clocks.find((c: { id: string }) => c.id === 'appi-final').status).toMatch(/running|warning/);
    const walkEnd = journal(id).at(-1)!;
    expect(walkEnd.type).toBe('session.closed');

    // A week later on the drill clock: the resume takes up the deferred step only.
    const later = answersFile('drill-later', { 'notify-ppc-final': { channel: 'web-form', ref: 'PPC-F-DRILL' } }, { pace: 'P7D' });
    const r = irbook('resume', id, '--answers', later);
    expect(r.status, r.stderr).toBe(0);
    const sent = journal(id).filter((e) => e.seq > walkEnd.seq);
    expect(sent.map((e) => e.type)).toEqual(['notify.sent']);
    expect(Date.parse(sent[0]!.at) - Date.parse(walkEnd.at)).toBe(7 * 86_400_000);
    const after = JSON.parse(irbook('status', id, '--json').stdout);
    expect(after).toMatchObject({ state: 'closed', open_items: [] });
    expect(after.clocks.find((c: { id: string }) => c.id === 'appi-final').status).toMatch(/met|late/);
    expect(irbook('resume', id, '--answers', later).status).toBe(2);
    expect(irbook('verify', id).status).toBe(0);
  });
});

describe('clocks', () => {
  it('a real incident refuses --clock, --pace and --speed, and an answers file with clock:', () => {
    for (const args of [['--clock', '2026-11-23T10:00:00+08:00'], ['--pace', 'PT2M'], ['--speed', '60']]) {
      const r = irbook('start', 'chat-leak', '--answers', ANSWERS, ...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/only in drills; add --exercise/);
    }
    const r = irbook('start', 'chat-leak', '--answers', answersFile('clocked', fixture.answers, { clock: '2026-11-23T10:00:00+08:00' }));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--clock: a simulated clock/);
  });

  it('a note added mid-drill takes the drill time; every later event stays on the drill clock', () => {
    const partial = { ...fixture.answers };
    delete partial['report-hq'];
    const a = irbook('start', 'chat-leak', '--exercise', '--clock', '2026-11-23T10:00:00+08:00', '--pace', 'PT2M', '--answers', answersFile('partial', partial));
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(/resume with: irbook resume INC-\d+-\d+/);
    const id = idOf(a.stdout);
    const walked = journal(id);
    const stoppedAt = walked.at(-1)!.at;
    const lastSeq = walked.at(-1)!.seq;
    expect(irbook('note', id, 'HQ', 'called', 'back').status).toBe(0);
    // The note is in its writer's own chain; in the merged journal it stands at the drill time.
    const note = journal(id).find((e) => e.type === 'note.added')!;
    expect(note).toMatchObject({ type: 'note.added', at: stoppedAt, data: { exercise: true } });
    const r = irbook('resume', id, '--answers', ANSWERS);
    expect(r.status, r.stderr).toBe(0);
    // What the resumed walk wrote: the walker's chain after where it stopped.
    const later = journal(id).filter((e) => e.actor === walked.at(-1)!.actor && e.seq > lastSeq);
    expect(later.length).toBeGreaterThan(20);
    let prev = Date.parse(note.at);
    for (const e of later) {
      // On the drill clock: never before the note, never out at the wall clock (the fixture's last claimed time is 2026-12-01 17:00 +08:00, when handling ended).
      expect(Date.parse(e.at), `${e.seq} ${e.type} ${e.at}`).toBeGreaterThanOrEqual(prev);
      expect(Date.parse(e.at), `${e.seq} ${e.type} ${e.at}`).toBeLessThan(Date.parse('2026-12-01T18:00:00+08:00'));
      prev = Date.parse(e.at);
    }
    expect(Date.parse(later[0]!.at) - Date.parse(note.at)).toBe(120_000);
  });
});
