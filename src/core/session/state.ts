// reduce(events) → state: everything a session knows, derived from the journal alone.
import type { Lang } from '../i18n/lang.js';
import type { StageId } from '../playbook/schema.js';
import { answerKey, link, type Answer, type Links } from './conflicts.js';
import { is, type EventData, type SessionEvent, type Started } from './events.js';

/**
 * One correction, as the HQ report lists it (stable: the reports read this shape).
 * `what` is the fact name (a `fact.amended`) or the decision's step id (a `decision.revised`);
 * `from`/`to` are the values before and after; `who`/`when`/`why` are the actor, the event time and the reason.
 */
export interface Amendment { kind: 'fact' | 'decision'; what: string; from: unknown; to: unknown; who: string; when: string; why: string; ord: number }

export interface State {
  started?: Started & { at: string };
  /** Facts and the values `sets:` by decisions, by name: always the current (amended) values. */
  facts: Record<string, unknown>;
  /** The ordinal (event count) at which each fact got its current value. */
  factOrd: Record<string, number>;
  /** Facts answered "unknown" (allowed by `unknown_ok`) and not known since. */
  unknown: Set<string>;
  /** Steps finished: answered, confirmed, sent, written or skipped. */
  done: Set<string>;
  /** Facts answered per `ask` step. */
  asked: Map<string, Set<string>>;
  /** Check items confirmed (or skipped) per step; items answered "not yet" are in `notYet`. */
  checks: Map<string, Set<number>>;
  notYet: Map<string, Set<number>>;
  entered: Map<StageId, string>;
  completed: Map<StageId, string>;
  /** Decisions with their current answer (a revision replaces it; `previous` keeps the one before). */
  decisions: (EventData['decision.made'] & { at: string; actor: string; ord: number; revised?: { at: string; previous: unknown; reason: string } })[];
  /** Notifications, with the facts known when they went out (a later amendment of one may owe a correction). */
  notices: (EventData['notify.sent'] & { recordedAt: string; ord: number; told: string[] })[];
  waivers: (EventData['notify.waived'] & { at: string })[];
  /** Steps put off and not done since. */
  deferred: Map<string, EventData['step.deferred'] & { at: string; actor: string }>;
  /** Corrections in journal order. */
  amendments: Amendment[];
  /** Open items settled by `item.resolved`: item key → the ordinal it was settled at. */
  resolved: Map<string, number>;
  /** Texts written by `record` steps (the last per step), with their translations by language. */
  records: Map<string, { section?: string; text: string; translations: Partial<Record<Lang, string>> }>;
  /** Every answer to a fact or decision (`fact:NAME`, `decision:STEP`) in the incident's order, and who had seen what: conflicts.ts. */
  answers: Map<string, Answer[]>;
  links: Links;
  /** Drill injects already shown, by index. */
  injects: Set<number>;
  /** The walk reached its end (`session.closed`); open items may remain. */
  closedAt?: string;
  /** The incident is closed (`incident.closed`): nothing more is owed or accepted. */
  incidentClosed?: EventData['incident.closed'] & { at: string };
  lastAt?: string;
  count: number;
}

export const emptyState = (): State => ({
  facts: {}, factOrd: {}, unknown: new Set(), done: new Set(), asked: new Map(), checks: new Map(), notYet: new Map(), entered: new Map(), completed: new Map(),
  decisions: [], notices: [], waivers: [], deferred: new Map(), amendments: [], resolved: new Map(), records: new Map(), answers: new Map(), links: new Map(), injects: new Set(), count: 0,
});

function setFact(s: State, name: string, value: unknown): void {
  s.facts[name] = value;
  s.factOrd[name] = s.count;
  s.unknown.delete(name);
}

function finish(s: State, step: string): void {
  s.done.add(step);
  s.deferred.delete(step);
}

/** Make `s` (which others hold, e.g. a menu) the state `fresh`, in place. */
export function replaceState(s: State, fresh: State): void {
  for (const k of Object.keys(s) as (keyof State)[]) if (!(k in fresh)) delete s[k];
  Object.assign(s, fresh);
}

