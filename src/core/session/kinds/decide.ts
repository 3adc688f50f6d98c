// A decision: the playbook's recommendation (CEL over the facts) is shown with the facts it read;
// an answer against it needs a reason. `sets:` makes the answer a fact for later guards.
import { pick } from '../../i18n/lang.js';
import { ev } from '../events.js';
import { AnswerError } from '../answer-error.js';
import { pendingOnce, type StepKind } from './kind.js';

export const decide: StepKind = {
  id: 'decide',
  pending: pendingOnce,
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
