// reduce(events) → state: everything a session knows, derived from the journal alone.
import type { StageId } from '../playbook/schema.js';
import { is, type EventData, type SessionEvent, type Started } from './events.js';

export interface State {
  started?: Started & { at: string };
  /** Facts and the values `sets:` by decisions, by name. */
  facts: Record<string, unknown>;
  /** Steps finished: answered, confirmed, sent, written or skipped. */
  done: Set<string>;
  /** Facts answered per `ask` step. */
  asked: Map<string, Set<string>>;
  /** Check items confirmed (or skipped) per step. */
  checks: Map<string, Set<number>>;
  entered: Map<StageId, string>;
  completed: Map<StageId, string>;
  decisions: (EventData['decision.made'] & { at: string; actor: string })[];
  notices: (EventData['notify.sent'] & { recordedAt: string })[];
  waivers: (EventData['notify.waived'] & { at: string })[];
  /** Drill injects already shown, by index. */
  injects: Set<number>;
  closedAt?: string;
  lastAt?: string;
  count: number;
}

export const emptyState = (): State => ({
  facts: {}, done: new Set(), asked: new Map(), checks: new Map(), entered: new Map(), completed: new Map(), decisions: [], notices: [], waivers: [], injects: new Set(), count: 0,
});

/** Apply one event (mutates and returns `s`): resuming and `status` fold the whole journal. */
export function apply(s: State, e: SessionEvent): State {
  s.count++;
  s.lastAt = e.at;
  if (is(e, 'session.started')) s.started = { ...e.data, at: e.at };
  else if (is(e, 'stage.entered')) s.entered.set(e.data.stage, e.at);
  else if (is(e, 'stage.completed')) s.completed.set(e.data.stage, e.at);
  else if (is(e, 'fact.recorded')) {
    s.facts[e.data.fact] = e.data.value;
    add(s.asked, e.data.step, e.data.fact);
  } else if (is(e, 'check.done')) add(s.checks, e.data.step, e.data.item); else if (is(e, 'decision.made')) {
    s.decisions.push({ ...e.data, at: e.at, actor: e.actor });
    if (e.data.sets) s.facts[e.data.sets] = e.data.answer;
    s.done.add(e.data.step);
  } else if (is(e, 'notify.sent')) {
    s.notices.push({ ...e.data, recordedAt: e.at });
    s.done.add(e.data.step);
  } else if (is(e, 'notify.waived')) {
    s.waivers.push({ ...e.data, at: e.at });
    s.done.add(e.data.step);
  } else if (is(e, 'record.written') || is(e, 'step.skipped')) s.done.add(e.data.step);
  else if (is(e, 'session.closed')) s.closedAt = e.at;
  else if (is(e, 'inject.shown')) s.injects.add(e.data.index);
  return s;
}

function add<T>(m: Map<string, Set<T>>, key: string, v: T): void {
  const set = m.get(key) ?? new Set<T>();
  set.add(v);
  m.set(key, set);
}

export const reduce = (events: readonly SessionEvent[]): State => events.reduce(apply, emptyState());
