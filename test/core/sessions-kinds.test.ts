// Each step kind on its own, with plain objects: what is left of a step, the events its walk
// appends from a prompter's answers, and how those events read.
import { describe, expect, it } from 'vitest';
import { clockEngine } from '../../src/core/clocks/clocks.js';
import type { Playbook, Step } from '../../src/core/playbook/schema.js';
import { describeEvent } from '../../src/core/session/describe.js';
import { evaluatorFor } from '../../src/core/session/evaluator.js';
import type { NewEvent, SessionEvent } from '../../src/core/session/events.js';
import { ask, UNKNOWN } from '../../src/core/session/kinds/ask.js';
import { check } from '../../src/core/session/kinds/check.js';
import { decide } from '../../src/core/session/kinds/decide.js';
import { kindOf, KINDS } from '../../src/core/session/kinds/index.js';
import type { StepKind } from '../../src/core/session/kinds/kind.js';
import { notify } from '../../src/core/session/kinds/notify.js';
import { record } from '../../src/core/session/kinds/record.js';
import { KIND_SCHEMAS } from '../../src/core/session/kinds/schemas.js';
import type { Prompter, RunDeps } from '../../src/core/session/run.js';
import { apply, emptyState, type State } from '../../src/core/session/state.js';

const pb: Playbook = {
  id: 'mini', version: '1.0.0', title: 'mini',
  facts: { n: { type: 'integer', prompt: 'How many?' }, when_seen: { type: 'datetime', prompt: 'When?', unknown_ok: true } },
  policy: { big: 100 },
  stages: [{ id: 'detect', steps: [] }],
};
const steps: Record<string, Step> = {
  check: { id: 'c', check: ['one', 'two', 'three'] },
  ask: { id: 'a', ask: ['n', 'when_seen'] },
  decide: { id: 'd', decide: { question: 'Big?', recommend: 'n >= policy.big', sets: 'big_one' } },
  notify: { id: 'm', notify: { party: 'hq', satisfies: ['hq-24h'] } },
  record: { id: 'r', record: { prompt: 'What happened?', section: 'cause' } },
};

const answers: Prompter = {
  fact: async ({ name }) => (name === 'n' ? 150 : UNKNOWN),
  check: async ({ index }) => (index === 0 ? {} : index === 1 ? { notYet: true } : { skipped: true, reason: 'no admin console' }),
  decide: async () => ({ answer: false, reason: 'only test accounts' }),
  notify: async () => ({ channel: 'email', ref: 'HQ-1', at: '2026-11-23T10:00:00+08:00' }),
  record: async () => 'A list was forwarded.',
};

/** Walk one step of one kind from `s`; returns the appended events and the state after. */
async function walkOne(kind: StepKind, step: Step, s: State, prompter: Prompter = answers): Promise<{ events: SessionEvent[]; s: State }> {
  const events: SessionEvent[] = [];
  const d = {
    playbook: pb, parties: [], ev: evaluatorFor(pb), clocks: clockEngine({ facts: {}, clocks: [] }), prompter,
    presenter: { show: () => undefined, clocks: () => undefined, event: () => undefined },
    append: (e: NewEvent) => ({ seq: events.length + 1, at: '2026-11-23T02:00:00Z', tz: 'UTC', actor: 't', type: e.type, data: e.data as Record<string, unknown> }),
    now: () => new Date('2026-11-23T02:00:00Z'), tick: () => undefined,
  } as RunDeps;
  const left = kind.pending(step, s, false);
  if (!left) return { events, s };
  await kind.walk(step, left, { d, s, add: (e) => { const stored = d.append(e); events.push(stored); apply(s, stored); }, answered: () => undefined });
  return { events, s };
}

