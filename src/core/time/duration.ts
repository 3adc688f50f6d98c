// ISO-8601 durations as luxon's Duration.fromISO(…).toMillis() reads them (test/core/duration
// compares the two), without loading luxon: a year is 365 days, a month 30, a week 7, as luxon's
// default "casual" conversion has it; fractions are allowed on every unit.
const NUM = '(-?\\d{1,20}(?:\\.\\d{1,20})?)';
const ISO_DURATION = new RegExp(`^P(?:${NUM}Y)?(?:${NUM}M)?(?:${NUM}W)?(?:${NUM}D)?(?:T(?:${NUM}H)?(?:${NUM}M)?(?:(-?\\d{1,20})(?:[.,](-?\\d{1,20}))?S)?)?$`);

const DAY = 24 * 60 * 60 * 1000;
// Seconds up to years, in the order luxon adds them (the sum of fractions depends on it).
const UNIT_MS = [[7, 1000], [6, 60 * 1000], [5, 60 * 60 * 1000], [4, DAY], [3, 7 * DAY], [2, 30 * DAY], [1, 365 * DAY]] as const;

/** An ISO-8601 duration (`P5D`, `PT4H`, `PT1H30M`) in milliseconds, or undefined when it is not one. */
export function durationMs(iso: string): number | undefined {
  const m = ISO_DURATION.exec(iso);
  if (!m) return undefined;
  const fraction = m[8];
  // Milliseconds from the seconds' fraction, negative with negative seconds ("PT-1.5S").
  const ms = fraction === undefined ? undefined : Math.floor(parseFloat(`0.${fraction}`) * 1000);
  let sum = ms === undefined ? 0 : m[7]?.startsWith('-') ? -ms : ms;
  for (const [i, unit] of UNIT_MS) {
    const v = m[i] === undefined ? 0 : parseFloat(m[i]);
    if (v) sum += v * unit;
  }
  return sum;
}
