// The day an incident id names (INC-yyyyMMdd-nnn) in the session's zone, as luxon's toFormat
// gave it (luxon, a dev dependency, is the oracle).
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { dayText, wallClock } from '../../src/core/time/zoned.js';

const INSTANTS = ['2026-11-23T15:59:59.999Z', '2026-11-23T16:00:00Z', '2026-03-08T07:30:00Z', '2026-12-31T23:30:00Z', '2000-01-01T00:00:00Z', '2099-06-15T12:00:00Z'];
const ZONES = ['Asia/Shanghai', 'Asia/Tokyo', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC', 'UTC+8', 'UTC-9:30', 'Europe/London'];

describe('dayText', () => {
  it.each(INSTANTS.flatMap((at) => ZONES.map((zone) => ({ at, zone }))))('$at in $zone', ({ at, zone }) => {
    const ms = Date.parse(at);
    expect(dayText(wallClock(ms, zone)!)).toBe(DateTime.fromJSDate(new Date(ms), { zone }).toFormat('yyyyMMdd'));
  });
});
