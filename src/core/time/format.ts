// Times and durations as a person reads them, in the UI language and a given zone.
import type { Lang } from '../i18n/lang.js';
import { isZoneName, offsetText, parseIso, wallClock, wallText } from './zoned.js';

const UNITS: Record<Lang, [string, string, string]> = { en: ['d', 'h', 'm'], ja: ['日', '時間', '分'], zh: ['天', '小时', '分钟'] };

/** 4d 3h / 4日3時間 / 4天3小时 — the two largest units, no seconds. */
export function formatSpan(msAbs: number, lang: Lang): string {
  const mins = Math.floor(Math.abs(msAbs) / 60_000);
  const parts: [number, string][] = [[Math.floor(mins / 1440), UNITS[lang][0]], [Math.floor(mins / 60) % 24, UNITS[lang][1]], [mins % 60, UNITS[lang][2]]];
  const first = parts.findIndex(([n]) => n > 0);
  const shown = first < 0 ? [[0, UNITS[lang][2]] as [number, string]] : parts.slice(first, first + 2).filter(([n], i) => i === 0 || n > 0);
  return shown.map(([n, u]) => `${n}${u}`).join(lang === 'en' ? ' ' : '');
}

/** full: 2026-11-23 10:00 (UTC+08:00 Asia/Shanghai) · short: 2026-11-23 10:00 +08:00 · none:
 *  2026-11-23 10:00. What does not read as a time, or an unknown zone, comes back unchanged. */
export function formatTime(iso: string, zone: string, style: 'full' | 'short' | 'none' = 'full'): string {
  const w = wallClock(parseIso(iso), zone);
  if (!w) return iso;
  const base = wallText(w);
  if (style === 'none') return base;
  return style === 'short' ? `${base} ${offsetText(w.offset)}` : `${base} (UTC${offsetText(w.offset)} ${zone})`;
}

/** The UTC offset of `zone` at the instant `iso`, as UTC+09:00 reads it (+09:00). */
export function zoneOffset(iso: string, zone: string): string {
  const w = wallClock(parseIso(iso), zone);
  return w ? offsetText(w.offset) : '';
}

export function isZone(zone: string): boolean {
  return isZoneName(zone);
}
