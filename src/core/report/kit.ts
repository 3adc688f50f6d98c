// Small pieces the section builders share: tables, party names, facts as labels and values.
import { pick } from '../i18n/lang.js';
import type { Ctx } from './build.js';
import { recordTexts } from './language.js';
import type { TableSection } from './model.js';
import { display, displayAnswer } from './values.js';

export const table = (id: string, title: string, columns: string[], widths: number[], rows: string[][], extra: Partial<TableSection> = {}): TableSection =>
  ({ kind: 'table', id, title, columns, widths, rows, ...extra });

export function partyName(c: Ctx, id: string): string {
  const p = c.in.parties.find((x) => x.id === id);
  return p ? pick(p.name, c.lang) : id;
}

/** A fact's label: its prompt, or the question of the decision that `sets:` it. */
export function factLabel(c: Ctx, n: string): string {
  const asked = c.in.playbook.facts[n]?.prompt;
  const decided = c.in.playbook.stages.flatMap((st) => st.steps).find((st) => st.decide?.sets === n)?.decide?.question;
  return pick(asked ?? decided, c.lang) || n;
}

/** A label for a line that must stay short: without its bracketed asides （持ち出し・売却等） or (e.g. …). */
export const shortLabel = (label: string): string => label.replace(/\s*[（(][^（）()]*[）)]/g, '').trim();

/** A fact's value for the reader: option labels, units, times without the zone; free text marked when foreign. */
export function factValue(c: Ctx, n: string): string {
  const decision = c.s.decisions.find((d) => d.sets === n);
  if (decision) return displayAnswer(c.in.playbook, decision.step, decision.answer, c.lang);
  const fact = c.in.playbook.facts[n];
  const shown = display(c.s.facts[n], fact, c.lang, c.tz, { name: n, zone: 'none' });
  return fact?.type === 'text' ? c.own(shown) : shown;
}

/** Texts written for a report section (record steps), in order, translated into the document's language where given. */
export const records = (c: Ctx, section: string): string[] => recordTexts(c.in.events, section, c.lang).map((t) => c.own(t));

export const has = (c: Ctx, n: string): boolean => c.s.facts[n] !== undefined && c.s.facts[n] !== null;

/** "label: value" with the colon of the language (full-width in Chinese and Japanese). */
export const labelled = (c: Ctx, label: string, value: string): string =>
  // A prompt is often a question ("Is it still visible?"): as a label it loses the question mark.
  c.lang === 'en' ? `${label.replace(/\?$/, '')}: ${value}` : `${label}：${value}`;

/** A list item's mark: 「・」 is Japanese; Chinese and English use a bullet. */
export const bullet = (c: Ctx, text: string): string => `${c.lang === 'ja' ? '・' : '• '}${text}`;

/** Text in brackets: full-width in Chinese and Japanese. */
export const paren = (c: Ctx, text: string): string => (c.lang === 'en' ? ` (${text})` : `（${text}）`);
