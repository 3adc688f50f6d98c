// Pinned verdicts in memory: planStart embeds the validated model with each file's sha256, the
// latest embedded model is the one an incident is judged by, resume compares every pinned file,
// and the journal's shape check requires the embedded model's parts.
import { describe, expect, it } from 'vitest';
import { catalogFor, loadPlaybook } from '../../src/adapters/playbook-fs.js';
import { GENESIS, shapeProblem } from '../../src/core/journal/event.js';
import { ev, stamp, type Pinned, type SessionEvent, type Started } from '../../src/core/session/events.js';
import { changedFrom, pinnedOf, planResume, planStart, type Shas } from '../../src/core/session/plan.js';

const { clocks, parties } = catalogFor('playbooks');
const { playbook } = loadPlaybook('chat-leak', 'playbooks');
const info = { id: 'chat-leak', version: playbook.version, sha256: 'p1', file: 'playbooks/chat-leak.yaml' };
const model = { playbook, clocks: clocks!, parties, sha256: { clocks: 'c1', parties: 'q1' } };
const pin = (sha256: Pinned['sha256'], title = 'x'): Pinned => ({ playbook: { ...playbook, title: { en: title } }, clocks: clocks!, parties, sha256 });
const base = { actor: 'zhang', locale: 'en', tz: 'Asia/Shanghai', exercise: false, now: () => new Date('2026-11-23T02:00:00Z') };

const journal = (...data: Array<['session.started', Started] | ['playbook.changed', { id: string; was: string; now: string; version: string; pinned?: Pinned }] | ['session.closed', Record<string, never>]>): SessionEvent[] =>
  data.map(([type, d], i) => ({ seq: i + 1, ...stamp(ev(type, d as never), { at: `2026-11-23T02:0${i}:00.000Z`, tz: 'UTC', actor: 'zhang' }) }));
const started = (pinned?: Pinned): ['session.started', Started] => ['session.started', { incident: 'I', playbook: info, responder: 'zhang', locale: 'en', timezone: 'UTC', exercise: false, ...(pinned ? { pinned } : {}) }];
const P1 = { playbook: 'p1', clocks: 'c1', parties: 'q1' };

describe('planStart', () => {
  it('embeds the validated playbook, clocks and parties, with the sha256 of each file', () => {
    const p = planStart({ ...base, playbook: info, model }, () => 'INC-1');
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const data = p.events[0]!.data as Started;
    expect(data.pinned).toEqual({ playbook, clocks, parties, sha256: { playbook: 'p1', clocks: 'c1', parties: 'q1' } });
    // The embedded copy is plain JSON: what is journaled is what is read back.
    expect(JSON.parse(JSON.stringify(data.pinned))).toEqual(data.pinned);
  });

  it('embeds nothing without a model', () => {
    const p = planStart({ ...base, playbook: info }, () => 'INC-1');
    expect(p.ok && (p.events[0]!.data as Started).pinned).toBeUndefined();
  });
});

describe('pinnedOf: the model an incident is judged by', () => {
  it.each<[string, SessionEvent[], string | undefined, Shas | undefined]>([
    ['nothing started', [], undefined, undefined],
    ['before pinning: the playbook sha256 only', journal(started()), undefined, { playbook: 'p1' }],
    ['pinned at the start', journal(started(pin(P1, 'first'))), 'first', P1],
    ['a newer model taken on resume', journal(started(pin(P1, 'first')), ['playbook.changed', { id: 'chat-leak', was: 'p1', now: 'p2', version: '2', pinned: pin({ ...P1, playbook: 'p2' }, 'second') }]), 'second', { ...P1, playbook: 'p2' }],
    ['a change journaled before pinning drops the model', journal(started(pin(P1, 'first')), ['playbook.changed', { id: 'chat-leak', was: 'p1', now: 'p2', version: '2' }]), undefined, { playbook: 'p2' }],
  ])('%s', (_name, events, title, sha256) => {
    const got = pinnedOf(events);
    expect((got?.pinned?.playbook.title as { en?: string } | undefined)?.en).toBe(title);
    expect(got?.sha256).toEqual(sha256);
  });
});

