// The legal reporting clocks of an incident: which apply, when each started and is due, whether a
// notification satisfied it. Computed from the facts and notifications; never stored.
import { celTypeOf, makeScope, type CelType } from '../expr/cel.js';
import { durationMs } from '../time/duration.js';
import type { Clock, ClockSet } from '../playbook/schema.js';
import { evaluatorOf, type Evaluator } from '../session/evaluator.js';
import type { State } from '../session/state.js';

export type ClockStatus =
  | 'not-applicable'   // the condition is false
  | 'undetermined'     // a fact it needs is not known yet
  | 'running'          // applies, not yet reported, before the warning point
  | 'warning'          // past the warning point, not yet due
  | 'overdue'          // past due, not reported
  | 'met'              // reported on time
  | 'late'             // reported after the deadline
  | 'waived';          // judged not required, with a reason

export interface ClockView {
  clock: Clock;
  status: ClockStatus;
  start?: string;
  due?: string;
  warnAt?: string;
  /** The time the report went out (as claimed by the responder) and the step that sent it. */
  satisfiedAt?: string;
  satisfiedBy?: string;
  /** due − now (open clocks) or due − satisfiedAt (closed clocks), in ms; negative = late. */
  leftMs?: number;
  reason?: string;
}

export interface ClockEngine { set: ClockSet; ev: Evaluator }

export function clockEngine(set: ClockSet): ClockEngine {
  const types: Record<string, CelType> = {};
  for (const [name, f] of Object.entries(set.facts)) types[name] = celTypeOf(f.type);
  return { set, ev: evaluatorOf(makeScope(types), types) };
}

const ms = (iso: string) => new Date(iso).getTime();
const iso = (t: number) => new Date(t).toISOString();

export function clockViews(engine: ClockEngine, s: State, now: Date): ClockView[] {
  return engine.set.clocks.map((clock) => view(engine.ev, clock, s, now.getTime()));
}

function view(ev: Evaluator, clock: Clock, s: State, now: number): ClockView {
  const applies = ev.run(clock.applies, s.facts);
  if (applies.error) return { clock, status: 'undetermined', reason: applies.error };
  if (applies.value !== true) return { clock, status: 'not-applicable' };
  const start = s.facts[clock.starts];
  if (typeof start !== 'string') return { clock, status: 'undetermined', reason: `unknown: ${clock.starts}` };
  const due = (clock.due_when ?? []).find((d) => ev.run(d.when, s.facts).value === true)?.due ?? clock.due;
  const t0 = ms(start);
  const dueAt = t0 + (durationMs(due) ?? 0);
  const warnAt = clock.warn ? t0 + (durationMs(clock.warn) ?? 0) : undefined;
  const base = { clock, start, due: iso(dueAt), ...(warnAt !== undefined ? { warnAt: iso(warnAt) } : {}) };
  const notice = s.notices.find((n) => n.satisfies.includes(clock.id) && n.party === clock.satisfied_by.party);
  if (notice) {
    const at = ms(notice.at);
    return { ...base, status: at <= dueAt ? 'met' : 'late', satisfiedAt: notice.at, satisfiedBy: notice.step, leftMs: dueAt - at };
  }
  const waiver = s.waivers.find((w) => w.satisfies.includes(clock.id) && w.party === clock.satisfied_by.party);
  if (waiver) return { ...base, status: 'waived', satisfiedBy: waiver.step, reason: waiver.reason };
  const status: ClockStatus = now > dueAt ? 'overdue' : warnAt !== undefined && now >= warnAt ? 'warning' : 'running';
  return { ...base, status, leftMs: dueAt - now };
}

export const isOpen = (v: ClockView) => v.status === 'running' || v.status === 'warning' || v.status === 'overdue';
