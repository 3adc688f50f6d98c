// A decision: the playbook's recommendation (CEL over the facts) is shown with the facts it read;
// an answer against it needs a reason. `sets:` makes the answer a fact for later guards.
import { z } from 'zod';
import { pick } from '../../i18n/lang.js';
import { duration, expr, factName, option, text } from '../../playbook/schema-parts.js';
import { ev } from '../events.js';
import { AnswerError } from '../answer-error.js';
import type { StepKind } from './kind.js';

/** The step's `decide:` field. */
export const decideSchema = z.object({
  question: text,
  recommend: expr.optional().describe('CEL: a bool for yes/no decisions, an option id for `options` decisions.'),
  rationale: text.optional(),
  options: z.array(option).min(2).optional().describe('A multi-way decision: the answer is one of these ids.'),
  sets: factName.optional().describe('The fact the answer becomes (bool, or the option id) for later guards.'),
  target: duration.optional().describe('Drill target: how long after the stage starts this decision should be made.'),
}).strict();

export const decide: StepKind = {
  id: 'decide',
  schema: decideSchema,
  pending: (step, s, takeUp) => (s.done.has(step.id) || (!takeUp && s.deferred.has(step.id)) ? undefined : {}),
  async walk(step, _left, w) {
    const q = step.decide;
    if (!q) return;
    const r = q.recommend !== undefined ? w.d.ev.run(q.recommend, w.s.facts) : undefined;
    const recommended = r && !r.error ? r.value : undefined;
    const a = await w.d.prompter.decide({ step, question: q.question, ...(q.options ? { options: q.options } : {}), ...(recommended !== undefined ? { recommended } : {}), ...(q.rationale ? { rationale: q.rationale } : {}), ...(r?.error ? { error: r.error } : {}) });
    if (recommended !== undefined && a.answer !== recommended && !a.reason?.trim()) throw new AnswerError(step.id, 'answer-reason-required');
    w.add(ev('decision.made', {
      step: step.id, question: q.question,
      ...(q.recommend !== undefined ? { expr: q.recommend } : {}), facts: r?.read ?? {},
      ...(recommended !== undefined ? { recommended } : {}), answer: a.answer,
      ...(a.reason?.trim() && a.answer !== recommended ? { reason: a.reason.trim() } : {}),
      ...(q.sets ? { sets: q.sets } : {}), ...(r?.error ? { error: r.error } : {}),
    }));
    w.answered();
  },
  describe: {
    'decision.made': (d, w) => {
      const rec = d.recommended === undefined ? '' : ` (${w.t('recommended')}: ${w.yn(d.recommended)})`;
      return `${d.step} · ${pick(d.question, w.lang)} → ${w.yn(d.answer)}${rec}${d.reason ? ` · ${d.reason}` : ''}`;
    },
    'decision.revised': (d, w) => `${d.step}: ${w.yn(d.previous)} → ${w.yn(d.answer)} · ${d.reason}`,
  },
};