describe('changedFrom', () => {
  it.each<[string, Shas, Shas, ReturnType<typeof changedFrom>]>([
    ['nothing changed', P1, P1, undefined],
    ['the playbook', P1, { ...P1, playbook: 'p2' }, { file: 'playbook', was: 'p1', now: 'p2' }],
    ['clocks.yaml', P1, { ...P1, clocks: 'c2' }, { file: 'clocks', was: 'c1', now: 'c2' }],
    ['parties.yaml', P1, { ...P1, parties: 'q2' }, { file: 'parties', was: 'q1', now: 'q2' }],
    ['a journal before pinning compares the playbook only', { playbook: 'p1' }, { ...P1, clocks: 'c2' }, undefined],
  ])('%s', (_name, was, now, want) => {
    expect(changedFrom(was, now)).toEqual(want);
  });
});

describe('planResume with a changed file', () => {
  const events = journal(started(pin(P1)));
  const input = (sha: Partial<Shas>, allowChanged: boolean, pinned?: Pinned) => ({ id: 'I', tz: 'UTC', actor: 'zhang', playbook: { id: 'chat-leak', version: '2', sha256: sha.playbook ?? 'p1', clocks: sha.clocks ?? 'c1', parties: sha.parties ?? 'q1' }, allowChanged, ...(pinned ? { pinned } : {}) });

  it('goes on with nothing to journal when the files are as pinned', () => {
    expect(planResume(events, input({}, false))).toMatchObject({ ok: true, events: [] });
  });

  it('refuses a changed clocks.yaml, naming it', () => {
    expect(planResume(events, input({ clocks: 'c2' }, false))).toMatchObject({ ok: false, error: { exit: 2, code: 'playbook-changed', params: { id: 'chat-leak (clocks.yaml)', was: 'c1', now: 'c2' } } });
  });

  it('takes it when allowed, journaling the newer model; the next resume compares with that', () => {
    const newer = pin({ ...P1, clocks: 'c2' }, 'newer');
    const p = planResume(events, input({ clocks: 'c2' }, true, newer));
    expect(p).toMatchObject({ ok: true, events: [{ type: 'playbook.changed', data: { id: 'chat-leak', was: 'p1', now: 'p1', version: '2', pinned: newer } }] });
    if (!p.ok) return;
    const after = [...events, { seq: 2, ...p.events[0]! }];
    expect(pinnedOf(after)?.pinned).toEqual(newer);
    expect(planResume(after, input({ clocks: 'c2' }, false))).toMatchObject({ ok: true, events: [] });
  });
});

describe('the journal requires the embedded model parts', () => {
  const event = (type: string, data: Record<string, unknown>) => ({ seq: 1, at: '2026-11-23T02:00:00.000Z', tz: 'UTC', actor: 'zhang', type, data, prev: GENESIS, hash: GENESIS });
  const startedData = { incident: 'I', playbook: info, responder: 'zhang', timezone: 'UTC' };
  const full = { playbook: {}, clocks: {}, parties: [], sha256: {} };
  it.each<[string, ReturnType<typeof event>, string | undefined]>([
    ['a start without a model (before pinning)', event('session.started', startedData), undefined],
    ['a start with the whole model', event('session.started', { ...startedData, pinned: full }), undefined],
    ['a model that is not an object', event('session.started', { ...startedData, pinned: 'x' }), 'data.pinned'],
    ['a model without its clocks', event('session.started', { ...startedData, pinned: { ...full, clocks: undefined } }), 'data.pinned.clocks'],
    ['parties that are not a list', event('playbook.changed', { id: 'x', now: 'p2', pinned: { ...full, parties: {} } }), 'data.pinned.parties'],
    ['a change without its new sha256', event('playbook.changed', { id: 'x' }), 'data.now'],
  ])('%s', (_name, v, problem) => {
    expect(shapeProblem(v)).toBe(problem);
  });
});
