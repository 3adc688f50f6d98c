// buildReport(playbook, events, template) → ReportModel. Reports are made only from the journal:
// the same journal gives the same report (the generated-at time aside).
import { clockEngine, clockViews, type ClockView } from '../clocks/clocks.js';
import { pick, type Lang } from '../i18n/lang.js';
import { message } from '../i18n/messages.js';
import type { ClockSet, Party, Playbook } from '../playbook/schema.js';
import { describeEvent } from '../session/describe.js';
import type { SessionEvent } from '../session/events.js';
import { reduce, type State } from '../session/state.js';
import { formatSpan, formatTime } from '../time/format.js';
import type { ChartSection, FieldsSection, ReportModel, Section, TableSection, TextSection } from './model.js';
import { liquid, redactions, type Template, type TemplateSection } from './template.js';
import { display, displayAnswer, joiner } from './values.js';
import { scoreDrill, type DrillScore } from './drill.js';
import { durationMs } from '../time/duration.js';

export interface ReportInput {
  playbook: Playbook;
  events: readonly SessionEvent[];
  template: Template;
  clocks: ClockSet;
  parties: readonly Party[];
  generatedAt: Date;
}

export interface Ctx {
  in: ReportInput; s: State; lang: Lang; tz: string; hide: Set<string>; views: ClockView[];
  t(code: string, p?: Record<string, string | number>): string;
  /** The drill score, worked out once for the sections that show it. */
  drill(): DrillScore;
  /** With the zone (times section, fields). */
  time(iso: string | undefined): string;
  /** Without it, for table cells: the zone is stated once in the overview. */
  at(iso: string | undefined): string;
  data: Record<string, unknown>;
}

export function reportContext(input: ReportInput, lang: Lang, tz: string, hide = new Set<string>()): Ctx {
  const s = reduce(input.events);
  const labels = input.template.labels ?? {};
  const t = (code: string, p: Record<string, string | number> = {}) => (labels[code] ? liquid.parseAndRenderSync(labels[code], p) : message(code, p, lang));
  // An unfinished drill is judged at its own last time, a real incident at the time of the report.
  const at = s.started?.clock && s.lastAt ? new Date(s.lastAt) : input.generatedAt;
  const views = clockViews(clockEngine(input.clocks), s, s.closedAt ? new Date(s.closedAt) : at);
  const time = (iso: string | undefined) => (iso ? formatTime(iso, tz) : '');
  const short = (iso: string | undefined) => (iso ? formatTime(iso, tz, 'none') : '');
  const data = textData(input.playbook, s, lang, tz);
  let score: DrillScore | undefined;
  const drill = () => (score ??= scoreDrill(input.playbook, s, views));
  return { in: input, s, lang, tz, hide, views, t, time, at: short, data, drill };
}

/** What template text (titles, intros, draft messages) may use: {{ incident }}, {{ facts.x }}, … */
export function textData(pb: Playbook, s: State, lang: Lang, tz: string): Record<string, unknown> {
  const facts = Object.fromEntries(Object.entries(s.facts).map(([k, v]) => [k, display(v, pb.facts[k], lang, tz)]));
  const decisions = Object.fromEntries(s.decisions.map((d) => [d.step, displayAnswer(pb, d.step, d.answer, lang)]));
  return {
    incident: s.started?.incident ?? '', playbook: { id: pb.id, version: pb.version, title: pick(pb.title, lang) },
    responder: s.started?.responder ?? '', started_at: s.started ? formatTime(s.started.at, tz) : '', facts, decisions,
    exercise: s.started?.exercise ?? false, timezone: tz,
  };
}

export const renderText = (source: string, data: Record<string, unknown>): string => liquid.parseAndRenderSync(source, data);

