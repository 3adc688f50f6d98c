// Sections of the documents that leave the company (CAC, PPC, police, the persons concerned): the
// operator's identity and the reporter from the organisation profile, the incident as the law
// lists it, the data items, the announcement, what changed since the last report, the seal block.
import { pick, type Text } from '../i18n/lang.js';
import type { Person } from '../profile/schema.js';
import { profileValue } from '../profile/validate.js';
import type { Ctx } from './build.js';
import { bullet, factLabel, factValue, has, labelled, records, table } from './kit.js';
import type { FieldsSection, Section, TextSection } from './model.js';
import type { TemplateSection } from './template.js';
import { damage, dataItems } from './sections-hq.js';
import { display, joiner } from './values.js';

type Builder = (c: Ctx, sec: TemplateSection, title: string) => Section;

/** A profile field in the document's language; a visible gap (never silence) when it is missing. */
function org(c: Ctx, path: string): string {
  const v = profileValue(c.in.profile, path);
  const s = typeof v === 'string' ? v : typeof v === 'object' && v !== null ? pick(v as Text, c.lang) : '';
  return s.trim() || c.t('missing-field', { field: path });
}

const person = (c: Ctx, role: 'reporter' | 'contact'): Person | undefined => c.in.profile?.parties?.[c.party ?? '']?.[role];

function personRows(c: Ctx, role: 'reporter' | 'contact'): [string, string][] {
  const base = `parties.${c.party ?? '?'}.${role}`;
  const p = person(c, role);
  // Inside the company, without a profile, the responder who wrote the journal is the reporter.
  if (!p && !c.outside) return role === 'reporter' ? [[c.t(`p-${role}`), c.s.started?.responder ?? '']] : [];
  const name = [pick(p?.name, c.lang), pick(p?.title, c.lang)].filter(Boolean).join('　') || c.t('missing-field', { field: `${base}.name` });
  const reach = [p?.phone ?? c.t('missing-field', { field: `${base}.phone` }), p?.email ?? c.t('missing-field', { field: `${base}.email` })].join(c.lang === 'en' ? ' · ' : '　');
  return [[c.t(`p-${role}`), name], [c.t('p-reach'), reach]];
}

const text = (id: string, title: string, paragraphs: string[]): TextSection => ({ kind: 'text', id, title, paragraphs });
const fields = (id: string, title: string, rows: [string, string][]): FieldsSection => ({ kind: 'fields', id, title, rows });
const firstOf = (c: Ctx, names: string[]) => names.find((n) => has(c, n));

/** What was done: the check items confirmed, in order (skipped ones with their reason). */
function measures(c: Ctx): string {
  const done = c.in.events.filter((e) => e.type === 'check.done' && !e.data.skipped).map((e) => pick(e.data.text as Text, c.lang));
  return done.length ? done.map((d) => bullet(c, d)).join('\n') : c.t('not-recorded');
}

