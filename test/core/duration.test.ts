// durationMs must read every ISO-8601 duration exactly as luxon's Duration did (luxon, a dev
// dependency, is the oracle here): playbooks' deadlines and drill targets, clocks, --pace.
import { Duration } from 'luxon';
import { describe, expect, it } from 'vitest';
import { durationMs } from '../../src/core/time/duration.js';

const luxon = (iso: string): number | undefined => {
  if (!/^P/.test(iso)) return undefined;
  const d = Duration.fromISO(iso);
  return d.isValid ? d.toMillis() : undefined;
};

const FORMS = [
  'P5D', 'PT4H', 'PT1H30M', 'PT72H', 'P1W', 'P1M', 'P1Y', 'P1Y2M3W4DT5H6M7S', 'PT30S', 'PT1.5S', 'PT1,5S', 'PT0.001S',
  'PT0.0005S', 'PT1.123456789S', 'PT-1.5S', 'PT-0S', 'PT-0.5S', 'P0.5D', 'PT0.25H', 'P1.5Y', 'P-1D', 'PT-5M', 'P0D', 'PT0S',
  'P', 'PT', 'P1DT', 'PT2M', 'PT1M', 'P30D', 'P99999999999999999999D', 'P1.00000000000000000001D', 'PT1.5M', 'PT0.1H0.2M0.3S',
  // Not durations
  '', 'T1H', '5D', 'p5d', 'P5d', 'PT', 'P1H', 'PT1D', '-P1D', 'P1DT1', 'P 1D', 'P1.D', 'P.5D', 'PT1.5.5S', 'P1D1D', 'PT1S1M',
  'P123456789012345678901D', 'PT1.123456789012345678901S', 'P1,5D', ' P1D', 'P1D ', 'PT1H\n',
];

describe('durationMs', () => {
  it.each(FORMS)('%j as luxon reads it', (iso) => {
    expect(durationMs(iso)).toBe(luxon(iso));
  });

  it.each([['PT2M', 120_000], ['P5D', 5 * 86_400_000], ['PT1H30M', 5_400_000], ['P1M', 30 * 86_400_000], ['PT1.5S', 1500], ['x', undefined]] as const)('%s is %s ms', (iso, ms) => {
    expect(durationMs(iso)).toBe(ms);
  });
});
