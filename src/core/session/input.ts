// Turning what a responder types (or an answers file says) into a typed fact value. Pure: the
// clock and the session's time zone are passed in. Bad input gives a message code, never a throw.
import { DateTime } from 'luxon';
import { optionId } from '../playbook/constants.js';
import type { Fact } from '../playbook/schema.js';

export type Parsed<T = unknown> = { ok: true; value: T } | { ok: false; code: string; params?: Record<string, string | number> };

const YES = new Set(['y', 'yes', 'true', 'はい', '是', '是的', 'ok', '1']);
const NO = new Set(['n', 'no', 'false', 'いいえ', '否', '不', '不是', '0']);

export function parseBoolean(raw: unknown): Parsed<boolean> {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
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
  const s = raw instanceof Date ? raw.toISOString() : String(raw ?? '').trim();
  if (!s) return { ok: false, code: 'input-empty' };
  const now = DateTime.fromJSDate(clock.now, { zone: clock.tz });
  const t = /^now$/i.test(s) || s === '今' || s === '现在' ? now : DateTime.fromISO(s.replace(' ', 'T'), { zone: clock.tz, setZone: true });
  if (!t.isValid) return { ok: false, code: 'input-datetime', params: { tz: clock.tz } };
  // A minute's grace for clocks that differ a little between machines.
  if (t.toMillis() > now.toMillis() + 60_000) return { ok: false, code: 'input-future', params: { now: now.toISO() ?? '' } };
  return { ok: true, value: t.toISO() ?? s };
}

function parseNumber(raw: unknown, integer: boolean): Parsed<number> {
  const s = typeof raw === 'number' ? String(raw) : String(raw ?? '').trim().replace(/[,_，\s]/g, '');
  if (!s) return { ok: false, code: 'input-empty' };
  const n = Number(s);
  if (!Number.isFinite(n) || (integer && !/^-?\d+$/.test(s))) return { ok: false, code: integer ? 'input-integer' : 'input-number' };
  if (integer && !Number.isSafeInteger(n)) return { ok: false, code: 'input-integer' };
  return { ok: true, value: n };
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
      const s = String(raw ?? '').trim();
      return s ? { ok: true, value: s } : { ok: false, code: 'input-empty' };
    }
    case 'choice': {
      const s = String(raw ?? '').trim();
      return ids.includes(s) ? { ok: true, value: s } : { ok: false, code: 'input-choice', params: { options: ids.join(', ') } };
    }
    case 'multi': {
      const list = Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(/[,，、\s]+/).filter(Boolean);
      const bad = list.filter((x) => !ids.includes(x));
      if (bad.length) return { ok: false, code: 'input-choice', params: { options: ids.join(', '), value: bad.join(', ') } };
      return { ok: true, value: [...new Set(list)] };
    }
  }
}
