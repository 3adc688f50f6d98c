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
import type { ChartSection, FieldsSection, ReportModel, Section, TextSection } from './model.js';
import { bullet, factLabel, factValue, partyName, records, table } from './kit.js';
import { INTERNAL_SECTIONS, liquid, redactions, type Template, type TemplateSection } from './template.js';
import { display, displayAnswer, joiner } from './values.js';
import { scoreDrill, type DrillScore } from './drill.js';
import type { Profile } from '../profile/schema.js';
import { markForeign, recordTexts } from './language.js';
import type { OpenItem } from './open-items.js';
import { RECIPIENT_BUILDERS } from './sections-recipient.js';
import { HQ_BUILDERS } from './sections-hq.js';
import { DRILL_BUILDERS } from './sections-drill.js';
import { zoneLine } from './zone.js';
import type { Head } from '../journal/heads.js';

export interface ReportInput {
  playbook: Playbook;
  events: readonly SessionEvent[];
  template: Template;
  clocks: ClockSet;
  parties: readonly Party[];
  generatedAt: Date;
  /** The organisation profile (irbook.yaml), when there is one. */
  profile?: Profile;
  /** Draw the sections marked `appendix` (report --appendix). */
  appendix?: boolean;
  /** Stamp every page 草稿 / 下書き / DRAFT (report --draft: the profile lacks what the document needs). */
  draft?: boolean;
  /** What is still owed (今後の対応・残課題); by default worked out from the clocks and stages. */
  openItems?: readonly OpenItem[];
  /** The journal heads (per writer: seq and hash) the events were read up to; every document prints them. */
  heads?: readonly Head[];
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
  /** Free text as this document may show it: text in another language is marked 〔原文・…〕. */
  own(text: string): string;
  /** Passages marked as not in the document's language, for a warning. */
  foreign: string[];
  /** The document's recipient; a document leaving the company (`outside`) shows only its notices and clocks. */
  party?: string;
  outside: boolean;
}

export function reportContext(input: ReportInput, lang: Lang, tz: string, hide = new Set<string>()): Ctx {
  const s = reduce(input.events);
  const labels = input.template.labels ?? {};
  const t = (code: string, p: Record<string, string | number> = {}) => (labels[code] ? liquid.parseAndRenderSync(labels[code], p) : message(code, p, lang));
  // An unfinished drill is judged at its own last time, a real incident at the time of the report.
  const at = s.started?.clock && s.lastAt ? new Date(s.lastAt) : input.generatedAt;
  const views = clockViews(clockEngine(input.clocks), s, s.closedAt ? new Date(s.closedAt) : at);
  // Every document states its zone once, under the title: times are never repeated with it.
  const short = (iso: string | undefined) => (iso ? formatTime(iso, tz, 'none') : '');
  const time = short;
  const data = { ...textData(input.playbook, s, lang, tz, 'none', input.events), org: orgData(input.profile, lang) };
  let score: DrillScore | undefined;
  const drill = () => (score ??= scoreDrill(input.playbook, s, views));
  const foreign: string[] = [];
  const own = (text: string) => {
    const marked = markForeign(text, lang);
    if (marked !== text) foreign.push(text);
    return marked;
  };
  return { in: input, s, lang, tz, hide, views, t, time, at: short, data, drill, own, foreign, outside: false };
}

/** What template text (titles, intros, draft messages) may use: {{ incident }}, {{ facts.x }}, … */
export function textData(pb: Playbook, s: State, lang: Lang, tz: string, zone: 'full' | 'none' = 'full', events: readonly SessionEvent[] = []): Record<string, unknown> {
  const facts = Object.fromEntries(Object.entries(s.facts).map(([k, v]) => [k, display(v, pb.facts[k], lang, tz, { name: k, zone })]));
  const decisions = Object.fromEntries(s.decisions.map((d) => [d.step, displayAnswer(pb, d.step, d.answer, lang)]));
  // {{ records.cause }}: what was written for a report section, so a draft never says 調査中 after it.
  const records: Record<string, string> = {};
  for (const e of events) if (e.type === 'record.written') records[String(e.data.section)] ??= recordTexts(events, e.data.section, lang).filter(Boolean).join('\n');
  return {
    incident: s.started?.incident ?? '', playbook: { id: pb.id, version: pb.version, title: pick(pb.title, lang) },
    responder: s.started?.responder ?? '', started_at: s.started ? formatTime(s.started.at, tz, zone) : '', facts, decisions, records,
    exercise: s.started?.exercise ?? false, timezone: tz,
  };
}