describe('the step kinds', () => {
  it('are five, each found from the step field it owns', () => {
    expect(KINDS.map((k) => k.id)).toEqual(['check', 'ask', 'decide', 'notify', 'record']);
    for (const [id, step] of Object.entries(steps)) expect(kindOf(step)?.id).toBe(id);
  });

  it.each([
    ['check', check, ['one', { ja: 'ひとつ', en: 'one' }], [[], 5], [{ ja: 1 }]],
    ['ask', ask, ['n'], [], [{ n: 1 }]],
    ['decide', decide, { question: 'q', recommend: 'true' }, [{}], [{ question: 'q', options: ['only'] }]],
    ['notify', notify, { party: 'hq', satisfies: ['x'] }, [{}, { party: 'HQ' }], [{ party: 'hq', to: 'x' }]],
    ['record', record, { prompt: 'p', section: 'cause' }, [{ prompt: 'p', section: 'elsewhere' }], [{}]],
  ] as [string, StepKind, unknown, unknown[], unknown[]][])('%s owns its schema part', (_, kind, good, ...bad) => {
    const schema = KIND_SCHEMAS[kind.id];
    expect(schema.safeParse(good).success).toBe(true);
    for (const b of bad.flat()) expect(schema.safeParse(b).success, JSON.stringify(b)).toBe(false);
  });

  describe.each(Object.keys(steps))('%s', (id) => {
    const kind = KINDS.find((k) => k.id === id)!;
    const step = steps[id]!;
    it('is left when nothing is answered, passed over when deferred, and taken up again', () => {
      const s = emptyState();
      expect(kind.pending(step, s, false)).toBeDefined();
      s.deferred.set(step.id, { step: step.id, reason: 'later', at: 'x', actor: 't' });
      expect(kind.pending(step, s, false)).toBeUndefined();
      expect(kind.pending(step, s, true)).toBeDefined();
    });
  });

  it('check: done, not yet (left for later) and not applicable with its reason', async () => {
    const { events, s } = await walkOne(check, steps.check!, emptyState());
    expect(events.map((e) => e.data)).toEqual([
      { step: 'c', item: 0, text: 'one' },
      { step: 'c', item: 1, text: 'two', notYet: true },
      { step: 'c', item: 2, text: 'three', skipped: true, reason: 'no admin console' },
    ]);
    expect(check.pending(steps.check!, s, false)).toBeUndefined();
    expect(check.pending(steps.check!, s, true)).toEqual({ items: [1] });
    expect(events.map((e) => describeEvent(e, 'en'))).toEqual(['c · ✓ one', 'c · … two', 'c · ✗ three (no admin console)']);
  });

  it('ask: a value, and "unknown" recorded as such where the fact allows it', async () => {
    const { events, s } = await walkOne(ask, steps.ask!, emptyState());
    expect(events.map((e) => e.data)).toEqual([{ step: 'a', fact: 'n', value: 150 }, { step: 'a', fact: 'when_seen', value: null, unknown: true }]);
    expect(s.facts).toEqual({ n: 150 });
    expect([...s.unknown]).toEqual(['when_seen']);
    expect(ask.pending(steps.ask!, s, false)).toBeUndefined();
    expect(describeEvent(events[1]!, 'ja')).toBe('a · when_seen = 不明');
  });

  it('decide: records the expression, the facts read, the recommendation, the answer and the reason', async () => {
    const s = emptyState();
    s.facts.n = 150;
    const { events } = await walkOne(decide, steps.decide!, s);
    expect(events[0]?.data).toEqual({ step: 'd', question: 'Big?', expr: 'n >= policy.big', facts: { n: 150 }, recommended: true, answer: false, reason: 'only test accounts', sets: 'big_one' });
    expect(s.facts.big_one).toBe(false);
    expect(describeEvent(events[0]!, 'en')).toBe('d · Big? → No (recommended: Yes) · only test accounts');
  });

  it('decide: an answer against the recommendation without a reason is refused', async () => {
    const s = emptyState();
    s.facts.n = 150;
    await expect(walkOne(decide, steps.decide!, s, { ...answers, decide: async () => ({ answer: false }) })).rejects.toMatchObject({ name: 'AnswerError', code: 'answer-reason-required' });
  });

  it('notify: sent (party, channel, ref, claimed time, clocks) or judged not required', async () => {
    const { events } = await walkOne(notify, steps.notify!, emptyState());
    expect(events[0]).toMatchObject({ type: 'notify.sent', data: { step: 'm', party: 'hq', channel: 'email', ref: 'HQ-1', at: '2026-11-23T10:00:00+08:00', satisfies: ['hq-24h'] } });
    const waived = await walkOne(notify, steps.notify!, emptyState(), { ...answers, notify: async () => ({ waived: 'HQ already told by phone' }) });
    expect(waived.events[0]).toMatchObject({ type: 'notify.waived', data: { step: 'm', party: 'hq', reason: 'HQ already told by phone' } });
    expect(waived.s.done.has('m')).toBe(true);
  });

  it('record: the text and its report section', async () => {
    const { events } = await walkOne(record, steps.record!, emptyState());
    expect(events[0]).toMatchObject({ type: 'record.written', data: { step: 'r', section: 'cause', text: 'A list was forwarded.' } });
    expect(describeEvent(events[0]!, 'en')).toBe('r · A list was forwarded.');
  });
});
