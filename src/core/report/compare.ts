// `irbook drill compare`: the same playbook drilled several times, side by side, so a team sees
// whether it gets faster. A ReportModel, so the Markdown and PDF renderers draw it too.
import { pick, type Lang } from '../i18n/lang.js';
import { message } from '../i18n/messages.js';
import { zoneLine } from './zone.js';
import type { Playbook, StageId } from '../playbook/schema.js';
import type { State } from '../session/state.js';
import type { ClockView } from '../clocks/clocks.js';
import { formatSpan, formatTime } from '../time/format.js';
import { scoreDrill } from './drill.js';
import type { ReportModel } from './model.js';

export interface DrillRun { id: string; state: State; clocks: ClockView[] }

export function compareDrills(pb: Playbook, runs: readonly DrillRun[], lang: Lang, tz: string, generatedAt: Date): ReportModel {
  const t = (code: string, p: Record<string, string | number> = {}) => message(code, p, lang);
  const stageName = (id: string) => t(`stage-${id}`);
  const total = (s: State) => (s.started && s.closedAt ? Date.parse(s.closedAt) - Date.parse(s.started.at) : undefined);
  const rows = runs.map((r) => {
    const score = scoreDrill(pb, r.state, r.clocks);
    const stageTimes = pb.stages.map((st) => {
      const a = r.state.entered.get(st.id as StageId), b = r.state.completed.get(st.id as StageId);
      return a && b ? formatSpan(Date.parse(b) - Date.parse(a), lang) : '—';
    });
    const tt = total(r.state);
    return [r.id, r.state.started ? formatTime(r.state.started.at, tz, 'none') : '', ...stageTimes, tt === undefined ? '—' : formatSpan(tt, lang),
      score.overall === undefined ? '—' : String(score.overall), String(r.state.decisions.filter((d) => d.reason).length)];
  });
  const longest = Math.max(1, ...runs.map((r) => total(r.state) ?? 0));
  const zero = new Date(0).toISOString();
  return {
    meta: {
      template: 'drill-compare', lang, timezone: tz, title: t('compare-title'), classification: t('compare-classification'),
      incident: runs.map((r) => r.id).join(', '), playbook: { id: pb.id, version: pb.version, title: pick(pb.title, lang) }, responders: [],
      generatedAt: generatedAt.toISOString(), generatedAtText: formatTime(generatedAt.toISOString(), tz),
      exercise: true, exerciseMark: t('exercise-mark'), finished: true,
      subtitle: `${pb.title ? pick(pb.title, lang) : ''} (${pb.id} ${pb.version})`, zoneLine: zoneLine(tz, lang, generatedAt.toISOString()),
      pageLabel: t('page', { page: '{page}', pages: '{pages}' }), generatedLabel: t('generated-label'),
    },
    sections: [
      {
        kind: 'table', id: 'compare', title: t('compare-table'),
        columns: [t('col-incident'), t('c-time'), ...pb.stages.map((s) => stageName(s.id)), t('compare-total'), t('score-overall'), t('sec-overrides')],
        widths: [2, 1.8, ...pb.stages.map(() => 1.1), 1.1, 1, 1], rows,
      },
      {
        kind: 'chart', id: 'compare-chart', title: t('compare-chart'),
        bars: runs.map((r) => {
          const tt = total(r.state);
          return { label: r.id, start: zero, startText: '0', ...(tt !== undefined ? { end: new Date(tt).toISOString(), endText: formatSpan(tt, lang) } : {}) };
        }),
        axis: { start: zero, end: new Date(longest).toISOString(), startText: '0', endText: formatSpan(longest, lang) },
      },
    ],
  };
}
