// The living record in memory: amendments recompute clocks and raise review and correction items;
// a deferred notification leaves the walk going and is taken up later; what refuses a change.
import { describe, expect, it } from 'vitest';
import { catalogFor, loadPlaybook } from '../../src/adapters/playbook-fs.js';
import { clockEngine, clockViews } from '../../src/core/clocks/clocks.js';
import { amend, close, defer, resolve } from '../../src/core/session/changes.js';
import { evaluatorFor } from '../../src/core/session/evaluator.js';
import { stamp, ev, type SessionEvent } from '../../src/core/session/events.js';
import { byUrgency, itemKey, openItems, type OpenItem } from '../../src/core/session/open-items.js';
import { planResume, planStart, sessionZone, sideStamp } from '../../src/core/session/plan.js';
import { apply, reduce, type State } from '../../src/core/session/state.js';
import { autoAnswers } from '../support/auto-answers.js';
import { runInMemory } from '../support/memory-session.js';

const { clocks, parties } = catalogFor('playbooks');
const { playbook } = loadPlaybook('chat-leak', 'playbooks');
const engine = clockEngine(clocks!);
// The answers are English, so every record also owes ja and zh (translate items: test/core/translate.test.ts).
const items = (s: State, now: Date) => openItems(playbook, s, clockViews(engine, s, now), evaluatorFor(playbook)).filter((i) => i.kind !== 'translate');
const at = { now: new Date('2026-12-01T00:00:00Z'), tz: 'Asia/Shanghai' };
// All yes but these facts, each set in the step that asks it.
const yesBut = (facts: Record<string, unknown>): Record<string, unknown> => {
  const yes = autoAnswers(playbook, true);
  for (const [fact, value] of Object.entries(facts)) {
    const step = playbook.stages.flatMap((st) => st.steps).find((st) => st.ask?.includes(fact))!.id;
    yes[step] = { ...(yes[step] as object), [fact]: value };
  }
  return yes;
};
// The data is not strongly encrypted, so the APPI clocks and the PPC steps apply.
const yesUnencrypted = () => yesBut({ encrypted: false });
// The grade follows the count alone (none of the annex's other clauses holds).
const gradedByCount = () => yesBut({ large_pi_volume: false, important_data: false, important_system_outage: false });

