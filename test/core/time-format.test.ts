// formatTime with Intl must read and print exactly what luxon did for every ISO form irbook
// stores or a person may type: luxon (a dev dependency) is the oracle here, no longer the code.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatTime, isZone, zoneOffset } from '../../src/core/time/format.js';
import { parseIso } from '../../src/core/time/zoned.js';

const ISOS = [
  '2026-11-23T10:00:00.000+08:00', '2026-11-23T02:05:00Z', '2026-11-23T02:05:00z', '2026-03-08T01:59:59-05:00', '2026-03-08T07:30:00Z',
  '2026-10-31T16:30:00Z', '2026-11-23', '2026-11-23T10:00', '2026-11-23T10:00:00+0530', '2026-11-23T10:00:00+09',
  '2026-02-30T10:00:00Z', '2028-02-29T23:59:59.999+09:00', '2026-11-23T24:00:00Z', '2026-11-23T24:01:00Z', '2026-13-01T00:00:00Z',
  '1999-12-31T23:59:59.999+09:00', '2026-11-23 10:00+08:00', 'garbage', '', '2026-11-23T10:00:00,5+08:00', '2026-11-23T10:60:00Z',
];
const ZONES = ['Asia/Tokyo', 'Asia/Shanghai', 'UTC', 'utc', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Europe/London',
  'asia/tokyo', 'UTC+8', 'utc-03:30', 'UTC+09:00', 'Etc/GMT-9', 'Nope/Zone', 'UTC+', ''];

function luxon(iso: string, zone: string, style: 'full' | 'short' | 'none'): string {
  const t = DateTime.fromISO(iso, { setZone: true }).setZone(zone);
  if (!t.isValid) return iso;
  const base = t.toFormat('yyyy-MM-dd HH:mm');
  return style === 'none' ? base : style === 'short' ? `${base} ${t.toFormat('ZZ')}` : `${base} (UTC${t.toFormat('ZZ')} ${zone})`;
}

describe('formatTime', () => {
  const cases = ZONES.flatMap((zone) => ISOS.flatMap((iso) => (['full', 'short', 'none'] as const).map((style) => ({ iso, zone, style }))));
  it.each(cases)('$iso in $zone ($style) as luxon printed it', ({ iso, zone, style }) => {
    expect(formatTime(iso, zone, style)).toBe(luxon(iso, zone, style));
  });

  it.each(ZONES)('isZone(%j) agrees with luxon', (zone) => {
    expect(isZone(zone)).toBe(DateTime.now().setZone(zone).isValid);
  });

  it.each([
    { iso: '2026-07-01T00:00:00Z', zone: 'Europe/London', want: '+01:00' },
    { iso: '2026-01-01T00:00:00Z', zone: 'Europe/London', want: '+00:00' },
    { iso: '2026-11-23T00:00:00Z', zone: 'America/St_Johns', want: '-03:30' },
    { iso: '2026-11-23T00:00:00Z', zone: 'Nope/Zone', want: '' },
  ])('zoneOffset($iso, $zone) = $want', ({ iso, zone, want }) => {
    expect(zoneOffset(iso, zone)).toBe(want);
  });

  it.each(ISOS)('parseIso(%j) is the instant luxon reads', (iso) => {
    const t = DateTime.fromISO(iso, { setZone: true });
    if (t.isValid) expect(parseIso(iso)).toBe(t.toMillis());
    else expect(parseIso(iso)).toBeNaN();
  });
});
