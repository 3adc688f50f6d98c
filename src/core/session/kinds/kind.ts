// What a step kind is: what is left of such a step in a session, how the walk answers it, and how
// its events read. One module per kind implements it (check, ask, decide, notify, record);
// kinds/index.ts lists them. The part of the step schema each owns is in schemas.ts, apart, so
// that a walk needs no zod.
import type { Lang } from '../../i18n/lang.js';
import type { StepKind as StepKindId } from '../../playbook/constants.js';
import type { Step } from '../../playbook/schema.js';
import type { EventData, EventType, NewEvent } from '../events.js';
import type { RunDeps } from '../run.js';
import type { State } from '../state.js';

/** What is left of a step: facts not yet answered, check items not yet confirmed. */
export interface Pending { facts?: string[]; items?: number[] }

/** What a kind's walk gets: the deps, the state, a way to append, and the after-each-answer hook. */
export interface Walker { d: RunDeps; s: State; add(e: NewEvent): void; answered(): void }

export interface Wording { lang: Lang; tz?: string; t(code: string): string; yn(v: unknown): string; short(v: unknown): string }
export type Describe = { [T in EventType]?: (d: EventData[T], w: Wording) => string };

export interface StepKind {
  readonly id: StepKindId;
  /**
   * What is left, or undefined when the step is finished. `takeUp`: the step is taken up again
   * (a deferred step, or items answered "not yet"), so what was put off counts as left.
   */
  pending(step: Step, s: State, takeUp: boolean): Pending | undefined;
  /** Ask the prompter and append the answer's events. */
  walk(step: Step, left: Pending, w: Walker): Promise<void>;
  /** One line per event this kind writes (timeline, reports, echo). */
  readonly describe: Describe;
}

/** `pending` of a step answered at once (decide, notify, record): left until done; a deferred one only when taken up. */
export const pendingOnce: StepKind['pending'] = (step, s, takeUp) => (s.done.has(step.id) || (!takeUp && s.deferred.has(step.id)) ? undefined : {});
