import { Duration } from 'luxon';

/** An ISO-8601 duration (`P5D`, `PT4H`, `PT1H30M`) in milliseconds, or undefined when it is not one. */
export function durationMs(iso: string): number | undefined {
  if (!/^P/.test(iso)) return undefined;
  const d = Duration.fromISO(iso);
  return d.isValid ? d.toMillis() : undefined;
}
