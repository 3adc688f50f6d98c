// The journal checkpoint: a read through it gives exactly what the full walk gives, and any
// disagreement between the checkpoint and the chains (a byte edited before its mark, a cut file,
// a checkpoint of other bytes, a garbled or foreign checkpoint, a line that sorts before it, a
// reference into its prefix) is caught and the full walk runs instead.
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize, deserialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal, createIncident, readIncidentJournal, writerId, type NewEvent } from '../../src/adapters/journal.js';
import { readFolded, saveCheckpoint } from '../../src/adapters/checkpoint-read.js';
import { CACHE_DIR, CHECKPOINT_EVERY, readCheckpoint } from '../../src/adapters/checkpoint.js';
import { pinnedOf } from '../../src/core/session/plan.js';
import { reduce } from '../../src/core/session/state.js';

let root: string;
beforeEach(() => { root = mkdtempSync(join(tmpdir(), 'irbook-checkpoint-')); });
afterEach(() => { rmSync(root, { recursive: true, force: true }); });

let clock = Date.UTC(2026, 10, 23, 2);
const at = () => new Date((clock += 1000)).toISOString();
const ev = (actor: string, type = 'note.added', data: Record<string, unknown> = { text: `${actor} 记录 ${clock}` }): NewEvent => ({ at: at(), tz: 'Asia/Shanghai', actor, type, data });
const started = (actor: string) => ev(actor, 'session.started', { incident: 'INC-20261123-001', playbook: { id: 'chat-leak', sha256: '0'.repeat(64) }, responder: actor, timezone: 'Asia/Shanghai' });
const chain = (dir: string, actor: string) => join(dir, 'journal', `${writerId(actor)}.jsonl`);
const cpFile = (dir: string) => join(dir, CACHE_DIR, 'checkpoint.v8');

/** Two writers, `n` events in all (facts and decisions among the notes, so the fold has something to keep); returns the folder. */
function incident(n = CHECKPOINT_EVERY + 40): string {
  const { dir } = createIncident(join(root, 'store'), '20261123');
  const zhang = Journal.open(dir, { create: true, actor: 'zhang' });
  const li = Journal.open(dir, { actor: 'li' });
  zhang.append(started('zhang'));
  for (let i = 1; i < n; i++) {
    const j = i % 3 ? zhang : li;
    const actor = i % 3 ? 'zhang' : 'li';
    if (i % 7 === 0) j.append(ev(actor, 'fact.recorded', { step: `s${i}`, fact: `f${i % 5}`, value: i }));
    else if (i % 11 === 0) j.append(ev(actor, 'decision.made', { step: `d${i}`, answer: i % 2 === 0, expr: 'x', facts: {} }));
    else j.append(ev(actor));
  }
  zhang.close();
  li.close();
  return dir;
}

/** What a full walk without any checkpoint says. */
function full(dir: string) {
  const r = readIncidentJournal(dir);
  return { state: reduce(r.events), pin: pinnedOf(r.events), heads: r.heads, verdict: r.verdict };
}

/** A read through the checkpoint; else undefined (there is none) or 'stale' (it could not be used). */
function folded(dir: string) {
  const f = readFolded(dir);
  return typeof f === 'object' ? { state: f.state, pin: f.pin, heads: f.heads, verdict: f.verdict } : f;
}

