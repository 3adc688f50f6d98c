// Changes made to an incident beside the walk — amend a fact, revise a decision, defer a step,
// resolve an open item, close the incident — checked against the state before anything is
// written. Each returns the event to append, or the user error that refuses it.
import { EXIT } from '../../errors.js';
import { optionId } from '../playbook/constants.js';
import type { Playbook } from '../playbook/schema.js';
import { AnswerError } from './answer-error.js';
import { ev, type NewEvent } from './events.js';
import { parseBoolean, parseDatetime, parseFact, type Clock } from './input.js';
import { locate, pending } from './next.js';
import { itemKey, type OpenItem } from './open-items.js';
import { fail, type Plan } from './plan.js';
import type { State } from './state.js';

type Change = Plan<{ event: NewEvent }>;

function open(s: State, reason: string): Change | undefined {
  if (s.incidentClosed) return fail('incident-is-closed', {});
  if (!reason.trim()) return fail('reason-required', {});
  return undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Correct a fact (`fact.amended`), or a decision named by its step id or its `sets:` fact
 * (`decision.revised`). The value is read as the walk reads it; the clock is for datetimes.
 */
export function amend(pb: Playbook, s: State, name: string, raw: unknown, reason: string, clock: Clock): Change {
  const refused = open(s, reason);
  if (refused) return refused;
  const fact = pb.facts[name];
  if (fact) {
    if (!(name in s.facts) && !s.unknown.has(name)) return fail('amend-not-answered', { name });
    const r = parseFact(fact, raw, clock);
    if (!r.ok) return fail(r.code, { ...r.params, fact: name });
    const previous = name in s.facts ? s.facts[name] : null;
    if (same(previous, r.value)) return fail('amend-same', { name });
    return { ok: true, event: ev('fact.amended', { fact: name, value: r.value, previous, reason: reason.trim() }) };
  }
  const decision = s.decisions.find((d) => d.step === name || d.sets === name);
  const q = decision && locate(pb, decision.step)?.step.decide;
  if (!decision || !q) {
    const known = [...Object.keys(pb.facts), ...pb.stages.flatMap((st) => st.steps).filter((x) => x.decide).map((x) => x.id)];
    return fail(pb.stages.some((st) => st.steps.some((x) => x.id === name || x.decide?.sets === name)) ? 'amend-not-answered' : 'amend-unknown', { name, known: known.join(', ') });
  }
  let answer: unknown;
  if (q.options) {
    const ids = q.options.map(optionId);
    if (!ids.includes(String(raw).trim())) return fail('input-choice', { options: ids.join(', ') });
    answer = String(raw).trim();
  } else {
    const b = parseBoolean(raw);
    if (!b.ok) return fail(b.code, {});
    answer = b.value;
  }
  if (same(answer, decision.answer)) return fail('amend-same', { name });
  return { ok: true, event: ev('decision.revised', { step: decision.step, answer, previous: decision.answer, reason: reason.trim() }) };
}

/** Put a step off, or hand it to `owner`, until an optional time (ISO, may lie ahead). */
export function defer(pb: Playbook, s: State, step: string, reason: string, o: { owner?: string; until?: string; tz: string }): Change {
  const refused = open(s, reason);
  if (refused) return refused;
  const found = locate(pb, step);
  if (!found) return fail('defer-unknown-step', { step });
  if (!pending(found.step, s, true)) return fail('defer-done-step', { step });
  let until: string | undefined;
  if (o.until !== undefined) {
    const t = parseDatetime(o.until, { now: new Date(8.64e15), tz: o.tz });
    if (!t.ok) return fail(t.code, { ...t.params });
    until = t.value;
  }
  return { ok: true, event: ev('step.deferred', { step, reason: reason.trim(), ...(o.owner?.trim() ? { owner: o.owner.trim() } : {}), ...(until ? { until } : {}) }) };
}

/** Settle one open item without answering again (e.g. "reviewed: the grade stays 一般"). */
export function resolve(s: State, items: readonly OpenItem[], key: string, reason: string): Change {
  const refused = open(s, reason);
  if (refused) return refused;
  if (!items.some((i) => itemKey(i) === key)) return fail('item-unknown', { item: key, open: items.map(itemKey).join(', ') || '—' });
  return { ok: true, event: ev('item.resolved', { item: key, reason: reason.trim() }) };
}

/** Close the incident: the walk must be over; open items are closed only when waived. */
export function close(s: State, items: readonly OpenItem[], reason: string, waive: boolean): Change {
  if (s.incidentClosed) return fail('session-already-closed', { id: s.started?.incident ?? '' });
  const refused = open(s, reason);
  if (refused) return refused;
  if (!s.closedAt) return fail('close-walk-open', { id: s.started?.incident ?? '' });
  if (items.length && !waive) return fail('close-open-items', { n: items.length, items: items.map(itemKey).join(', ') }, EXIT.usage, { code: 'hint-waive' });
  return { ok: true, event: ev('incident.closed', { reason: reason.trim(), waived: items.map(itemKey) }) };
}

/** Answers-file `amend:` entries, as the runner's `after` hook: each is appended right after the step it names. */
export function amendsAfter(pb: Playbook, list: readonly { after: string; fact: string; value: unknown; reason: string }[], clock: () => Clock): (stepId: string, s: State) => NewEvent[] {
  return (stepId, s) => list.filter((a) => a.after === stepId).map((a) => {
    const r = amend(pb, s, a.fact, a.value, a.reason, clock());
    if (!r.ok) throw new AnswerError(stepId, r.error.code, r.error.params);
    return r.event;
  });
}