export const RECIPIENT_BUILDERS: Record<string, Builder> = {
  operator(c, _sec, title) {
    const system = firstOf(c, ['affected_system', 'channel']);
    return fields('operator', title, [
      [c.t('o-name'), org(c, `names.${c.lang}`)],
      [c.t('o-credit-code'), org(c, 'credit_code')],
      [c.t('o-address'), org(c, 'address')],
      [c.t('o-system'), system ? [factValue(c, system), ...(has(c, 'posted_where') ? [factValue(c, 'posted_where')] : [])].join(joiner(c.lang)) : c.t('h-being-confirmed')],
      ...personRows(c, 'contact'),
    ]);
  },

  incident(c, _sec, title) {
    const occurred = firstOf(c, ['occurred_at', 'transfer_at']);
    const kind = firstOf(c, ['fraud_type', 'malware_type', 'incident_type']);
    const rows: [string, string][] = [
      [c.t('i-occurred'), occurred ? factValue(c, occurred) : c.t('h-being-confirmed')],
      [c.t('i-aware'), has(c, 'aware_at') ? factValue(c, 'aware_at') : c.t('h-being-confirmed')],
      [c.t('i-place'), has(c, 'place') ? factValue(c, 'place') : org(c, 'address')],
      [c.t('i-type'), [pick(c.in.playbook.title, c.lang), ...(kind ? [factValue(c, kind)] : [])].join(joiner(c.lang))],
      [c.t('i-impact'), [damage(c), ...(has(c, 'incident_grade') ? [labelled(c, c.t('i-grade'), factValue(c, 'incident_grade'))] : []), ...records(c, 'impact')].join('\n')],
      [c.t('i-measures'), measures(c)],
    ];
    if (has(c, 'handling_closed_at')) rows.push([factLabel(c, 'handling_closed_at'), factValue(c, 'handling_closed_at')]);
    // Ransomware: the amount, method and date asked, when the playbook has them (Art. 7(2)).
    for (const n of ['ransom_amount_cny', 'ransom_method', 'ransom_at']) if (has(c, n)) rows.push([factLabel(c, n), factValue(c, n)]);
    return fields('incident', title, rows);
  },

  reporter(c, _sec, title) {
    const named = c.outside || c.in.profile?.names?.[c.lang];
    return fields('reporter', title, [...(named ? [[c.t('o-name'), org(c, `names.${c.lang}`)] as [string, string]] : []), ...personRows(c, 'reporter'), ...personRows(c, 'contact').slice(0, 1)]);
  },

  signature(c, _sec, title) {
    const reporter = person(c, 'reporter');
    const contact = person(c, 'contact');
    return fields('signature', title, [
      [c.t('s-unit'), `${org(c, `names.${c.lang}`)}${c.t('s-seal-space')}`],
      [c.t('s-head'), pick(reporter?.name, c.lang) || c.t('missing-field', { field: `parties.${c.party}.reporter.name` })],
      [c.t('s-contact'), pick(contact?.name, c.lang) || c.t('missing-field', { field: `parties.${c.party}.contact.name` })],
      [c.t('p-phone'), contact?.phone ?? c.t('missing-field', { field: `parties.${c.party}.contact.phone` })],
      [c.t('s-date'), c.at(c.in.generatedAt.toISOString()).slice(0, 10)],
    ]);
  },

  'data-items'(c, _sec, title) {
    return text('data-items', title, [dataItems(c) || c.t('h-being-confirmed')]);
  },

  persons(c, _sec, title) {
    const n = firstOf(c, ['persons_affected', 'persons']);
    return text('persons', title, [n ? factValue(c, n) : c.t('h-being-confirmed')]);
  },

  publication(c, _sec, title) {
    // 実施 / 未実施（理由）: from the announce decision and what was written about it.
    const d = c.s.decisions.find((x) => x.step === 'announce' || x.sets === 'announce');
    const written = records(c, 'public_response');
    if (!d) return text('publication', title, [c.t('pub-undecided'), ...written]);
    if (d.answer === true) return text('publication', title, [c.t('pub-done'), ...written]);
    const why = d.reason ? c.own(d.reason) : written.join(' ') || c.t('not-recorded');
    return text('publication', title, [c.t('pub-not-done', { reason: why })]);
  },

  changes(c, _sec, title) {
    // 补报 / 訂正: facts recorded or amended since the last notice to this document's party.
    const last = c.s.notices.filter((n) => n.party === c.party).map((n) => n.recordedAt).sort().pop();
    const before: Record<string, unknown> = {};
    const rows: string[][] = [];
    for (const e of c.in.events) {
      const name = e.type === 'fact.recorded' || e.type === 'fact.amended' ? String(e.data.fact) : undefined;
      if (!name) continue;
      if (last && e.at <= last) { before[name] = e.data.value; continue; }
      const fact = c.in.playbook.facts[name];
      const show = (v: unknown) => (v === undefined ? c.t('c-new') : display(v, fact, c.lang, c.tz, { name, zone: 'none' }));
      rows.push([factLabel(c, name), show(before[name]), show(e.data.value), c.at(e.at)]);
    }
    const head = last ? c.t('changes-since', { at: c.at(last) }) : c.t('changes-first');
    return table('changes', title || head, [c.t('c-what'), c.t('c-from'), c.t('c-to'), c.t('c-time')], [3, 2, 2, 1.6], rows, { empty: c.t('none') });
  },

  contact(c, _sec, title) {
    const p = person(c, 'contact');
    const line = [pick(p?.name, c.lang), p?.phone, p?.email].filter(Boolean).join(c.lang === 'en' ? ' · ' : '　');
    return text('contact', title, [line || c.t('missing-field', { field: `parties.${c.party}.contact` })]);
  },

  note(_c, _sec, title) {
    return text('note', title, []);
  },
};

