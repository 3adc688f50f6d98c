// Conflicting answers from writers who had not seen each other's: a table of two (or three) chains
// built by hand — the hashes are names, `prev` links a writer's own events and `seen` names the
// other writers' heads it had read — folded in the incident's order into the open items.
import { describe, expect, it } from 'vitest';
import { loadPlaybook } from '../../src/adapters/playbook-fs.js';
import { conflicts, hadSeen, type Links } from '../../src/core/session/conflicts.js';
import { evaluatorFor } from '../../src/core/session/evaluator.js';
import type { SessionEvent } from '../../src/core/session/events.js';
import { itemKey, openItems } from '../../src/core/session/open-items.js';
import { reduce } from '../../src/core/session/state.js';

const { playbook } = loadPlaybook('chat-leak', 'playbooks');
const GENESIS = '0'.repeat(64);

/** One line of the table: writer, minute after 02:00, type, data, and the events it had seen by name. */
type Line = [writer: string, minute: number, type: string, data: Record<string, unknown>, seen?: string[]];

// Each line becomes an event named `<writer><n>` (z1, z2, l1 …); merged by time, then writer.
function events(lines: readonly Line[]): SessionEvent[] {
  const counts = new Map<string, number>();
  const out = lines.map(([writer, minute, type, data, seen]) => {
    const n = (counts.get(writer) ?? 0) + 1;
    counts.set(writer, n);
    const hash = `${writer}${n}`;
    const prev = n === 1 ? GENESIS : `${writer}${n - 1}`;
    const at = new Date(Date.UTC(2026, 11, 2, 2, minute)).toISOString();
    return { seq: n, at, tz: 'Asia/Shanghai', actor: writer === 'z' ? 'zhang' : writer === 'l' ? 'li.wei' : 'tanaka', type, data, prev, hash, ...(seen ? { seen: Object.fromEntries(seen.map((h) => [h, h])) } : {}) };
  });
  return out.sort((a, b) => a.at.localeCompare(b.at) || a.actor.localeCompare(b.actor));
}

const start: Line = ['z', 0, 'session.started', { incident: 'INC-1', playbook: { id: 'chat-leak', version: '1', sha256: 'x', file: 'x' }, responder: 'zhang', locale: 'en', timezone: 'Asia/Shanghai', exercise: false }];
const fact = (value: unknown, step = 'scope') => ({ step, fact: 'persons_affected', value });
const amended = (value: unknown, previous: unknown) => ({ fact: 'persons_affected', value, previous, reason: 'recount' });
const grade = (answer: string) => ({ step: 'grade', question: { en: 'grade?' }, facts: {}, answer });

const conflictItems = (lines: readonly Line[]) =>
  openItems(playbook, reduce(events(lines)), [], evaluatorFor(playbook)).filter((i) => i.kind === 'conflict');