export function buildReport(input: ReportInput): ReportModel {
  const tpl = input.template;
  const c = reportContext(input, tpl.language, tpl.timezone, redactions(tpl));
  const s = c.s;
  const currentStage = [...s.entered.keys()].pop();
  const actors = [...new Set(input.events.map((e) => e.actor))];
  return {
    meta: {
      template: tpl.id, lang: c.lang, timezone: c.tz,
      title: renderText(tpl.title, c.data), classification: renderText(tpl.classification, c.data),
      incident: s.started?.incident ?? '',
      playbook: { id: input.playbook.id, version: input.playbook.version, title: pick(input.playbook.title, c.lang), ...(s.started?.playbook.commit ? { commit: s.started.playbook.commit } : {}) },
      responders: c.hide.has('actors') ? [] : actors,
      generatedAt: input.generatedAt.toISOString(), generatedAtText: c.time(input.generatedAt.toISOString()),
      exercise: s.started?.exercise ?? false,
      ...(s.started?.exercise ? { exerciseMark: c.t('exercise-mark') } : {}),
      finished: s.closedAt !== undefined,
      ...(s.closedAt ? {} : { unfinishedNotice: c.t('unfinished', { stage: currentStage ? c.t(`stage-${currentStage}`) : '-' }) }),
      pageLabel: c.t('page', { page: '{page}', pages: '{pages}' }), generatedLabel: c.t('generated-label'),
    },
    sections: tpl.sections.flatMap((sec) => section(c, sec)),
  };
}

function section(c: Ctx, sec: TemplateSection): Section[] {
  if (sec.id === 'notes' && c.hide.has('notes')) return [];
  const title = sec.title ? renderText(sec.title, c.data) : c.t(`sec-${sec.id}`);
  const intro = sec.text ? renderText(sec.text, c.data).split(/\n{2,}/).map((p) => p.trim()).filter(Boolean) : [];
  const built = BUILDERS[sec.id]?.(c, sec, title) ?? recordSection(c, sec.id, title);
  if (!intro.length) return [built];
  if (built.kind === 'text') return [{ ...built, paragraphs: [...intro, ...built.paragraphs.filter((p) => p !== c.t('not-recorded'))] }];
  return [{ kind: 'text', id: `${sec.id}-intro`, title, paragraphs: intro }, { ...built, title: '' }];
}

/** A `record:` section (cause, impact, …): every text written for it, in order. */
function recordSection(c: Ctx, id: string, title: string): TextSection {
  const texts = c.in.events.filter((e) => e.type === 'record.written' && e.data.section === id).map((e) => String(e.data.text));
  return { kind: 'text', id, title, paragraphs: texts.length ? texts : [c.t('not-recorded')] };
}

const table = (id: string, title: string, columns: string[], widths: number[], rows: string[][], extra: Partial<TableSection> = {}): TableSection =>
  ({ kind: 'table', id, title, columns, widths, rows, ...extra });