/** {{ org.name }}, {{ org.credit_code }}, {{ org.address }} in the document's language. */
export function orgData(p: Profile | undefined, lang: Lang): Record<string, string> {
  return { name: p?.names?.[lang] ?? '', credit_code: p?.credit_code ?? '', address: pick(p?.address, lang) };
}

export const renderText = (source: string, data: Record<string, unknown>): string => liquid.parseAndRenderSync(source, data);

export function buildReport(input: ReportInput): ReportModel {
  const tpl = input.template;
  const c = reportContext(input, tpl.language, tpl.timezone, redactions(tpl));
  if (tpl.party) c.party = tpl.party;
  c.outside = tpl.audience !== 'internal';
  const s = c.s;
  const internal = tpl.audience === 'internal';
  const currentStage = [...s.entered.keys()].pop();
  const actors = [...new Set(input.events.map((e) => e.actor))];
  // The audience rule holds whatever a template lists: internal judgement never leaves the company.
  const wanted = tpl.sections.filter((sec) => (internal || !INTERNAL_SECTIONS.has(sec.id)) && (!sec.appendix || input.appendix || tpl.appendix));
  const sections = wanted.flatMap((sec) => section(c, sec));
  const first = s.started?.at ?? input.generatedAt.toISOString();
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
      ...(input.draft ? { draftMark: c.t('draft-mark') } : {}),
      finished: s.closedAt !== undefined,
      ...(s.closedAt || !internal ? {} : { unfinishedNotice: c.t('unfinished', { stage: currentStage ? c.t(`stage-${currentStage}`) : '-' }) }),
      // Inside the company the playbook is part of the record; outside it is nobody's business.
      subtitle: internal ? `${s.started?.incident ?? ''} · ${pick(input.playbook.title, c.lang)} (${input.playbook.id} ${input.playbook.version}${s.started?.playbook.commit ? ` · ${s.started.playbook.commit.slice(0, 12)}` : ''})` : [s.started?.incident ?? '', input.profile?.names?.[c.lang] ?? ''].filter(Boolean).join(' · '),
      zoneLine: zoneLine(c.tz, c.lang, first),
      pageLabel: c.t('page', { page: '{page}', pages: '{pages}' }), generatedLabel: c.t('generated-label'),
      ...(c.foreign.length ? { untranslated: [...new Set(c.foreign)] } : {}),
      ...(input.heads?.length ? { headsLabel: c.t('journal-heads') } : {}),
    },
    sections,
    // Integrity data, not internal content: authority documents carry them too.
    ...(input.heads?.length ? { heads: [...input.heads] } : {}),
  };
}

function section(c: Ctx, sec: TemplateSection): Section[] {
  if (sec.id === 'notes' && c.hide.has('notes')) return [];
  const title = sec.title ? renderText(sec.title, c.data) : c.t(`sec-${sec.id}`);
  const intro = sec.text ? renderText(sec.text, c.data).split(/\n{2,}/).map((p) => p.trim()).filter(Boolean) : [];
  const built = BUILDERS[sec.id]?.(c, sec, title) ?? recordSection(c, sec.id, title);
  // Amendments are listed only when there are some.
  if (sec.id === 'amendments' && built.kind === 'table' && !built.rows.length) return [];
  if (!intro.length) return [built];
  if (built.kind === 'text') return [{ ...built, paragraphs: [...intro, ...built.paragraphs.filter((p) => p !== c.t('not-recorded'))] }];
  return [{ kind: 'text', id: `${sec.id}-intro`, title, paragraphs: intro }, { ...built, title: '' }];
}

