// Page 1 of the report to headquarters: what an executive reads — subject, when, damage, cause,
// where the response stands (decisions in words, with the facts behind them), what is still owed.
import { pick } from '../i18n/lang.js';
import type { Ctx } from './build.js';
import { bullet, factLabel, factValue, has, labelled, paren, partyName, records, shortLabel, table } from './kit.js';
import type { FieldsSection, Section, TextSection } from './model.js';
import type { TemplateSection } from './template.js';
import { display, displayAnswer, joiner } from './values.js';
import { reportOpenItems, type OpenItem } from './open-items.js';
import { unitOf } from './numbers.js';

type Builder = (c: Ctx, sec: TemplateSection, title: string) => Section;

const stageTitle = (c: Ctx, id: string) => {
  const st = c.in.playbook.stages.find((x) => x.id === id);
  return st?.title ? pick(st.title, c.lang) : c.t(`stage-${id}`);
};

/** Persons, data items and amounts, each with its unit: the damage in one line. */
export function damage(c: Ctx): string {
  const parts: string[] = [];
  for (const n of Object.keys(c.s.facts)) {
    if (unitOf(n) && typeof c.s.facts[n] === 'number') parts.push(labelled(c, factLabel(c, n), factValue(c, n)));
  }
  const items = dataItems(c);
  if (items) parts.push(labelled(c, c.t('h-data-items'), items));
  if (has(c, 'transfer_at')) parts.push(labelled(c, factLabel(c, 'transfer_at'), factValue(c, 'transfer_at')));
  return parts.join('\n') || c.t('h-being-confirmed');
}

/** The data items (氏名, 電話番号 …) from the `data_items` fact, else the categories. */
export function dataItems(c: Ctx): string {
  for (const n of ['data_items', 'data_categories']) if (has(c, n)) return factValue(c, n);
  return '';
}

const when = (c: Ctx): string => {
  const rows: string[] = [];
  const occurred = ['occurred_at', 'transfer_at'].find((n) => has(c, n));
  if (occurred) rows.push(`${c.t('h-occurred')} ${factValue(c, occurred)}`);
  if (has(c, 'aware_at')) rows.push(`${c.t('h-aware')} ${factValue(c, 'aware_at')}`);
  return rows.join(c.lang === 'en' ? ' · ' : '／') || c.t('h-being-confirmed');
};

type Decision = Ctx['s']['decisions'][number];

/** One fact as it reads beside a decision: a short label, and for a Japanese "…があるか" yes/no "…：あり／なし". */
function factInWords(c: Ctx, k: string, v: unknown): string {
  const label = shortLabel(factLabel(c, k));
  if (c.lang === 'ja' && typeof v === 'boolean' && label.endsWith('があるか')) return labelled(c, label.slice(0, -4), c.t(v ? 'w-present' : 'w-absent'));
  return labelled(c, label, display(v, c.in.playbook.facts[k], c.lang, c.tz, { name: k }));
}

/** "警察への届出: 推奨しない（不正の目的の疑い：なし）→ 判断：実施（理由: …）" */
export function decisionInWords(c: Ctx, d: Decision): string {
  const step = c.in.playbook.stages.flatMap((st) => st.steps).find((x) => x.id === d.step);
  const what = pick(step?.title ?? d.question, c.lang);
  const word = (v: unknown, yes: string, no: string) => (typeof v === 'boolean' ? c.t(v ? yes : no) : `${c.t(yes === 'w-rec-yes' ? 'w-recommended' : 'w-decision')}: ${displayAnswer(c.in.playbook, d.step, v, c.lang)}`);
  // The facts that decided it, two at most: the yes/no facts pointing the way the recommendation
  // went come first, then numbers and choices; times never decide.
  const pointing = (v: unknown) => typeof v === 'boolean' && typeof d.recommended === 'boolean' && v === d.recommended;
  const read = Object.entries(d.facts)
    .filter(([k, v]) => c.in.playbook.facts[k]?.type !== 'datetime' && (typeof v !== 'boolean' || typeof d.recommended !== 'boolean' || v === d.recommended))
    .sort(([, a], [, b]) => Number(pointing(b)) - Number(pointing(a)))
    .slice(0, d.recommended === false && d.answer === false ? 0 : 2)
    .map(([k, v]) => factInWords(c, k, v)).join(joiner(c.lang));
  const rec = d.recommended === undefined ? '' : `${word(d.recommended, 'w-rec-yes', 'w-rec-no')}${read ? paren(c, read) : ''} → `;
  const reason = d.reason ? paren(c, labelled(c, c.t('w-reason'), c.own(d.reason))) : '';
  return `${labelled(c, what, rec)}${word(d.answer, 'w-ans-yes', 'w-ans-no')}${reason}`;
}

// The parties whose report an executive must know of: authorities, the police and headquarters.
const REPORTED_KINDS = new Set(['authority', 'police', 'internal']);
const overridden = (d: Decision) => d.recommended !== undefined && JSON.stringify(d.recommended) !== JSON.stringify(d.answer);

/**
 * The key decisions that page 1 shows in words; the rest are in the appendix (decision table).
 * A decision is key when the responder went against the recommendation, or when a "yes" opened a
 * step that reports to an authority, the police or headquarters, or writes the public statement.
 */
