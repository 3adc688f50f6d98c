// next(playbook, state) → what the session does now: enter or complete a stage, skip a guarded
// step, walk the responder through a step, or close. A deferred step is passed over (it is an
// open item); so are checklist items answered "not yet".
import type { Playbook, StageId, Step } from '../playbook/schema.js';
import type { Evaluator } from './evaluator.js';
import { kindOf } from './kinds/index.js';
import type { Pending } from './kinds/kind.js';
import type { State } from './state.js';

export interface Position { stage: number; step: number; steps: number }

export type Next =
  | { kind: 'enter-stage'; stage: StageId }
  | { kind: 'skip'; stage: StageId; step: Step; guard: string; facts: Record<string, unknown>; error?: string }
  | ({ kind: 'step'; stage: StageId; step: Step; at: Position } & Pending)
  | { kind: 'complete-stage'; stage: StageId }
  | { kind: 'close' }
  | { kind: 'done' };

export const pending = (step: Step, s: State, takeUp = false): Pending | undefined => kindOf(step)?.pending(step, s, takeUp);

export function next(pb: Playbook, s: State, ev: Evaluator): Next {
  if (s.closedAt) return { kind: 'done' };
  for (const [i, stage] of pb.stages.entries()) {
    const id = stage.id as StageId;
    if (s.completed.has(id)) continue;
    if (!s.entered.has(id)) return { kind: 'enter-stage', stage: id };
    for (const [j, step] of stage.steps.entries()) {
      const left = pending(step, s);
      if (!left) continue;
      if (step.when !== undefined) {
        const g = ev.run(step.when, s.facts);
        // A guard that cannot be decided (a fact it reads was never asked) counts as false.
        if (g.value !== true) return { kind: 'skip', stage: id, step, guard: step.when, facts: g.read, ...(g.error ? { error: g.error } : {}) };
      }
      return { kind: 'step', stage: id, step, at: { stage: i, step: j, steps: stage.steps.length }, ...left };
    }
    return { kind: 'complete-stage', stage: id };
  }
  return { kind: 'close' };
}

/** Where a step is in the playbook (for a step taken up out of order). */
export function locate(pb: Playbook, stepId: string): { stage: StageId; step: Step; at: Position } | undefined {
  for (const [i, stage] of pb.stages.entries()) {
    const j = stage.steps.findIndex((x) => x.id === stepId);
    const step = stage.steps[j];
    if (step) return { stage: stage.id as StageId, step, at: { stage: i, step: j, steps: stage.steps.length } };
  }
  return undefined;
}