/** A `record:` section (cause, impact, …): every text written for it, in order. */
function recordSection(c: Ctx, id: string, title: string): TextSection {
  const texts = records(c, id);
  return { kind: 'text', id, title, paragraphs: texts.length ? texts : [c.t('not-recorded')] };
}

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
      if (c.outside && c.party !== party) continue;
      rows.push([c.t('f-reported', { party: partyName(c, party) }), `${c.time(n.at)}${claimed} · ${c.time(n.recordedAt)}${observed}`]);
    }
    if (c.s.closedAt) rows.push([c.t('f-closed'), c.time(c.s.closedAt) + observed]);
    return { kind: 'fields', id: 'times', title, rows };
  },

  facts(c, sec, title): FieldsSection {
    // Listed facts this playbook does not have are left out; a decision's `sets:` counts as a fact.
    const names = (sec.facts ?? Object.keys(c.in.playbook.facts).filter((k) => k in c.s.facts)).filter((n) => n in c.in.playbook.facts || n in c.s.facts);
    const rows = names.map((n): [string, string] => [factLabel(c, n), n in c.s.facts ? factValue(c, n) : c.t('not-recorded')]);
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
    const mine = <T extends { party: string }>(xs: T[]) => (c.outside ? xs.filter((x) => x.party === c.party) : xs);
    const rows = [
      ...mine(c.s.notices).map((n) => [partyName(c, n.party), n.channel, n.ref, c.at(n.at), c.at(n.recordedAt), n.satisfies.join(', ')]),
      // Outside the company a waiver is an internal judgement: never "not required" in a filing.
      ...(c.outside ? [] : c.s.waivers).map((w) => [partyName(c, w.party), '—', `${c.t('r-waived')}: ${w.reason}`, '', c.at(w.at), w.satisfies.join(', ')]),
    ];
    return table('notifications', title, ['c-party', 'c-channel', 'c-ref', 'c-sent', 'c-recorded', 'c-satisfies'].map((k) => c.t(k)), [2.2, 1, 1.6, 2, 2, 1.6], rows, { empty: c.t('none') });
  },

  clocks(c, _sec, title) {
    // A document for one authority shows that authority's deadlines only, never another country's.
    const views = c.views.filter((v) => v.status !== 'not-applicable' && !(c.outside && (v.clock.authority !== c.party || v.status === 'waived')));
    const rows = views.map((v) => [pick(v.clock.title, c.lang), pick(v.clock.basis, c.lang), c.at(v.start), c.at(v.due), c.at(v.satisfiedAt), clockResult(c, v)]);
    const highlight = views.map((v, i) => (['late', 'overdue'].includes(v.status) ? i : -1)).filter((i) => i >= 0);
    return table('clocks', title, ['c-clock', 'c-basis', 'c-start', 'c-due', 'c-met-at', 'c-result'].map((k) => c.t(k)), [2.4, 2.4, 1.8, 1.8, 1.8, 1.4], rows, { highlight, empty: c.t('none') });
  },

  evidence(c, _sec, title) {
    const ev = c.in.events.filter((e) => e.type === 'evidence.added');
    if (c.outside) return scene(c, title, ev.length);
    const rows = ev.map((e) => [String(e.data.sha256), String(e.data.bytes), c.hide.has('evidence_paths') ? c.t('redacted') : String(e.data.path), c.at(e.at)]);
    return table('evidence', title, [c.t('c-sha256'), c.t('c-bytes'), c.t('c-path'), c.t('c-time')], [4, 1, 3, 1.8], rows, { empty: c.t('none') });
  },

  notes(c, _sec, title) {
    const rows = c.in.events.filter((e) => e.type === 'note.added').map((e) => [c.at(e.at), e.actor, String(e.data.text)]);
    return table('notes', title, [c.t('c-time'), c.t('c-actor'), c.t('c-note')], [1.8, 1, 6], rows, { empty: c.t('none') });
  },
};


Object.assign(BUILDERS, DRILL_BUILDERS, HQ_BUILDERS, RECIPIENT_BUILDERS);

/** Outside the company: how the scene and evidence were preserved, in words (no paths, no hashes to check against nothing). */
function scene(c: Ctx, title: string, files: number): TextSection {
  const steps = new Set(c.in.playbook.stages.flatMap((st) => st.steps).filter((st) => /preserve|evidence/.test(st.id)).map((st) => st.id));
  const done = c.in.events.filter((e) => e.type === 'check.done' && !e.data.skipped && steps.has(String(e.data.step))).map((e) => bullet(c, pick(e.data.text as never, c.lang)));
  const paragraphs = [...done, ...(files ? [c.t('scene-files', { count: files })] : [])];
  return { kind: 'text', id: 'evidence', title, paragraphs: paragraphs.length ? paragraphs : [c.t('not-recorded')] };
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
