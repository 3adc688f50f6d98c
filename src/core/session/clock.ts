// The session's notion of "now": the real clock, or a simulated one for drills and tests that
// starts at a chosen time and moves on by a fixed pace with each answer.
export interface SessionClock {
  readonly simulated: boolean;
  now(): Date;
  /** After each answer. */
  tick(): void;
  /** A claimed time later than the simulated now (an answers file says so) moves the clock on. */
  advanceTo(t: Date): void;
}

export function realClock(source: () => Date = () => new Date()): SessionClock {
  return { simulated: false, now: source, tick: () => undefined, advanceTo: () => undefined };
}

export function simulatedClock(start: Date, paceMs: number): SessionClock {
  let t = start.getTime();
  return {
    simulated: true,
    now: () => new Date(t),
    tick: () => { t += paceMs; },
    advanceTo: (d) => { t = Math.max(t, d.getTime()); },
  };
}

/** A drill clock that runs `speed` times faster than real time from `start` (60: a minute is an hour). */
export function scaledClock(start: Date, speed: number, real: () => number = Date.now): SessionClock {
  const t0 = real();
  let offset = start.getTime();
  const now = () => offset + (real() - t0) * speed;
  return {
    simulated: true,
    now: () => new Date(now()),
    tick: () => undefined,
    advanceTo: (d) => { offset += Math.max(0, d.getTime() - now()); },
  };
}