describe('conflicting answers by different writers', () => {
  const cases: { name: string; lines: Line[]; want: { key: string; stands: unknown; other: unknown; who: [string, string] }[] }[] = [
    {
      name: 'two writers record the same fact differently, neither having seen the other',
      lines: [start, ['l', 1, 'fact.recorded', fact(1500), ['z1']], ['z', 2, 'fact.recorded', fact(2000)]],
      want: [{ key: 'conflict:persons_affected', stands: 2000, other: 1500, who: ['zhang', 'li.wei'] }],
    },
    {
      name: 'the later writer had seen the earlier answer: a deliberate change, no conflict',
      lines: [start, ['l', 1, 'fact.recorded', fact(1500), ['z1']], ['z', 2, 'fact.recorded', fact(2000), ['l1']]],
      want: [],
    },
    {
      name: 'the earlier writer had seen the later one (clocks apart): no conflict',
      lines: [start, ['l', 3, 'fact.recorded', fact(1500), ['z1']], ['z', 2, 'fact.recorded', fact(2000), ['l1']]],
      want: [],
    },
    {
      name: 'the same value from both: no conflict',
      lines: [start, ['l', 1, 'fact.recorded', fact(2000), ['z1']], ['z', 2, 'fact.recorded', fact(2000)]],
      want: [],
    },
    {
      name: 'one writer answering twice (its own chain): no conflict',
      lines: [start, ['z', 1, 'fact.recorded', fact(1500)], ['z', 2, 'fact.amended', amended(2000, 1500)]],
      want: [],
    },
    {
      name: 'a decision made twice by two walks',
      lines: [start, ['l', 1, 'decision.made', grade('general'), ['z1']], ['z', 2, 'decision.made', grade('major')]],
      want: [{ key: 'conflict:grade', stands: 'major', other: 'general', who: ['zhang', 'li.wei'] }],
    },
    {
      name: 'a revision concurrent with another writer\'s revision',
      lines: [start, ['z', 1, 'decision.made', grade('general')], ['l', 2, 'decision.revised', { step: 'grade', answer: 'major', previous: 'general', reason: 'r' }, ['z2']],
        ['z', 3, 'decision.revised', { step: 'grade', answer: 'relatively_major', previous: 'general', reason: 'r' }]],
      want: [{ key: 'conflict:grade', stands: 'relatively_major', other: 'major', who: ['zhang', 'li.wei'] }],
    },
    {
      name: 'known through a third writer: li.wei saw tanaka, who had seen zhang\'s answer',
      lines: [start, ['z', 1, 'fact.recorded', fact(1500)], ['t', 2, 'note.added', { text: 'saw it' }, ['z2']], ['l', 3, 'fact.amended', amended(2000, 1500), ['t1']]],
      want: [],
    },
    {
      name: 'a later amend that saw both settles the conflict',
      lines: [start, ['l', 1, 'fact.recorded', fact(1500), ['z1']], ['z', 2, 'fact.recorded', fact(2000)], ['t', 3, 'fact.amended', amended(1800, 2000), ['z2', 'l1']]],
      want: [],
    },
    {
      name: 'an amend by one side still not having seen the other keeps the conflict, with the new value',
      lines: [start, ['l', 1, 'fact.recorded', fact(1500), ['z1']], ['z', 2, 'fact.recorded', fact(2000)], ['l', 3, 'fact.amended', amended(1600, 1500)]],
      want: [{ key: 'conflict:persons_affected', stands: 1600, other: 2000, who: ['li.wei', 'zhang'] }],
    },
  ];
  it.each(cases)('$name', ({ lines, want }) => {
    const got = conflictItems(lines);
    expect(got.map((i) => ({ key: itemKey(i), stands: i.answers?.[0]?.value, other: i.answers?.[1]?.value, who: i.answers?.map((a) => a.who) }))).toEqual(want);
  });

  it('the later answer stands in the state, and the item shows both values, who and when', () => {
    const lines: Line[] = [start, ['l', 1, 'decision.made', grade('general'), ['z1']], ['z', 2, 'decision.made', grade('major')], ['l', 3, 'fact.recorded', fact(1500)], ['z', 4, 'fact.recorded', fact(2000)]];
    const s = reduce(events(lines));
    expect(s.decisions.filter((d) => d.step === 'grade').map((d) => d.answer)).toEqual(['major']);
    expect(s.facts.persons_affected).toBe(2000);
    const item = conflictItems(lines).find((i) => i.fact === 'persons_affected')!;
    expect(item.reason).toBe('2000 (zhang 2026-12-02 10:04) ≠ 1500 (li.wei 2026-12-02 10:03)');
    expect(item.answers).toEqual([{ value: 2000, who: 'zhang', at: '2026-12-02T02:04:00.000Z' }, { value: 1500, who: 'li.wei', at: '2026-12-02T02:03:00.000Z' }]);
  });

  it('resolve settles it; a new conflict after that opens it again', () => {
    const base: Line[] = [start, ['l', 1, 'fact.recorded', fact(1500), ['z1']], ['z', 2, 'fact.recorded', fact(2000)]];
    const resolved: Line[] = [...base, ['z', 3, 'item.resolved', { item: 'conflict:persons_affected', reason: 'checked: 2000' }]];
    expect(conflictItems(resolved)).toEqual([]);
    const again: Line[] = [...resolved, ['l', 4, 'fact.amended', amended(1700, 1500)]];
    expect(conflictItems(again).map((i) => i.reason)).toEqual(['1700 (li.wei 2026-12-02 10:04) ≠ 2000 (zhang 2026-12-02 10:02)']);
  });

  it('answers without a hash (not journaled) are never in conflict', () => {
    const plain = events([start, ['l', 1, 'fact.recorded', fact(1500)], ['z', 2, 'fact.recorded', fact(2000)]]).map(({ seq, at, tz, actor, type, data }) => ({ seq, at, tz, actor, type, data }));
    expect(openItems(playbook, reduce(plain), [], evaluatorFor(playbook)).filter((i) => i.kind === 'conflict')).toEqual([]);
  });
});

describe('hadSeen', () => {
  const links: Links = new Map<string, string | string[]>([['a1', GENESIS], ['a2', 'a1'], ['b1', [GENESIS, 'a1']], ['b2', 'b1'], ['c1', [GENESIS, 'b2']]]);
  it.each([
    ['a2', 'a1', true], ['b2', 'a1', true], ['c1', 'a1', true], ['b2', 'a2', false], ['a2', 'b1', false], ['a1', 'a1', true], ['unknown', 'a1', false],
  ])('%s had seen %s: %s', (from, target, want) => {
    expect(hadSeen(links, from, target)).toBe(want);
  });
  it('conflicts() pairs the standing answer with the latest unseen one only', () => {
    const got = conflicts(new Map([['fact:x', [{ value: 1, who: 'a', at: 't', ord: 1, hash: 'a2' }, { value: 2, who: 'b', at: 't', ord: 2, hash: 'b1' }, { value: 3, who: 'b', at: 't', ord: 3, hash: 'b2' }]]]), links);
    expect(got.map((c) => [c.stands.value, c.other.value])).toEqual([[3, 1]]);
  });
});