/** Apply one event (mutates and returns `s`): resuming and `status` fold the whole journal. */
export function apply(s: State, e: SessionEvent): State {
  s.count++;
  s.lastAt = e.at;
  link(s.links, e);
  const key = answerKey(e);
  if (key) addAnswer(s, key, e);
  if (is(e, 'session.started')) s.started = { ...e.data, at: e.at };
  else if (is(e, 'stage.entered')) s.entered.set(e.data.stage, e.at);
  else if (is(e, 'stage.completed')) s.completed.set(e.data.stage, e.at);
  else if (is(e, 'fact.recorded')) {
    if (e.data.unknown) {
      delete s.facts[e.data.fact];
      s.unknown.add(e.data.fact);
    } else setFact(s, e.data.fact, e.data.value);
    add(s.asked, e.data.step, e.data.fact);
  } else if (is(e, 'check.done')) {
    if (e.data.notYet) add(s.notYet, e.data.step, e.data.item);
    else {
      add(s.checks, e.data.step, e.data.item);
      s.notYet.get(e.data.step)?.delete(e.data.item);
    }
    s.deferred.delete(e.data.step);
  } else if (is(e, 'decision.made')) {
    // Made again by another writer (who had not seen the first): the later stands.
    const made = { ...e.data, at: e.at, actor: e.actor, ord: s.count };
    const i = s.decisions.findIndex((d) => d.step === e.data.step);
    if (i < 0) s.decisions.push(made);
    else s.decisions[i] = made;
    if (e.data.sets) setFact(s, e.data.sets, e.data.answer);
    finish(s, e.data.step);
  } else if (is(e, 'decision.revised')) {
    const i = s.decisions.findIndex((d) => d.step === e.data.step);
    const d = s.decisions[i];
    if (d) {
      s.decisions[i] = { ...d, answer: e.data.answer, ord: s.count, revised: { at: e.at, previous: e.data.previous, reason: e.data.reason } };
      if (d.sets) setFact(s, d.sets, e.data.answer);
    }
    s.amendments.push({ kind: 'decision', what: e.data.step, from: e.data.previous, to: e.data.answer, who: e.actor, when: e.at, why: e.data.reason, ord: s.count });
  } else if (is(e, 'fact.amended')) {
    setFact(s, e.data.fact, e.data.value);
    s.amendments.push({ kind: 'fact', what: e.data.fact, from: e.data.previous, to: e.data.value, who: e.actor, when: e.at, why: e.data.reason, ord: s.count });
  } else if (is(e, 'notify.sent')) {
    s.notices.push({ ...e.data, recordedAt: e.at, ord: s.count, told: Object.keys(s.facts) });
    finish(s, e.data.step);
  } else if (is(e, 'notify.waived')) {
    s.waivers.push({ ...e.data, at: e.at });
    finish(s, e.data.step);
  } else if (is(e, 'record.written')) {
    // A text written again (another writer) needs its translations again.
    s.records.set(e.data.step, { ...(e.data.section ? { section: e.data.section } : {}), text: e.data.text, translations: {} });
    finish(s, e.data.step);
  } else if (is(e, 'record.translated')) {
    const r = s.records.get(e.data.step);
    if (r) r.translations[e.data.lang] = e.data.text;
  } else if (is(e, 'step.skipped')) finish(s, e.data.step);
  else if (is(e, 'step.deferred')) {
    if (!s.done.has(e.data.step)) s.deferred.set(e.data.step, { ...e.data, at: e.at, actor: e.actor });
  } else if (is(e, 'item.resolved')) s.resolved.set(e.data.item, s.count);
  else if (is(e, 'session.closed')) s.closedAt = e.at;
  else if (is(e, 'incident.closed')) s.incidentClosed = { ...e.data, at: e.at };
  else if (is(e, 'inject.shown')) s.injects.add(e.data.index);
  return s;
}

function addAnswer(s: State, key: string, e: SessionEvent): void {
  const d = e.data as { value?: unknown; answer?: unknown };
  const hash = (e as { hash?: unknown }).hash;
  const a: Answer = { value: key.startsWith('fact:') ? d.value : d.answer, who: e.actor, at: e.at, ord: s.count, ...(typeof hash === 'string' ? { hash } : {}) };
  const list = s.answers.get(key);
  if (list) list.push(a);
  else s.answers.set(key, [a]);
}

function add<T>(m: Map<string, Set<T>>, key: string, v: T): void {
  const set = m.get(key) ?? new Set<T>();
  set.add(v);
  m.set(key, set);
}

export const reduce = (events: readonly SessionEvent[]): State => events.reduce(apply, emptyState());