describe('journal checkpoint', () => {
  it('is written by a read of a long journal, outside what git sees, and a read through it equals the full walk', () => {
    const dir = incident();
    expect(existsSync(cpFile(dir))).toBe(false);
    expect(readIncidentJournal(dir, { checkpoint: true }).verdict.ok).toBe(true);
    expect(folded(dir)).toBeUndefined();
    Journal.open(dir, { actor: 'zhang' }).close();
    const cp = readCheckpoint(dir);
    expect(cp?.chains.map((c) => [c.writer, c.bytes])).toEqual([writerId('li'), writerId('zhang')].map((w) => [w, readFileSync(chain(dir, w.split('@')[0]!)).length]));
    expect(readFileSync(join(dir, CACHE_DIR, '.gitignore'), 'utf8')).toBe('*\n');
    expect(folded(dir)).toEqual(full(dir));
  });

  it('folds only the lines after it, and equals the full walk after more appends by both writers', () => {
    const dir = incident();
    Journal.open(dir).close();
    const before = readCheckpoint(dir)!;
    const zhang = Journal.open(dir, { actor: 'zhang' });
    const li = Journal.open(dir, { actor: 'li' });
    for (let i = 0; i < 20; i++) (i % 2 ? li : zhang).append(i === 5 ? ev('li', 'fact.amended', { fact: 'f1', value: 'x', previous: 1, reason: 'typo' }) : ev(i % 2 ? 'li' : 'zhang'));
    zhang.close();
    li.close();
    // Too few new events for a new checkpoint: the old one still stands and is folded onto.
    expect(readCheckpoint(dir)).toEqual(before);
    const f = readFolded(dir);
    if (typeof f !== 'object') throw new Error(`not read through the checkpoint: ${f}`);
    expect(folded(dir)).toEqual(full(dir));
    expect(f.state.amendments).toHaveLength(1);
    expect(f.verdict.events).toBe(CHECKPOINT_EVERY + 60);
  });

  const cases: [string, (dir: string) => void][] = [
    ['a byte edited before the mark', (dir) => {
      const f = chain(dir, 'zhang');
      writeFileSync(f, readFileSync(f, 'utf8').replace('zhang 记录', 'zhang 记彔'));
    }],
    ['the chain cut short', (dir) => {
      const f = chain(dir, 'li');
      truncateSync(f, readFileSync(f).length - 200);
    }],
    ['a chain removed', (dir) => rmSync(chain(dir, 'li'))],
    ['a stale checkpoint (of other bytes of the same length)', (dir) => {
      const f = chain(dir, 'zhang');
      const text = readFileSync(f, 'utf8');
      writeFileSync(f, text.replace(/"text":"zhang 记录 (\d)/, '"text":"zhang 记录 9'));
    }],
    ['a garbled checkpoint', (dir) => writeFileSync(cpFile(dir), 'not a checkpoint')],
    ['an empty checkpoint', (dir) => writeFileSync(cpFile(dir), '')],
    ['a checkpoint of another irbook version', (dir) => {
      const cp = deserialize(readFileSync(cpFile(dir))) as { irbook: string };
      writeFileSync(cpFile(dir), serialize({ ...cp, irbook: '0.0.0-other' }));
    }],
    ['a checkpoint whose state is not a state', (dir) => {
      const cp = deserialize(readFileSync(cpFile(dir))) as { fold: { state: { done: unknown } } };
      cp.fold.state.done = ['x'];
      writeFileSync(cpFile(dir), serialize(cp));
    }],
  ];

  it.each(cases)('%s: detected, and the full walk runs', (_name, spoil) => {
    const dir = incident();
    Journal.open(dir).close();
    expect(folded(dir)).toBeDefined();
    spoil(dir);
    expect(folded(dir)).toBe('stale');
    // The full walk's verdict, whatever it is (a tampered chain fails, a bad cache alone does not).
    const walked = full(dir);
    const through = readIncidentJournal(dir, { checkpoint: true });
    expect(through.verdict).toEqual(walked.verdict);
    expect(through.heads).toEqual(walked.heads);
  });

  it('a tampered line before the mark fails the read through the checkpoint as the full walk does', () => {
    const dir = incident();
    Journal.open(dir).close();
    cases[0]![1](dir);
    const v = readIncidentJournal(dir, { checkpoint: true }).verdict;
    expect(v).toMatchObject({ ok: false, reason: 'verify-bad-hash', file: chain(dir, 'zhang') });
  });

  it('a new line that sorts before the checkpoint\'s last event sends the read to the full walk', () => {
    const dir = incident();
    Journal.open(dir).close();
    const li = Journal.open(dir, { actor: 'li' });
    li.append({ ...ev('li'), at: new Date(Date.UTC(2026, 10, 23, 2, 0, 30)).toISOString() });
    li.close();
    expect(folded(dir)).toBe('stale');
    expect(full(dir).verdict.ok).toBe(true);
    // The full read after a stale checkpoint replaces it, however little was added: the next read goes through it again.
    const r = readIncidentJournal(dir, { checkpoint: true });
    saveCheckpoint(dir, r.chains, () => ({ state: reduce(r.events), pin: pinnedOf(r.events) }), 1);
    expect(folded(dir)).toEqual(full(dir));
  });

  it('a read-only store is still read (no checkpoint written, no error)', () => {
    const dir = incident();
    writeFileSync(join(dir, CACHE_DIR), 'a file where the cache folder would be');
    expect(() => Journal.open(dir).close()).not.toThrow();
    expect(readCheckpoint(dir)).toBeUndefined();
    expect(readIncidentJournal(dir, { checkpoint: true }).verdict.ok).toBe(true);
  });
});

describe('Journal.fold: a walk\'s state from the checkpoint', () => {
  // A checkpoint whose fold has a fact no event recorded as unknown: a state that came from it has it too.
  function marked(dir: string): void {
    const cp = deserialize(readFileSync(cpFile(dir))) as { fold: { state: { unknown: Set<string> } } };
    cp.fold.state.unknown.add('from-the-checkpoint');
    writeFileSync(cpFile(dir), serialize(cp));
  }
  const more = (dir: string, n: number, when?: string) => {
    const zhang = Journal.open(dir, { actor: 'zhang' });
    const li = Journal.open(dir, { actor: 'li' });
    for (let i = 0; i < n; i++) (i % 2 ? li : zhang).append(i === 3 ? ev('li', 'fact.recorded', { step: 's', fact: 'f9', value: 'late' }) : { ...ev(i % 2 ? 'li' : 'zhang'), ...(when && { at: when }) });
    zhang.close();
    li.close();
  };
  const fold = (dir: string) => {
    const j = Journal.open(dir, { actor: 'zhang' });
    try {
      return [j.fold(), j.fold()] as const;
    } finally {
      j.close();
    }
  };

  it('starts from the checkpoint\'s fold and applies only the events after its marks; a second fold walks them all', () => {
    const dir = incident();
    Journal.open(dir).close();
    more(dir, 10);
    const want = full(dir);
    marked(dir);
    const [first, second] = fold(dir);
    expect(first.state.unknown.delete('from-the-checkpoint')).toBe(true);
    expect(first.state).toEqual(want.state);
    expect(first.pin).toEqual(want.pin);
    expect(second).toEqual({ state: want.state, pin: want.pin });
    expect(second.state).not.toBe(first.state);
  });

  const stale: [string, (dir: string) => void][] = [
    ['a line after the marks that sorts before the checkpoint\'s last event', (dir) => more(dir, 6, new Date(Date.UTC(2026, 10, 23, 2, 0, 30)).toISOString())],
    ['a checkpoint of other bytes', (dir) => {
      const cp = deserialize(readFileSync(cpFile(dir))) as { chains: { sha256: string }[] };
      cp.chains[0]!.sha256 = '0'.repeat(64);
      writeFileSync(cpFile(dir), serialize(cp));
    }],
  ];
  it.each(stale)('folds every event when the checkpoint does not stand: %s', (_, change) => {
    const dir = incident();
    Journal.open(dir).close();
    marked(dir);
    change(dir);
    const want = full(dir);
    const [first] = fold(dir);
    expect(first).toEqual({ state: want.state, pin: want.pin });
  });
});