const BUILDERS: Partial<Record<string, (c: Ctx, sec: TemplateSection, title: string) => Section>> = {
  overview(c, _sec, title): FieldsSection {
    const st = c.s.started;
    const rows: [string, string][] = [
      [c.t('f-incident'), st?.incident ?? ''],
      [c.t('f-playbook'), `${pick(c.in.playbook.title, c.lang)} (${c.in.playbook.id} ${c.in.playbook.version})`],
    ];
    if (st?.playbook.commit) rows.push([c.t('f-commit'), `${st.playbook.commit.slice(0, 12)}${st.playbook.dirty ? ' (+)' : ''}`]);
    if (!c.hide.has('actors')) rows.push([c.t('f-responders'), [...new Set(c.in.events.map((e) => e.actor))].join(joiner(c.lang))]);
    rows.push([c.t('f-state'), c.t(c.s.closedAt ? 'state-closed' : 'state-open')], [c.t('f-timezone'), c.tz]);
    return { kind: 'fields', id: 'overview', title, rows };
  },

  summary(c, _sec, title) {
    return recordSection(c, 'summary', title);
  },

  times(c, _sec, title): FieldsSection {
    const claimed = ` (${c.t('claimed')})`, observed = ` (${c.t('observed')})`;
    const rows: [string, string][] = [];
    const f = c.s.facts;
    if (typeof f.occurred_at === 'string') rows.push([c.t('f-occurred'), c.time(f.occurred_at) + claimed]);
    if (typeof f.aware_at === 'string') rows.push([c.t('f-aware'), c.time(f.aware_at) + claimed]);
    if (c.s.started) rows.push([c.t('f-detected'), c.time(c.s.started.at) + observed]);
    const firsts = new Map<string, (typeof c.s.notices)[number]>();
    for (const n of c.s.notices) if (!firsts.has(n.party)) firsts.set(n.party, n);
    for (const [party, n] of firsts) {
      rows.push([c.t('f-reported', { party: partyName(c, party) }), `${c.time(n.at)}${claimed} · ${c.time(n.recordedAt)}${observed}`]);
    }
    if (c.s.closedAt) rows.push([c.t('f-closed'), c.time(c.s.closedAt) + observed]);
    return { kind: 'fields', id: 'times', title, rows };
  },

  facts(c, sec, title): FieldsSection {
    // Listed facts this playbook does not have are left out; a decision's `sets:` counts as a fact.
    const names = (sec.facts ?? Object.keys(c.in.playbook.facts).filter((k) => k in c.s.facts)).filter((n) => n in c.in.playbook.facts || n in c.s.facts);
    const label = (n: string) => {
      const asked = c.in.playbook.facts[n]?.prompt;
      const decided = c.in.playbook.stages.flatMap((st) => st.steps).find((st) => st.decide?.sets === n)?.decide?.question;
      return pick(asked ?? decided, c.lang) || n;
    };
    const value = (n: string) => {
      const decision = c.s.decisions.find((d) => d.sets === n);
      return decision ? displayAnswer(c.in.playbook, decision.step, decision.answer, c.lang) : display(c.s.facts[n], c.in.playbook.facts[n], c.lang, c.tz);
    };
    const rows = names.map((n): [string, string] => [label(n), n in c.s.facts ? value(n) : c.t('not-recorded')]);
    return { kind: 'fields', id: 'facts', title, rows };
  },

  stages(c, _sec, title): ChartSection {
    const bars = c.in.playbook.stages.filter((st) => c.s.entered.has(st.id as never)).map((st) => {
      const start = c.s.entered.get(st.id as never) ?? '';
      const end = c.s.completed.get(st.id as never);
      return { label: st.title ? pick(st.title, c.lang) : c.t(`stage-${st.id}`), start, startText: c.at(start), ...(end ? { end, endText: c.at(end) } : {}) };
    });
    const first = c.s.started?.at ?? bars[0]?.start ?? c.in.generatedAt.toISOString();
    const last = c.s.closedAt ?? c.s.lastAt ?? first;
    return { kind: 'chart', id: 'stages', title, bars, axis: { start: first, end: last, startText: c.at(first), endText: c.at(last) } };
  },

  timeline(c, _sec, title) {
    const actors = !c.hide.has('actors');
    const rows = c.in.events.filter((e) => !(c.hide.has('notes') && e.type === 'note.added')).map((e) => [
      String(e.seq), c.at(e.at), ...(actors ? [e.actor] : []), e.type,
      e.type === 'evidence.added' && c.hide.has('evidence_paths') ? `sha256 ${String(e.data.sha256)}` : describeEvent(e, c.lang, c.tz),
    ]);
    const columns = [c.t('c-no'), c.t('c-time'), ...(actors ? [c.t('c-actor')] : []), c.t('c-event'), c.t('c-detail')];
    return table('timeline', title, columns, [0.5, 1.6, ...(actors ? [1] : []), 1.6, 5.5], rows);
  },

  decisions(c, _sec, title) {
    // The threshold and the facts it read share a column: together they are why it was recommended.
    const rows = c.s.decisions.map((d) => [
      d.step, pick(d.question, c.lang),
      [d.expr ?? '', ...Object.entries(d.facts).map(([k, v]) => `${k} = ${display(v, c.in.playbook.facts[k], c.lang, c.tz)}`)].filter(Boolean).join('\n'),
      d.recommended === undefined ? '—' : displayAnswer(c.in.playbook, d.step, d.recommended, c.lang), displayAnswer(c.in.playbook, d.step, d.answer, c.lang), d.reason ?? '',
    ]);
    const highlight = c.s.decisions.map((d, i) => (d.reason ? i : -1)).filter((i) => i >= 0);
    return table('decisions', title, ['c-step', 'c-question', 'c-threshold', 'c-recommended', 'c-answer', 'c-reason'].map((k) => c.t(k)), [1.3, 2.6, 3.6, 1, 1, 2.6], rows, { highlight, empty: c.t('none') });
  },

  checklists(c, _sec, title) {
    const rows: string[][] = [];
    for (const e of c.in.events) {
      if (e.type === 'check.done') rows.push([String(e.data.step), pick(e.data.text as never, c.lang), c.t(e.data.skipped ? 'r-skipped' : 'r-done') + (e.data.reason ? `: ${String(e.data.reason)}` : ''), c.at(e.at)]);
      if (e.type === 'step.skipped') rows.push([String(e.data.step), String(e.data.guard), c.t('r-skipped-step'), c.at(e.at)]);
    }
    return table('checklists', title, [c.t('c-step'), c.t('c-item'), c.t('c-result'), c.t('c-time')], [1.3, 5, 1.6, 2], rows, { empty: c.t('none') });
  },

  notifications(c, _sec, title) {
    const rows = [
      ...c.s.notices.map((n) => [partyName(c, n.party), n.channel, n.ref, c.at(n.at), c.at(n.recordedAt), n.satisfies.join(', ')]),
      ...c.s.waivers.map((w) => [partyName(c, w.party), '—', `${c.t('r-waived')}: ${w.reason}`, '', c.at(w.at), w.satisfies.join(', ')]),
    ];
    return table('notifications', title, ['c-party', 'c-channel', 'c-ref', 'c-sent', 'c-recorded', 'c-satisfies'].map((k) => c.t(k)), [2.2, 1, 1.6, 2, 2, 1.6], rows, { empty: c.t('none') });
  },

  clocks(c, _sec, title) {
    const views = c.views.filter((v) => v.status !== 'not-applicable');
    const rows = views.map((v) => [pick(v.clock.title, c.lang), pick(v.clock.basis, c.lang), c.at(v.start), c.at(v.due), c.at(v.satisfiedAt), clockResult(c, v)]);
    const highlight = views.map((v, i) => (['late', 'overdue'].includes(v.status) ? i : -1)).filter((i) => i >= 0);
    return table('clocks', title, ['c-clock', 'c-basis', 'c-start', 'c-due', 'c-met-at', 'c-result'].map((k) => c.t(k)), [2.4, 2.4, 1.8, 1.8, 1.8, 1.4], rows, { highlight, empty: c.t('none') });
  },

  evidence(c, _sec, title) {
    const ev = c.in.events.filter((e) => e.type === 'evidence.added');
    const rows = ev.map((e) => [String(e.data.sha256), String(e.data.bytes), c.hide.has('evidence_paths') ? c.t('redacted') : String(e.data.path), c.at(e.at)]);
    return table('evidence', title, [c.t('c-sha256'), c.t('c-bytes'), c.t('c-path'), c.t('c-time')], [4, 1, 3, 1.8], rows, { empty: c.t('none') });
  },

  notes(c, _sec, title) {
    const rows = c.in.events.filter((e) => e.type === 'note.added').map((e) => [c.at(e.at), e.actor, String(e.data.text)]);
    return table('notes', title, [c.t('c-time'), c.t('c-actor'), c.t('c-note')], [1.8, 1, 6], rows, { empty: c.t('none') });
  },
};