export function isKeyDecision(c: Ctx, d: Decision): boolean {
  if (overridden(d)) return true;
  if (d.answer !== true || !d.sets) return false;
  const gate = new RegExp(`\\b${d.sets}\\b`);
  return c.in.playbook.stages.flatMap((st) => st.steps).some((x) => x.when !== undefined && gate.test(x.when) && (
    (x.notify !== undefined && REPORTED_KINDS.has(c.in.parties.find((p) => p.id === x.notify?.party)?.kind ?? '')) ||
    x.record?.section === 'public_response'));
}

/** Where the decisions left out are: this document's appendix by its title, how to draw it, or the HQ report's. */
function otherDecisions(c: Ctx, n: number): string {
  const sec = c.in.template.sections.find((x) => x.id === 'decisions');
  if (!sec) return c.t('h-other-decisions-hq', { n });
  const drawn = !sec.appendix || c.in.appendix || c.in.template.appendix;
  return drawn ? c.t('h-other-decisions', { n, where: shortLabel(sec.title ?? c.t('sec-decisions')) }) : c.t('h-other-decisions-off', { n });
}

export const HQ_BUILDERS: Record<string, Builder> = {
  headline(c, _sec, title): FieldsSection {
    const cause = records(c, 'cause');
    return {
      kind: 'fields', id: 'headline', title, rows: [
        [c.t('h-subject'), `${pick(c.in.playbook.title, c.lang)}${paren(c, c.s.started?.incident ?? '')}`],
        [c.t('h-when'), when(c)],
        [c.t('h-damage'), damage(c)],
        [c.t('h-cause'), cause.join('\n') || c.t('h-under-investigation')],
      ],
    };
  },

  status(c, _sec, title): TextSection {
    const current = [...c.s.entered.keys()].pop();
    const done = c.in.playbook.stages.filter((st) => c.s.completed.has(st.id as never)).length;
    const head = c.s.closedAt
      ? c.t('h-closed', { at: c.at(c.s.closedAt) })
      : c.t('h-stage', { stage: current ? stageTitle(c, current) : '-', done, total: c.in.playbook.stages.length });
    // Each party once, at its first report: the detail is in the notifications table.
    const first = new Map<string, string>();
    for (const n of c.s.notices) if (!first.has(n.party)) first.set(n.party, n.at);
    const reported = [...first].map(([party, at]) => `${shortLabel(partyName(c, party))} ${c.at(at)}`).join(joiner(c.lang));
    const key = c.s.decisions.filter((d) => isKeyDecision(c, d));
    const others = c.s.decisions.length - key.length;
    return {
      kind: 'text', id: 'status', title, paragraphs: [
        head, ...(reported ? [labelled(c, c.t('h-reported'), reported)] : []), ...key.map((d) => bullet(c, decisionInWords(c, d))),
        ...(others > 0 ? [otherDecisions(c, others)] : []),
      ],
    };
  },

  'open-items'(c, _sec, title) {
    const items: readonly OpenItem[] = c.in.openItems ?? reportOpenItems(c.in.playbook, c.s, c.views);
    const what = (i: OpenItem) => {
      if (i.kind === 'clock' || i.kind === 'overdue') {
        const clock = c.views.find((v) => v.clock.id === i.reason)?.clock;
        return c.t(`oi-${i.kind}`, { party: partyName(c, i.party ?? ''), clock: clock ? pick(clock.title, c.lang) : i.reason ?? '' });
      }
      if (i.kind === 'stage') return c.t('oi-stage', { stage: stageTitle(c, i.step ?? '') });
      return c.t(`oi-${i.kind}`, { step: i.step ?? '', fact: i.fact ?? '', party: i.party ? partyName(c, i.party) : '', reason: i.reason ?? '' });
    };
    const rows = items.map((i) => [what(i), i.due ? c.at(i.due) : '—', i.owner ? partyName(c, i.owner) : '—']);
    const highlight = items.map((i, n) => (i.kind === 'overdue' ? n : -1)).filter((n) => n >= 0);
    return table('open-items', title, [c.t('c-item'), c.t('c-due'), c.t('c-owner')], [6, 2, 1.6], rows, { highlight, empty: c.t('none') });
  },

  amendments(c, _sec, title) {
    // fact.amended {fact, value, previous, reason} and decision.revised {step, answer, previous, reason}.
    const rows = c.in.events.filter((e) => e.type === 'fact.amended' || e.type === 'decision.revised').map((e) => {
      const fact = e.type === 'fact.amended';
      const name = String(fact ? e.data.fact : e.data.step);
      const show = (v: unknown) => (fact ? display(v, c.in.playbook.facts[name], c.lang, c.tz, { name, zone: 'none' }) : displayAnswer(c.in.playbook, name, v, c.lang));
      return [fact ? factLabel(c, name) : name, show(e.data.previous), show(fact ? e.data.value : e.data.answer), e.actor, c.at(e.at), String(e.data.reason ?? '')];
    });
    return table('amendments', title, ['c-what', 'c-from', 'c-to', 'c-actor', 'c-time', 'c-why'].map((k) => c.t(k)), [2.4, 1.6, 1.6, 1, 1.6, 2.6], rows, { empty: c.t('none') });
  },
};
