// Numbers as people write them in an incident: `2,500`, `約2,500人`, `128万`, `1.2億`, `３０００`.
// What could be read two ways (`1,5`: one and a half, or fifteen?) is refused with a message saying
// how to write it, never guessed.
import type { Parsed } from './input.js';

// A plain number: digits with an optional decimal part, thousands grouped by commas (or not at all).
const PLAIN = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const UNITS: [RegExp, number][] = [[/[億亿]/, 8], [/[万萬]/, 4], [/千/, 3]];
// Said around a count and not part of it: about, approximately, people, cases, items.
const AROUND = /^(?:約|约|大约|大概|およそ|凡そ|ほぼ|approx\.?|about|~|〜|～)\s*|\s*(?:人|名|件|个|個|条|位|人分|余り|余|多|程度|前後|左右|以上|くらい|ぐらい)$/giu;

/** `digits` × 10^exp without binary rounding (1.2 × 10^8 is 120000000, not 119999999.99999999). */
function scaled(digits: string, exp: number): number {
  const [int = '', frac = ''] = digits.replace(/,/g, '').split('.');
  const moved = frac.length > exp ? `${int}${frac.slice(0, exp)}.${frac.slice(exp)}` : `${int}${frac.padEnd(exp, '0')}`;
  return Number(moved);
}

/** A number from what a person typed; full-width forms and Japanese/Chinese units are read. */
export function parseAmount(raw: string): Parsed<number> {
  let s = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  for (let before = ''; before !== s;) { before = s; s = s.replace(AROUND, ''); }
  s = s.replace(/ /g, '');
  if (!s) return { ok: false, code: 'input-empty' };
  if (PLAIN.test(s)) return { ok: true, value: scaled(s, 0) };
  // 1億2000万, 128万, 3千: each part a plain number, units from the largest down.
  let rest = s;
  let total = 0;
  let used = false;
  for (const [unit, exp] of UNITS) {
    const m = unit.exec(rest);
    if (!m) continue;
    const head = rest.slice(0, m.index);
    if (!PLAIN.test(head) || head.startsWith('-')) return ambiguous(raw);
    total += scaled(head, exp);
    rest = rest.slice(m.index + 1);
    used = true;
  }
  if (used && (rest === '' || (PLAIN.test(rest) && !rest.startsWith('-')))) return { ok: true, value: total + (rest ? scaled(rest, 0) : 0) };
  // Digits with commas that are not thousands groups, or mixed separators: say so.
  if (/^-?[\d.,]+$/.test(s)) return ambiguous(raw);
  return { ok: false, code: 'input-number' };
}

const ambiguous = (raw: string): Parsed<never> => ({ ok: false, code: 'input-number-ambiguous', params: { value: raw.trim() } });
