// The walk-through: ask next() what to do, let the step's kind get the answer from the prompter,
// append the event, and repeat. Every answer is appended (and, by the journal, fsync'd) before the
// next prompt, so a crash loses nothing that was acknowledged. I/O comes in through the deps.
import type { Lang, Text } from '../i18n/lang.js';
import type { Fact, Option, Party, Playbook, Step } from '../playbook/schema.js';
import { clockViews, type ClockEngine, type ClockView } from '../clocks/clocks.js';
import { ev, type NewEvent, type SessionEvent } from './events.js';
import type { Evaluator } from './evaluator.js';
import { kindOf } from './kinds/index.js';
import type { Pending, Walker } from './kinds/kind.js';
import { locate, next, pending, type Next } from './next.js';
import { apply, replaceState, type State } from './state.js';
import type { Inject } from './answers.js';
import { StepDeferred, TakeUp } from './answer-error.js';
import { durationMs } from '../time/duration.js';

export { AnswerError, StepDeferred, TakeUp } from './answer-error.js';

export interface CheckAnswer { skipped?: boolean; reason?: string; notYet?: true }

export interface Prompter {
  /** A fact's value, or UNKNOWN (kinds/ask) where the fact is `unknown_ok`. */
  fact(q: { step: Step; name: string; fact: Fact }): Promise<unknown>;
  check(q: { step: Step; index: number; total: number; text: Text }): Promise<CheckAnswer>;
  decide(q: { step: Step; question: Text; options?: Option[]; recommended?: unknown; rationale?: Text; error?: string; startsClock?: boolean }): Promise<{ answer: unknown; reason?: string }>;
  /** `aware`: when the incident became known (the aware_at fact), a notice claimed earlier needs confirming. */
  notify(q: { step: Step; party: Party | undefined; partyId: string; satisfies: string[]; draft?: string; aware?: string }): Promise<{ channel: string; ref: string; at: string } | { waived: string }>;
  /** The text for a record step; with `translate`, that text in `lang`, or '' for "later". */
  record(q: { step: Step; prompt: Text; translate?: { lang: Lang; text: string } }): Promise<string>;
  /** Whether the responder puts this step off before it is asked (answers files: `{defer: …}`). */
  deferral?(step: Step): StepDeferred | undefined;
  /** Offer to do now a notification whose clock is overdue or inside its warn window. */
  offer?(q: { step: Step; clock: ClockView }): Promise<boolean>;
}

export interface Presenter {
  show(n: Exclude<Next, { kind: 'done' }>, s: State): void;
  clocks(views: ClockView[], now: Date): void;
  /** Each event once it is in the journal. */
  event(e: SessionEvent): void;
  /** Other writers' events that arrived since the last prompt; `answered`: the step about to be asked, which one of them answered meanwhile. */
  others?(events: readonly SessionEvent[], answered?: Step): void;
}

export interface RunDeps {
  playbook: Playbook;
  parties: readonly Party[];
  ev: Evaluator;
  clocks: ClockEngine;
  prompter: Prompter;
  presenter: Presenter;
  /** Appends to the journal (durably) and returns the stored event. */
  append(e: NewEvent): SessionEvent;
  now(): Date;
  /** After each answer: a simulated clock moves on by its pace; a real one does nothing. */
  tick(): void;
  /** The text of a notify step's draft message from the journal so far (saved by the caller). */
  draft?(draftId: string, stepId: string, s: State): Promise<string | undefined>;
  /** Drill injects, shown once their time (after the session's start) has come. */
  injects?: readonly Inject[];
  /** Events to append after a step's answer (answers files: `amend:` entries `after` that step). */
  after?(stepId: string, s: State): NewEvent[];
  /** Events other writers appended since the last call (a note, an answer from another terminal or site). */
  others?(): SessionEvent[];
  /**
   * The state of every event in the incident's order, once others' events have arrived: an event
   * stamped before ones already taken in (synced from another site hours later) must not stand
   * over them, as it would if applied last. Without it, arrivals are applied in turn.
   */
  refold?(): State;
}

/**
 * Walk the session from `state` to its close (or until the prompter throws). `takeUp`: steps to do
 * first, out of order (deferred steps taken up, checklist items left "not yet").
 */
