// next(playbook, state) → what the session does now: enter or complete a stage, skip a guarded
// step, walk the responder through a step, or close.
import type { Playbook, StageId, Step } from '../playbook/schema.js';
import type { Evaluator } from './evaluator.js';
import type { State } from './state.js';

export interface Position { stage: number; step: number; steps: number }

export type Next =
  | { kind: 'enter-stage'; stage: StageId }
  | { kind: 'skip'; stage: StageId; step: Step; guard: string; facts: Record<string, unknown>; error?: string }
  | { kind: 'step'; stage: StageId; step: Step; at: Position; facts?: string[]; items?: number[] }
  | { kind: 'complete-stage'; stage: StageId }
  | { kind: 'close' }
  | { kind: 'done' };

export const checkItems = (step: Step): unknown[] => (step.check === undefined ? [] : Array.isArray(step.check) ? step.check : [step.check]);

/** What is left of a step: facts not yet answered, check items not yet confirmed. */
function pending(step: Step, s: State): { facts?: string[]; items?: number[] } | undefined {
  if (s.done.has(step.id)) return undefined;
  if (step.ask) {
    const asked = s.asked.get(step.id);
    const facts = step.ask.filter((f) => !asked?.has(f));
    return facts.length ? { facts } : undefined;
  }
  if (step.check !== undefined) {
    const done = s.checks.get(step.id);
    const items = checkItems(step).map((_, i) => i).filter((i) => !done?.has(i));
    return items.length ? { items } : undefined;
  }
  return {};
}

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