describe('amending', () => {
  const amendments = [
    { after: 'notify-hq', fact: 'persons_affected', value: '2,000,000', reason: 'typo: the export had 2,000,000 rows' },
    { after: 'notify-hq', fact: 'aware_at', value: '2026-11-22T09:00:00+08:00', reason: 'the first alert was a day earlier' },
  ];

  it('recomputes the clocks, asks to review a decision whose recommendation moved, and owes the told party a correction', async () => {
    const { state, events, error } = await runInMemory(playbook, clocks!, parties, gradedByCount(), [], { amend: amendments });
    expect(error).toBeUndefined();
    const amended = events.filter((e) => e.type === 'fact.amended').map((e) => e.data);
    expect(amended).toEqual([
      { fact: 'persons_affected', value: 2_000_000, previous: 1500, reason: amendments[0]!.reason },
      { fact: 'aware_at', value: '2026-11-22T09:00:00.000+08:00', previous: '2026-11-23T09:00:00.000+08:00', reason: amendments[1]!.reason },
    ]);
    // They come right after the step named, before the next one.
    const i = events.findIndex((e) => e.type === 'notify.sent' && e.data.step === 'notify-hq');
    expect(events.slice(i + 1, i + 3).map((e) => e.type)).toEqual(['fact.amended', 'fact.amended']);
    expect(state.facts.persons_affected).toBe(2_000_000);
    expect(state.amendments.map((a) => [a.kind, a.what, a.from, a.to, a.who, a.why])).toEqual([
      ['fact', 'persons_affected', 1500, 2_000_000, 'test', amendments[0]!.reason],
      ['fact', 'aware_at', '2026-11-23T09:00:00.000+08:00', '2026-11-22T09:00:00.000+08:00', 'test', amendments[1]!.reason],
    ]);
    for (const v of clockViews(engine, state, at.now).filter((x) => x.start && x.clock.starts === 'aware_at')) expect(v.start).toBe('2026-11-22T09:00:00.000+08:00');

    const open = items(state, at.now);
    // grade read persons_affected: general → relatively_major at 2,000,000 (the answer was especially_major).
    expect(open).toContainEqual({ kind: 'review', step: 'grade', fact: 'persons_affected', reason: 'general → relatively_major' });
    // report-hq still recommends yes: nothing to review there.
    expect(open.some((x) => x.kind === 'review' && x.step === 'report-hq')).toBe(false);
    // HQ was told the old number and time; CAC was notified after the amendment and owes nothing.
    expect(open.filter((x) => x.kind === 'correction').map((x) => [x.step, x.party, x.fact])).toEqual([
      ['notify-hq', 'hq', 'persons_affected'], ['notify-hq', 'hq', 'aware_at'],
    ]);
  });

  it('a revision of the decision, a resolution or a second notice settles the items', async () => {
    const { events } = await runInMemory(playbook, clocks!, parties, gradedByCount(), [], { amend: amendments });
    const s = reduce(events);
    const add = (e: ReturnType<typeof ev>) => apply(s, { seq: s.count + 1, ...stamp(e, { at: '2026-12-01T00:00:00Z', tz: 'UTC', actor: 'li' }) });
    const revised = amend(playbook, s, 'incident_grade', 'relatively_major', 'CAC grade per the corrected count', at);
    expect(revised).toMatchObject({ ok: true, event: { type: 'decision.revised', data: { step: 'grade', answer: 'relatively_major', previous: 'especially_major' } } });
    if (revised.ok) add(revised.event);
    expect(s.facts.incident_grade).toBe('relatively_major');
    expect(items(s, at.now).some((x) => x.kind === 'review')).toBe(false);
    expect(s.amendments.at(-1)).toMatchObject({ kind: 'decision', what: 'grade', from: 'especially_major', to: 'relatively_major', who: 'li' });

    const r = resolve(s, items(s, at.now), 'correction:notify-hq:aware_at', 'HQ told by phone at 11:00');
    if (r.ok) add(r.event);
    expect(items(s, at.now).filter((x) => x.kind === 'correction').map(itemKey)).toEqual(['correction:notify-hq:persons_affected']);
    add(ev('notify.sent', { step: 'notify-hq', party: 'hq', channel: 'email', ref: 'HQ-2', at: '2026-12-01T08:00:00+08:00', satisfies: [] }));
    expect(items(s, at.now).filter((x) => x.kind === 'correction')).toEqual([]);
  });

  it.each([
    ['an unknown name', 'persons', '5', 'r', 'amend-unknown'],
    ['a value of the wrong type', 'persons_affected', 'many', 'r', 'input-integer'],
    ['no reason', 'persons_affected', '5', '  ', 'reason-required'],
    ['the same value', 'persons_affected', '1500', 'r', 'amend-same'],
    ['a decision answer that is not an option', 'grade', 'huge', 'r', 'input-choice'],
  ])('refuses %s', async (_, name, value, reason, code) => {
    const { state } = await runInMemory(playbook, clocks!, parties, autoAnswers(playbook, true));
    const r = amend(playbook, state, name, value, reason, at);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ exit: 2, code });
  });
});

