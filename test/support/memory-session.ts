// Run a whole session in memory: the core runner with a scripted prompter and an array journal.
import { clockEngine } from '../../src/core/clocks/clocks.js';
import type { ClockSet, Party, Playbook } from '../../src/core/playbook/schema.js';
import type { Answers, Inject } from '../../src/core/session/answers.js';
import { amendsAfter } from '../../src/core/session/changes.js';
import { simulatedClock } from '../../src/core/session/clock.js';
import { evaluatorFor } from '../../src/core/session/evaluator.js';
import { ev, stamp, type NewEvent, type SessionEvent } from '../../src/core/session/events.js';
import { runSession, type Presenter } from '../../src/core/session/run.js';
import { scriptedPrompter } from '../../src/core/session/scripted.js';
import { reduce } from '../../src/core/session/state.js';

const quiet: Presenter = { show: () => undefined, clocks: () => undefined, event: () => undefined };

export interface MemoryOptions { paceMs?: number; injects?: Inject[]; exercise?: boolean; amend?: Answers['amend']; takeUp?: string[]; start?: string; translations?: Answers['translations'] }

export async function runInMemory(pb: Playbook, clocks: ClockSet, parties: readonly Party[], answers: Record<string, unknown>, events: SessionEvent[] = [], opts: MemoryOptions = {}) {
  const clock = simulatedClock(new Date(opts.start ?? events.at(-1)?.at ?? '2026-11-23T02:00:00Z'), opts.paceMs ?? 120_000);
  const tz = 'Asia/Shanghai';
  const append = (e: NewEvent): SessionEvent => {
    const stored = { seq: events.length + 1, ...stamp(e, { at: clock.now().toISOString(), tz, actor: 'test', exercise: opts.exercise ?? false }) };
    events.push(stored);
    return stored;
  };
  if (!events.length) append(ev('session.started', { incident: 'INC-20261123-001', playbook: { id: pb.id, version: pb.version, sha256: 'x', file: 'x' }, responder: 'test', locale: 'en', timezone: tz, exercise: opts.exercise ?? false }));
  else clock.tick();
  const state = reduce(events);
  const after = opts.amend ? amendsAfter(pb, opts.amend, () => ({ now: clock.now(), tz })) : undefined;
  let error: unknown;
  try {
    await runSession({ playbook: pb, parties, ev: evaluatorFor(pb), clocks: clockEngine(clocks), prompter: scriptedPrompter(answers, clock, tz, opts.translations), presenter: quiet, append, now: () => clock.now(), tick: () => clock.tick(), ...(opts.injects ? { injects: opts.injects } : {}), ...(after ? { after } : {}) }, state, opts.takeUp ? { takeUp: opts.takeUp } : {});
  } catch (e) {
    error = e;
  }
  return { events, state: reduce(events), error, clock };
}
