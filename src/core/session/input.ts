// Turning what a responder types (or an answers file says) into a typed fact value. Pure: the
// clock and the session's time zone are passed in. Bad input gives a message code, never a throw.
import { luxonDateTime } from '../time/luxon.js';
import { optionId } from '../playbook/constants.js';
import type { Fact } from '../playbook/schema.js';
import { INPUT_BOUNDS } from '../expr/budget.js';
import { parseAmount } from './amount.js';

export type Parsed<T = unknown> = { ok: true; value: T } | { ok: false; code: string; params?: Record<string, string | number> };

const YES = new Set(['y', 'yes', 'true', 'はい', '是', '是的', 'ok', '1']);
const NO = new Set(['n', 'no', 'false', 'いいえ', '否', '不', '不是', '0']);

// An answers file may give a value as YAML: a list or a mapping is never read as text.
const scalar = (raw: unknown): raw is string | number | boolean | undefined | null =>
  raw === undefined || raw === null || ['string', 'number', 'boolean'].includes(typeof raw);
const notScalar = (raw: unknown): Parsed<never> => ({ ok: false, code: 'input-not-scalar', params: { got: Array.isArray(raw) ? 'list' : 'mapping' } });

export function parseBoolean(raw: unknown): Parsed<boolean> {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  if (!scalar(raw)) return notScalar(raw);
  const s = String(raw ?? '').trim().toLowerCase();
  if (YES.has(s)) return { ok: true, value: true };
  if (NO.has(s)) return { ok: true, value: false };
  return { ok: false, code: 'input-boolean' };
}

export interface Clock { now: Date; tz: string }

/**
 * A point in time with its zone. Accepts ISO 8601 with an offset, or a local date-time read in the
 * session's zone (`2026-11-22 18:00`), or `now`. Future times are refused: these are claims about
 * what has happened. Returns ISO 8601 with the offset, e.g. 2026-11-22T18:00:00.000+08:00.
 */
export function parseDatetime(raw: unknown, clock: Clock): Parsed<string> {
  if (!scalar(raw) && !(raw instanceof Date)) return notScalar(raw);
  const s = raw instanceof Date ? raw.toISOString() : String(raw ?? '').trim();
  if (!s) return { ok: false, code: 'input-empty' };
  const DateTime = luxonDateTime();
  const now = DateTime.fromJSDate(clock.now, { zone: clock.tz });
  const t = /^now$/i.test(s) || s === '今' || s === '现在' ? now : DateTime.fromISO(s.replace(' ', 'T'), { zone: clock.tz, setZone: true });
  // Years past 9999 are valid ISO 8601 but not a Date irbook can compute with.
  if (!t.isValid || t.year > 9999) return { ok: false, code: 'input-datetime', params: { tz: clock.tz } };
  // No incident irbook handles began before 2000: 1900-01-01 or 0001 is a typo or a placeholder.
  if (t.year < 2000) return { ok: false, code: 'input-too-early', params: { min: '2000-01-01' } };
  // A minute's grace for clocks that differ a little between machines.
  if (t.toMillis() > now.toMillis() + 60_000) return { ok: false, code: 'input-future', params: { now: now.toISO() ?? '' } };
  return { ok: true, value: t.toISO() ?? s };
}

/** Whether a claimed time lies before the time the incident became known (both ISO 8601). */
export const beforeAware = (at: string, aware: string | undefined): boolean =>
  aware !== undefined && Date.parse(at) < Date.parse(aware);

/** Free text a person writes (a note, a record): at most MAX_NOTE characters. */
export const MAX_NOTE = 64 * 1024;

function parseNumber(raw: unknown, integer: boolean): Parsed<number> {
  if (!scalar(raw) || typeof raw === 'boolean') return typeof raw === 'boolean' ? { ok: false, code: integer ? 'input-integer' : 'input-number' } : notScalar(raw);
  const r = typeof raw === 'number' ? { ok: true as const, value: raw } : parseAmount(String(raw ?? ''));
  if (!r.ok) return r.code === 'input-number' && integer ? { ok: false, code: 'input-integer' } : r;
  if (!Number.isFinite(r.value)) return { ok: false, code: integer ? 'input-integer' : 'input-number' };
  if (integer && !Number.isSafeInteger(r.value)) return { ok: false, code: 'input-integer' };
  return r;
}

export function parseFact(fact: Fact, raw: unknown, clock: Clock): Parsed {
  const ids = (fact.options ?? []).map(optionId);
  switch (fact.type) {
    case 'boolean': return parseBoolean(raw);
    case 'datetime': return parseDatetime(raw, clock);
    case 'integer':
    case 'number': {
      const r = parseNumber(raw, fact.type === 'integer');
      if (!r.ok) return r;
      if (fact.min !== undefined && r.value < fact.min) return { ok: false, code: 'input-min', params: { min: fact.min } };
      if (fact.max !== undefined && r.value > fact.max) return { ok: false, code: 'input-max', params: { max: fact.max } };
      return r;
    }
    case 'text': {
      if (!scalar(raw)) return notScalar(raw);
      const s = String(raw ?? '').trim();
      // Facts are what expressions read: the bound the expression budget assumes.
      if (s.length > INPUT_BOUNDS.text) return { ok: false, code: 'input-too-long', params: { max: INPUT_BOUNDS.text } };
      return s ? { ok: true, value: s } : { ok: false, code: 'input-empty' };
    }
    case 'choice': {
      if (!scalar(raw)) return notScalar(raw);
      const s = String(raw ?? '').trim();
      return ids.includes(s) ? { ok: true, value: s } : { ok: false, code: 'input-choice', params: { options: ids.join(', ') } };
    }
    case 'multi': {
      if (Array.isArray(raw) ? !raw.every((x) => typeof x === 'string') : !scalar(raw)) return notScalar(raw);
      const list = Array.isArray(raw) ? (raw as string[]).map((x) => x.trim()) : String(raw ?? '').split(/[,，、\s]+/).filter(Boolean);
      const bad = list.filter((x) => !ids.includes(x));
      if (bad.length) return { ok: false, code: 'input-choice', params: { options: ids.join(', '), value: bad.join(', ') } };
      return { ok: true, value: [...new Set(list)] };
    }
  }
}
