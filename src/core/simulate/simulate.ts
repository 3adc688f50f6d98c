// simulate(playbook, facts) → what a session would do: the playbook walked with the given facts and
// the recommended answer at every decision (unless overridden), without a journal or a prompt.
// The same `next`, `apply` and clock views as a real session, so what it shows is what a responder
// would meet. For playbook authors and counsel: "if 300 persons' card data leaks, what happens?".
import { clockViews, type ClockEngine, type ClockStatus } from '../clocks/clocks.js';
import { optionId, type Fact, type Playbook, type Step } from '../playbook/schema.js';
import type { Evaluator } from '../session/evaluator.js';
import { ev, type NewEvent, type SessionEvent } from '../session/events.js';
import type { Text } from '../i18n/lang.js';
import { parseBoolean, parseFact, type Parsed } from '../session/input.js';
import { checkItems } from '../session/kinds/check.js';
import { next } from '../session/next.js';
import { apply, emptyState, type State } from '../session/state.js';

export interface SimulateInput {
  playbook: Playbook;
  ev: Evaluator;
  clocks: ClockEngine;
  /** Facts by name, already typed (see parseFacts). Facts not given take a neutral value. */
  facts: Record<string, unknown>;
  /** Decision answers that replace the recommendation, by step id. */
  answers?: Record<string, unknown>;
  /** When facts not given that are datetimes are taken to be (default: aware_at, else this). */
  at: Date;
}

export interface SimClock { id: string; applies: boolean | null; due?: string; status: ClockStatus; satisfiedBy?: string }

export interface Simulation {
  decisions: Record<string, { recommended?: unknown; answer: unknown }>;
  skipped: string[];
  /** Why each skipped step was skipped: its guard and the facts it read. */
  why: Record<string, { guard: string; facts: Record<string, unknown>; error?: string }>;
  notified: string[];
  notices: { step: string; party: string; satisfies: string[] }[];
  clocks: SimClock[];
  /** Facts the playbook asks that were not given, with the value taken for them. */
  assumed: Record<string, unknown>;
  state: State;
}

/** The value taken for a fact nobody gave: no, zero, none, the start time; a choice stays unknown. */
function neutral(f: Fact, at: string): unknown {
  switch (f.type) {
    case 'boolean': return false;
    case 'integer': case 'number': return Math.max(0, f.min ?? 0);
    case 'multi': return [];
    case 'text': return '';
    case 'datetime': return at;
    case 'choice': return undefined;
  }
}

const MAX_EVENTS = 10_000;