export async function runSession(d: RunDeps, state: State, o: { takeUp?: readonly string[] } = {}): Promise<State> {
  const s = state;
  const add = (e: NewEvent) => {
    const stored = d.append(e);
    apply(s, stored);
    d.presenter.event(stored);
  };
  // The incident menu can ask for another step first; the one it was asked from comes back later.
  const attempt = async (step: Step, left: Pending): Promise<void> => {
    try {
      await doStep(d, step, left, s, add);
    } catch (e) {
      if (!(e instanceof TakeUp)) throw e;
      await takeUp(e.step);
    }
  };
  const takeUp = async (id: string): Promise<void> => {
    const found = locate(d.playbook, id);
    const left = found && pending(found.step, s, true);
    if (!found || !left) return;
    d.presenter.show({ kind: 'step', ...found, ...left }, s);
    await attempt(found.step, left);
  };
  for (const id of o.takeUp ?? []) await takeUp(id);
  const offered = new Set<string>();
  for (;;) {
    showInjects(d, s, add);
    let n = next(d.playbook, s, d.ev);
    // What others wrote meanwhile is taken in before the next prompt; a step they answered is not asked again.
    const arrived = d.others?.() ?? [];
    if (arrived.length) {
      // (Arrivals all stamped after what the walk holds are simply applied: the same in either order.)
      if (d.refold && arrived.some((e) => s.lastAt !== undefined && Date.parse(e.at) <= Date.parse(s.lastAt))) replaceState(s, d.refold());
      else for (const e of arrived) apply(s, e);
      const was = n;
      n = next(d.playbook, s, d.ev);
      d.presenter.others?.(arrived, was.kind === 'step' && !pending(was.step, s) ? was.step : undefined);
    }
    if (n.kind === 'done') return s;
    d.presenter.show(n, s);
    switch (n.kind) {
      case 'enter-stage': add(ev('stage.entered', { stage: n.stage })); break;
      case 'complete-stage': add(ev('stage.completed', { stage: n.stage })); break;
      case 'skip': add(ev('step.skipped', { step: n.step.id, guard: n.guard, facts: n.facts, ...(n.error ? { error: n.error } : {}) })); break;
      case 'close': add(ev('session.closed', {})); return s;
      case 'step': {
        const urgent = d.prompter.offer ? urgentNotify(d, s, n.step.id, offered) : undefined;
        if (urgent) {
          offered.add(urgent.step.id);
          if (await d.prompter.offer?.(urgent)) {
            await takeUp(urgent.step.id);
            break;
          }
        }
        await attempt(n.step, n);
      }
    }
  }
}

/** A pending notification (not the current step) whose clock is overdue or past its warning point, most urgent first. */
function urgentNotify(d: RunDeps, s: State, current: string, offered: ReadonlySet<string>): { step: Step; clock: ClockView } | undefined {
  const views = clockViews(d.clocks, s, d.now()).filter((v) => v.status === 'overdue' || v.status === 'warning').sort((a, b) => (a.leftMs ?? 0) - (b.leftMs ?? 0));
  for (const clock of views) {
    for (const step of d.playbook.stages.flatMap((st) => st.steps)) {
      if (step.id === current || offered.has(step.id) || !step.notify?.satisfies?.includes(clock.clock.id) || !pending(step, s)) continue;
      if (step.when !== undefined && d.ev.run(step.when, s.facts).value !== true) continue;
      return { step, clock };
    }
  }
  return undefined;
}

function showInjects(d: RunDeps, s: State, add: (e: NewEvent) => void): void {
  const start = s.started ? Date.parse(s.started.clock?.start ?? s.started.at) : undefined;
  if (start === undefined || !d.injects) return;
  d.injects.forEach((inj, index) => {
    if (s.injects.has(index) || start + (durationMs(inj.after) ?? 0) > d.now().getTime()) return;
    add(ev('inject.shown', { index, after: inj.after, text: inj.text }));
  });
}

async function doStep(d: RunDeps, step: Step, left: Pending, s: State, add: (e: NewEvent) => void): Promise<void> {
  // After each answer the clock moves on, and an inject whose time has come is shown at once.
  const w: Walker = { d, s, add, answered: () => { d.tick(); showInjects(d, s, add); } };
  const defer = (x: StepDeferred) => {
    add(ev('step.deferred', { step: step.id, reason: x.reason, ...(x.owner ? { owner: x.owner } : {}), ...(x.until ? { until: x.until } : {}) }));
    w.answered();
  };
  const early = d.prompter.deferral?.(step);
  if (early) defer(early);
  else {
    try {
      await kindOf(step)?.walk(step, left, w);
    } catch (e) {
      if (!(e instanceof StepDeferred)) throw e;
      defer(e);
    }
  }
  for (const e of d.after?.(step.id, s) ?? []) add(e);
  d.presenter.clocks(clockViews(d.clocks, s, d.now()), d.now());
}