const span = (c: Ctx, ms: number | undefined) => (ms === undefined ? '—' : formatSpan(ms, c.lang));
const pct = (n: number | undefined) => (n === undefined ? '—' : String(n));
const stageLabel = (c: Ctx, id: string) => {
  const st = c.in.playbook.stages.find((x) => x.id === id);
  return st?.title ? pick(st.title, c.lang) : c.t(`stage-${id}`);
};

// The drill sections: targets, score, and what went against the playbook.
Object.assign(BUILDERS, {
  'drill-stages'(c: Ctx, _sec: TemplateSection, title: string) {
    const d = c.drill();
    const rows = d.stages.map((st) => [stageLabel(c, st.id), span(c, st.target ? durationMs(st.target) : undefined), span(c, st.actualMs), pct(st.score), pct(st.stageScore)]);
    const highlight = d.stages.map((st, i) => (st.score !== undefined && st.score < 100 ? i : -1)).filter((i) => i >= 0);
    return table('drill-stages', title, ['c-stage', 'c-target', 'c-actual', 'c-time-score', 'c-stage-score'].map((k) => c.t(k)), [2.4, 1.4, 1.4, 1.2, 1.2], rows, { highlight });
  },
  'drill-decisions'(c: Ctx, _sec: TemplateSection, title: string) {
    const d = c.drill();
    const list = d.stages.flatMap((st) => st.decisions.map((x) => ({ ...x, stage: st.id })));
    const rows = list.map((x) => [stageLabel(c, x.stage), x.id, span(c, x.target ? durationMs(x.target) : undefined), span(c, x.actualMs), pct(x.score)]);
    const highlight = list.map((x, i) => (x.score !== undefined && x.score < 100 ? i : -1)).filter((i) => i >= 0);
    return table('drill-decisions', title, ['c-stage', 'c-step', 'c-target', 'c-actual', 'c-time-score'].map((k) => c.t(k)), [2, 2, 1.4, 1.4, 1.2], rows, { highlight, empty: c.t('none') });
  },
  'drill-score'(c: Ctx, _sec: TemplateSection, title: string): FieldsSection {
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
  overrides(c: Ctx, _sec: TemplateSection, title: string) {
    const list = c.s.decisions.filter((d) => d.reason);
    const rows = list.map((d) => [d.step, pick(d.question, c.lang), displayAnswer(c.in.playbook, d.step, d.recommended, c.lang), displayAnswer(c.in.playbook, d.step, d.answer, c.lang), d.reason ?? '']);
    return table('overrides', title, ['c-step', 'c-question', 'c-recommended', 'c-answer', 'c-reason'].map((k) => c.t(k)), [1.3, 3, 1, 1, 3], rows, { empty: c.t('none') });
  },
  skipped(c: Ctx, _sec: TemplateSection, title: string) {
    const rows = c.in.events.filter((e) => e.type === 'step.skipped').map((e) => [String(e.data.step), String(e.data.guard), c.at(e.at)]);
    return table('skipped', title, [c.t('c-step'), c.t('c-guard'), c.t('c-time')], [2, 4, 1.6], rows, { empty: c.t('none') });
  },
});

function partyName(c: Ctx, id: string): string {
  const p = c.in.parties.find((x) => x.id === id);
  return p ? pick(p.name, c.lang) : id;
}

function clockResult(c: Ctx, v: ClockView): string {
  const span = formatSpan(v.leftMs ?? 0, c.lang);
  switch (v.status) {
    case 'met': return c.t('r-met');
    case 'waived': return `${c.t('r-waived')}: ${v.reason ?? ''}`;
    case 'late': return c.t('r-late', { span });
    case 'overdue': return c.t('r-overdue', { span });
    case 'undetermined': return c.t('r-undetermined');
    default: return c.t('r-open', { span });
  }
}