describe('deferring', () => {
  const reason = 'HQ legal files the PPC report';

  it('a deferred notification leaves the walk going, keeps its clock running, and is closed when taken up a week later', async () => {
    const answers = { ...yesUnencrypted(), 'notify-ppc-preliminary': { defer: { reason, owner: 'hq' } } };
    const first = await runInMemory(playbook, clocks!, parties, answers);
    expect(first.error).toBeUndefined();
    expect(first.state.closedAt).toBeDefined();
    expect(first.events.find((e) => e.type === 'step.deferred')?.data).toEqual({ step: 'notify-ppc-preliminary', reason, owner: 'hq' });
    const views = clockViews(engine, first.state, new Date(first.state.lastAt!));
    const pre = views.find((v) => v.clock.id === 'appi-preliminary')!;
    expect(['running', 'warning', 'overdue']).toContain(pre.status);
    expect(items(first.state, new Date(first.state.lastAt!))).toContainEqual({ kind: 'deferred', step: 'notify-ppc-preliminary', reason, owner: 'hq', due: pre.due });

    const later = new Date(Date.parse(first.state.lastAt!) + 7 * 86_400_000).toISOString();
    const plan = planResume(first.events, { id: 'INC', tz: 'Asia/Shanghai', actor: 'li', playbook: { id: playbook.id, version: playbook.version, sha256: 'x' }, allowChanged: false });
    expect(plan).toMatchObject({ ok: true, takeUp: ['notify-ppc-preliminary'] });
    // During the walk a deferred step waits: resuming goes on with the walk, not with it.
    const midWalk = first.events.slice(0, first.events.findIndex((e) => e.type === 'step.deferred') + 2);
    expect(planResume(midWalk, { id: 'INC', tz: 'UTC', actor: 'li', playbook: { id: playbook.id, version: playbook.version, sha256: 'x' }, allowChanged: false })).toMatchObject({ ok: true, takeUp: [] });
    const second = await runInMemory(playbook, clocks!, parties, { 'notify-ppc-preliminary': { channel: 'web-form', ref: 'PPC-R-1' } }, first.events, { start: later, takeUp: ['notify-ppc-preliminary'] });
    expect(second.error).toBeUndefined();
    expect(second.events.at(-1)).toMatchObject({ type: 'notify.sent', at: second.events.at(-1)!.at, data: { step: 'notify-ppc-preliminary', ref: 'PPC-R-1' } });
    expect(items(second.state, new Date(later))).toEqual([]);
    expect(clockViews(engine, second.state, new Date(later)).find((v) => v.clock.id === 'appi-preliminary')?.status).toMatch(/met|late/);
  });

  it('checklist items answered "not yet" and facts answered "unknown" are open items', async () => {
    const base = autoAnswers(playbook, true);
    const answers = { ...base, 'clean-up': ['done', 'not-yet', 'done'], scope: { ...(base.scope as object), occurred_at: 'unknown' } };
    const { state, error } = await runInMemory(playbook, clocks!, parties, answers);
    expect(error).toBeUndefined();
    expect(items(state, at.now).map(itemKey)).toEqual(['deferred:clean-up', 'unknown:scope:occurred_at']);
  });

  it.each([
    ['an unknown step', 'notify-nobody', 'r', 'defer-unknown-step'],
    ['a step already done', 'scope', 'r', 'defer-done-step'],
    ['no reason', 'notify-ppc-final', '', 'reason-required'],
    ['a step done, reason or not', 'notify-ppc-final', 'r', 'defer-done-step'],
  ])('refuses %s', async (_, step, why, code) => {
    const { state } = await runInMemory(playbook, clocks!, parties, autoAnswers(playbook, true));
    const r = defer(playbook, state, step, why, { tz: 'UTC' });
    expect(r.ok ? undefined : r.error.code).toBe(code);
  });
});

describe('closing', () => {
  it('needs the walk over, refuses open items unless waived, and refuses twice', async () => {
    const open = await runInMemory(playbook, clocks!, parties, { ...autoAnswers(playbook, true), 'clean-up': { defer: { reason: 'vendor' } } });
    const list = items(open.state, at.now);
    expect(close(open.state, list, 'done', false)).toMatchObject({ ok: false, error: { code: 'close-open-items' } });
    const waived = close(open.state, list, 'handed to the vendor contract', true);
    expect(waived).toMatchObject({ ok: true, event: { type: 'incident.closed', data: { waived: ['deferred:clean-up'] } } });
    const s = open.state;
    if (waived.ok) apply(s, { seq: 0, ...stamp(waived.event, { at: 'x', tz: 'UTC', actor: 't' }) });
    expect(close(s, [], 'again', true)).toMatchObject({ ok: false, error: { code: 'session-already-closed', exit: 2 } });
    expect(amend(playbook, s, 'persons_affected', '3', 'late fix', at)).toMatchObject({ ok: false, error: { code: 'incident-is-closed' } });
    const unfinished = await runInMemory(playbook, clocks!, parties, {});
    expect(close(unfinished.state, [], 'r', true)).toMatchObject({ ok: false, error: { code: 'close-walk-open' } });
  });
});

