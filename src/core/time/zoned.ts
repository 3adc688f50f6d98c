// Instants and wall-clock times in a zone with the platform's Intl, one cached formatter per zone:
// a report formats thousands of timestamps, and building a luxon DateTime for each cost more than
// drawing them. Zones are what luxon accepts too: IANA names, UTC, and fixed offsets as UTC+8.

/** Milliseconds of an ISO 8601 date-time (YYYY-MM-DD[THH:MM[:SS[.f]]][Z|±HH[:]MM|±HH]); a time
 *  without an offset is local time, as luxon reads it. NaN for anything else. */
export function parseIso(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(iso);
  if (!m) return NaN;
  const n = (i: number) => Number(m[i] ?? 0);
  const [y, mo, d, h, mi, s] = [n(1), n(2), n(3), n(4), n(5), n(6)];
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 24 || mi > 59 || s > 59 || (h === 24 && (mi || s || ms))) return NaN;
  const off = m[8];
  if (off === undefined) return m[4] === undefined ? new Date(y, mo - 1, d).getTime() : new Date(y, mo - 1, d, h, mi, s, ms).getTime();
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  if (/^z$/i.test(off)) return utc;
  const sign = off.startsWith('-') ? -1 : 1;
  const digits = off.slice(1).replace(':', '');
  return utc - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * 60_000;
}

const daysIn = (y: number, mo: number) => new Date(Date.UTC(y, mo, 0)).getUTCDate();

type Zone = { fixed: number } | { intl: Intl.DateTimeFormat; offsets: Map<number, number> };
const zones = new Map<string, Zone | null>();

function zoneOf(name: string): Zone | null {
  let z = zones.get(name);
  if (z !== undefined) return z;
  const fixed = /^utc(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/i.exec(name);
  if (fixed) {
    z = { fixed: (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2] ?? 0) * 60 + Number(fixed[3] ?? 0)) };
  } else {
    try {
      z = { offsets: new Map(), intl: new Intl.DateTimeFormat('en-US', { timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }) };
    } catch {
      z = null;
    }
  }
  zones.set(name, z);
  return z;
}

export const isZoneName = (name: string): boolean => zoneOf(name) !== null;

export interface Wall { year: number; month: number; day: number; hour: number; minute: number; /** minutes east of UTC */ offset: number }

/** The wall clock in `zone` at `ms`; undefined for an unknown zone or an instant out of range. */
export function wallClock(ms: number, zone: string): Wall | undefined {
  const z = zoneOf(zone);
  if (!z || !Number.isFinite(ms)) return undefined;
  const offset = 'fixed' in z ? z.fixed : offsetAt(z, ms);
  const d = new Date(ms + offset * 60_000);
  if (Number.isNaN(d.getTime())) return undefined;
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), offset };
}

// Zones change their offset on the quarter hour: one Intl lookup per zone and quarter hour.
function offsetAt(z: { intl: Intl.DateTimeFormat; offsets: Map<number, number> }, ms: number): number {
  const quarter = Math.floor(ms / 900_000);
  let offset = z.offsets.get(quarter);
  if (offset === undefined) {
    const at = quarter * 900_000;
    const p: Record<string, number> = {};
    for (const part of z.intl.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    offset = Math.round((Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0) - at) / 60_000);
    z.offsets.set(quarter, offset);
  }
  return offset;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** +08:00, -03:30, +00:00 (luxon's ZZ). */
export function offsetText(minutes: number): string {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** 20261123, as incident ids have it. */
export const dayText = (w: Wall): string => `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}`;

/** 2026-11-23 10:00 */
export const wallText = (w: Wall): string => `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