export function simulate(input: SimulateInput): Simulation {
  const { playbook: pb, facts } = input;
  const answers = input.answers ?? {};
  const at = typeof facts.aware_at === 'string' ? facts.aware_at : input.at.toISOString();
  const s = emptyState();
  const out: Simulation = { decisions: {}, skipped: [], why: {}, notified: [], notices: [], clocks: [], assumed: {}, state: s };
  let seq = 0;
  const emit = (e: NewEvent): void => {
    const stored: SessionEvent = { seq: ++seq, at, tz: 'UTC', actor: 'simulate', type: e.type, data: e.data as Record<string, unknown> };
    apply(s, stored);
  };
  emit(ev('session.started', { incident: 'SIMULATION', playbook: { id: pb.id, version: pb.version, sha256: '', file: '' }, responder: 'simulate', locale: 'en', timezone: 'UTC', exercise: true }));

  for (let n = next(pb, s, input.ev); n.kind !== 'done'; n = next(pb, s, input.ev)) {
    if (seq > MAX_EVENTS) throw new Error(`simulate: no end after ${MAX_EVENTS} events`);
    if (n.kind === 'enter-stage') emit(ev('stage.entered', { stage: n.stage }));
    else if (n.kind === 'complete-stage') emit(ev('stage.completed', { stage: n.stage }));
    else if (n.kind === 'close') emit(ev('session.closed', {}));
    else if (n.kind === 'skip') {
      out.skipped.push(n.step.id);
      out.why[n.step.id] = { guard: n.guard, facts: n.facts, ...(n.error ? { error: n.error } : {}) };
      emit(ev('step.skipped', { step: n.step.id, guard: n.guard, facts: n.facts, ...(n.error ? { error: n.error } : {}) }));
    } else walk(n.step, n.facts ?? []);
  }
  out.clocks = clockViews(input.clocks, s, new Date(at)).map((v) => ({
    id: v.clock.id,
    applies: v.status === 'not-applicable' ? false : v.status === 'undetermined' ? null : true,
    ...(v.due ? { due: v.due } : {}),
    status: v.status,
    ...(v.satisfiedBy ? { satisfiedBy: v.satisfiedBy } : {}),
  }));
  return out;

  function walk(step: Step, pending: string[]): void {
    if (step.ask) {
      for (const name of pending) {
        let value = facts[name];
        if (value === undefined) {
          value = neutral(pb.facts[name] as Fact, at);
          out.assumed[name] = value ?? null;
        }
        emit(ev('fact.recorded', { step: step.id, fact: name, value }));
        // A choice nobody gave stays unknown: guards that read it are skipped as undecidable.
        if (value === undefined) delete s.facts[name];
      }
    } else if (step.check !== undefined) {
      checkItems(step).forEach((text, item) => emit(ev('check.done', { step: step.id, item, text: text as Text })));
    } else if (step.decide) {
      const d = step.decide;
      const r = d.recommend === undefined ? undefined : input.ev.run(d.recommend, s.facts);
      const recommended = r?.error ? undefined : r?.value;
      const fallback = d.options ? optionId(d.options[0]!) : false;
      const answer = step.id in answers ? answers[step.id] : recommended ?? fallback;
      out.decisions[step.id] = { ...(recommended !== undefined ? { recommended } : {}), answer };
      emit(ev('decision.made', { step: step.id, question: d.question, facts: r?.read ?? {}, ...(recommended !== undefined ? { recommended } : {}), answer, ...(d.sets ? { sets: d.sets } : {}) }));
    } else if (step.notify) {
      const satisfies = step.notify.satisfies ?? [];
      if (!out.notified.includes(step.notify.party)) out.notified.push(step.notify.party);
      out.notices.push({ step: step.id, party: step.notify.party, satisfies });
      emit(ev('notify.sent', { step: step.id, party: step.notify.party, channel: 'simulated', ref: '', at, satisfies }));
    } else emit(ev('record.written', { step: step.id, text: '' }));
  }
}

/** Type raw facts (from JSON or YAML) against the playbook's declarations. */
export function parseFacts(pb: Playbook, raw: Record<string, unknown>): Parsed<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    const f = pb.facts[name];
    if (!f) return { ok: false, code: 'simulate-unknown-fact', params: { fact: name, known: Object.keys(pb.facts).join(', ') } };
    // A simulation may be of a future incident: no datetime is refused for lying ahead.
    const r = parseFact(f, value, { now: new Date(8.64e15), tz: 'UTC' });
    if (!r.ok) return { ok: false, code: 'simulate-bad-fact', params: { fact: name, detail: r.code } };
    out[name] = r.value;
  }
  return { ok: true, value: out };
}

/** Type `step=value` overrides: the step must be a decision; the value a yes/no or one of its options. */
export function parseAnswers(pb: Playbook, pairs: readonly string[]): Parsed<Record<string, unknown>> {
  const steps = new Map(pb.stages.flatMap((s) => s.steps).map((st) => [st.id, st]));
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const i = pair.indexOf('=');
    const id = i < 0 ? pair : pair.slice(0, i);
    const raw = i < 0 ? '' : pair.slice(i + 1);
    const d = steps.get(id)?.decide;
    if (!d) return { ok: false, code: 'simulate-not-decision', params: { step: id } };
    if (d.options) {
      const ids = d.options.map(optionId);
      if (!ids.includes(raw)) return { ok: false, code: 'simulate-bad-answer', params: { step: id, options: ids.join(', ') } };
      out[id] = raw;
    } else {
      const b = parseBoolean(raw);
      if (!b.ok) return { ok: false, code: 'simulate-bad-answer', params: { step: id, options: 'yes, no' } };
      out[id] = b.value;
    }
  }
  return { ok: true, value: out };
}