describe('plans', () => {
  const pbInfo = { id: 'chat-leak', version: '1', sha256: 'abc', file: 'x' };
  const base = { playbook: pbInfo, actor: 'zhang', locale: 'en', tz: 'Asia/Shanghai', exercise: false };

  it.each([
    [{ clock: '2026-11-23T10:00:00+08:00' }, '--clock'],
    [{ pace: 'PT2M' }, '--pace'],
    [{ speed: 60 }, '--speed'],
  ])('a real incident refuses a simulated clock (%j)', (o, option) => {
    let made = 0;
    const p = planStart({ ...base, ...o }, () => `INC-${++made}`);
    expect(p).toMatchObject({ ok: false, error: { exit: 2, code: 'clock-needs-exercise', params: { options: option } } });
    expect(made).toBe(0);
  });

  it('a drill starts its clock where asked and names the incident by the drill day', () => {
    const p = planStart({ ...base, exercise: true, clock: '2026-11-23T01:00:00+08:00', pace: 'PT2M' }, (day) => `INC-${day}-001`);
    expect(p).toMatchObject({ ok: true, incident: 'INC-20261123-001', stamp: { at: '2026-11-22T17:00:00.000Z', exercise: true } });
    if (p.ok) expect(p.events[0]).toMatchObject({ type: 'session.started', data: { clock: { start: '2026-11-22T17:00:00.000Z', pace: 'PT2M' }, exercise: true } });
  });

  it('a note added beside a drill takes the drill time, and resume carries on from it', () => {
    const events: SessionEvent[] = [];
    const add = (e: ReturnType<typeof ev>, when: string) => events.push({ seq: events.length + 1, ...stamp(e, { at: when, tz: 'UTC', actor: 't', exercise: true }) });
    add(ev('session.started', { incident: 'I', playbook: pbInfo, responder: 't', locale: 'en', timezone: 'UTC', exercise: true, clock: { start: '2026-11-23T02:00:00.000Z', pace: 'PT2M' } }), '2026-11-23T02:00:00.000Z');
    add(ev('stage.entered', { stage: 'detect' }), '2026-11-23T02:44:00.000Z');
    const side = sideStamp(reduce(events), new Date('2026-12-02T09:53:00Z'), 'li');
    expect(side).toMatchObject({ at: '2026-11-23T02:44:00.000Z', exercise: true });
    events.push({ seq: 3, ...stamp(ev('note.added', { text: 'called HQ' }), side) });
    // Even a note stamped with the wall clock (journals from before the fix) does not move the drill clock.
    events.push({ seq: 4, ...stamp(ev('note.added', { text: 'old-style' }), { ...side, at: '2026-12-02T09:53:00.000Z' }) });
    const p = planResume(events, { id: 'I', tz: 'UTC', actor: 't', playbook: { id: 'chat-leak', version: '1', sha256: 'abc' }, allowChanged: false });
    expect(p.ok && p.clock.now().toISOString()).toBe('2026-11-23T02:46:00.000Z');
    // A real incident's side events keep the machine's time.
    expect(sideStamp(reduce(events.slice(0, 1).map((e) => ({ ...e, data: { ...e.data, clock: undefined, exercise: false } }))), new Date('2026-12-02T09:53:00Z'), 'li').at).toBe('2026-12-02T09:53:00.000Z');
  });
});

describe('the session zone', () => {
  it.each([
    [{ profile: 'Asia/Tokyo', given: 'Asia/Shanghai', machine: 'UTC' }, { zone: 'Asia/Tokyo' }],
    [{ given: 'Asia/Shanghai', machine: 'UTC' }, { zone: 'Asia/Shanghai' }],
    [{ machine: 'Asia/Shanghai' }, { zone: 'Asia/Shanghai' }],
    [{ machine: 'UTC' }, { zone: 'UTC', ask: true }],
    [{ machine: 'Etc/UTC' }, { zone: 'UTC', ask: true }],
  ])('%j → %j', (o, want) => {
    expect(sessionZone(o)).toEqual(want);
  });
});

describe('open items, most urgent first', () => {
  it('due times first (earliest first), then review, correction, deferred, unknown', () => {
    const list: OpenItem[] = [
      { kind: 'unknown', fact: 'occurred_at' },
      { kind: 'deferred', step: 'clean-up' },
      { kind: 'deferred', step: 'notify-ppc-final', due: '2026-12-23T01:40:00Z' },
      { kind: 'correction', step: 'notify-hq', fact: 'persons_affected', party: 'hq' },
      { kind: 'deferred', step: 'notify-cac', due: '2026-11-23T05:40:00Z' },
      { kind: 'review', step: 'grade', fact: 'persons_affected' },
    ];
    expect([...list].sort(byUrgency).map(itemKey)).toEqual([
      'deferred:notify-cac', 'deferred:notify-ppc-final', 'review:grade:persons_affected', 'correction:notify-hq:persons_affected', 'deferred:clean-up', 'unknown:occurred_at',
    ]);
  });
});
