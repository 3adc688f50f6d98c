// The drill's after-action sections: times against targets, the score with its rule, and what
// went against the playbook (overrides, skipped steps).
import { pick } from '../i18n/lang.js';
import { durationMs } from '../time/duration.js';
import { formatSpan } from '../time/format.js';
import type { Ctx } from './build.js';
import { table } from './kit.js';
import type { FieldsSection, Section } from './model.js';
import type { TemplateSection } from './template.js';
import { displayAnswer } from './values.js';

type Builder = (c: Ctx, sec: TemplateSection, title: string) => Section;

const span = (c: Ctx, ms: number | undefined) => (ms === undefined ? '—' : formatSpan(ms, c.lang));
const pct = (n: number | undefined) => (n === undefined ? '—' : String(n));
const stageLabel = (c: Ctx, id: string) => {
  const st = c.in.playbook.stages.find((x) => x.id === id);
  return st?.title ? pick(st.title, c.lang) : c.t(`stage-${id}`);
};

export const DRILL_BUILDERS: Record<string, Builder> = {
  'drill-stages'(c, _sec, title) {
    const d = c.drill();
    const rows = d.stages.map((st) => [stageLabel(c, st.id), span(c, st.target ? durationMs(st.target) : undefined), span(c, st.actualMs), pct(st.score), pct(st.stageScore)]);
    const highlight = d.stages.map((st, i) => (st.score !== undefined && st.score < 100 ? i : -1)).filter((i) => i >= 0);
    return table('drill-stages', title, ['c-stage', 'c-target', 'c-actual', 'c-time-score', 'c-stage-score'].map((k) => c.t(k)), [2.4, 1.4, 1.4, 1.2, 1.2], rows, { highlight });
  },
  'drill-decisions'(c, _sec, title) {
    const d = c.drill();
    const list = d.stages.flatMap((st) => st.decisions.map((x) => ({ ...x, stage: st.id })));
    const rows = list.map((x) => [stageLabel(c, x.stage), x.id, span(c, x.target ? durationMs(x.target) : undefined), span(c, x.actualMs), pct(x.score)]);
    const highlight = list.map((x, i) => (x.score !== undefined && x.score < 100 ? i : -1)).filter((i) => i >= 0);
    return table('drill-decisions', title, ['c-stage', 'c-step', 'c-target', 'c-actual', 'c-time-score'].map((k) => c.t(k)), [2, 2, 1.4, 1.4, 1.2], rows, { highlight, empty: c.t('none') });
  },
  'drill-score'(c, _sec, title): FieldsSection {
    const d = c.drill();
    return {
      kind: 'fields', id: 'drill-score', title, rows: [
        [c.t('score-overall'), pct(d.overall)],
        [c.t('score-stages'), pct(d.stageMean)],
        [c.t('score-clocks'), `${pct(d.clockMean)}${d.clocks.length ? ` (${d.clocks.map((x) => `${x.id}: ${x.score}`).join(', ')})` : ''}`],
        [c.t('score-rule-label'), c.t('score-rule')],
      ],
    };
  },
  overrides(c, _sec, title) {
    const list = c.s.decisions.filter((d) => d.reason);
    const rows = list.map((d) => [d.step, pick(d.question, c.lang), displayAnswer(c.in.playbook, d.step, d.recommended, c.lang), displayAnswer(c.in.playbook, d.step, d.answer, c.lang), d.reason ?? '']);
    return table('overrides', title, ['c-step', 'c-question', 'c-recommended', 'c-answer', 'c-reason'].map((k) => c.t(k)), [1.3, 3, 1, 1, 3], rows, { empty: c.t('none') });
  },
  skipped(c, _sec, title) {
    const rows = c.in.events.filter((e) => e.type === 'step.skipped').map((e) => [String(e.data.step), String(e.data.guard), c.at(e.at)]);
    return table('skipped', title, [c.t('c-step'), c.t('c-guard'), c.t('c-time')], [2, 4, 1.6], rows, { empty: c.t('none') });
  },
};
