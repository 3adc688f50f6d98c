// What `start` and `resume` do, decided before any I/O: the session's clock, its stamp (zone,
// actor, drill mark) and the events to append first. Commands read, call the plan, and append.
import { UserError, EXIT } from '../../errors.js';
import { durationMs } from '../time/duration.js';
import { dayText, wallClock } from '../time/zoned.js';
import { realClock, scaledClock, simulatedClock, type SessionClock } from './clock.js';
import type { ClockSet, Party, Playbook } from '../playbook/schema.js';
import { ev, is, stamp, type EventRecord, type Pinned, type SessionEvent, type Stamp, type Started } from './events.js';
import { parseDatetime } from './input.js';
import { reduce, type State } from './state.js';

export type Plan<T> = ({ ok: true } & T) | { ok: false; error: UserError };

/** Drill-clock settings from options or an answers file; they exist only in exercises. */
export interface ClockOptions { clock?: string; pace?: string; speed?: number | string }

export interface StartInput extends ClockOptions {
  playbook: Started['playbook'];
  actor: string;
  locale: string;
  tz: string;
  exercise: boolean;
  /** The validated model the verdicts will be judged by, with the sha256 of clocks.yaml and parties.yaml. */
  model?: { playbook: Playbook; clocks: ClockSet; parties: Party[]; sha256: { clocks: string; parties: string } };
  /** The wall clock (tests pass their own). */
  now?: () => Date;
}

type Hint = { code: string; params?: Record<string, string | number> };
export const fail = (code: string, params: Record<string, string | number> = {}, exit: 2 | 4 = EXIT.usage, hint?: Hint): { ok: false; error: UserError } => ({ ok: false, error: new UserError(exit, code, params, hint) });

/** A real incident's observed times are the machine's: a simulated clock needs `--exercise`. */
function drillOnly(o: ClockOptions, exercise: boolean): { ok: false; error: UserError } | undefined {
  const used = (['clock', 'pace', 'speed'] as const).filter((k) => o[k] !== undefined);
  return used.length && !exercise ? fail('clock-needs-exercise', { options: used.map((k) => `--${k}`).join(', ') }) : undefined;
}

function clockFor(o: ClockOptions, tz: string, fallbackStart?: Date): Plan<{ clock?: SessionClock; speed?: number; pace?: string }> {
  let start = fallbackStart;
  if (o.clock !== undefined) {
    const t = parseDatetime(o.clock, { now: new Date(8.64e15), tz });
    if (!t.ok) return fail(t.code, { ...t.params });
    start = new Date(t.value);
  }
  const speed = o.speed === undefined ? undefined : Number(o.speed);
  if (speed !== undefined && !(speed > 0 && speed <= 100_000)) return fail('bad-speed', { speed: String(o.speed) });
  if (o.pace !== undefined && durationMs(o.pace) === undefined) return fail('bad-duration', { value: o.pace });
  if (speed !== undefined) return { ok: true, clock: scaledClock(start ?? new Date(), speed), speed };
  if (start !== undefined || o.pace !== undefined) return { ok: true, clock: simulatedClock(start ?? new Date(), durationMs(o.pace ?? 'PT1M') ?? 60_000), pace: o.pace ?? 'PT1M' };
  return { ok: true };
}

/** `allocate(day)` names the new incident (the store makes its folder). */
export function planStart(o: StartInput, allocate: (day: string) => string): Plan<{ clock: SessionClock; stamp: Stamp; incident: string; events: EventRecord[] }> {
  const refused = drillOnly(o, o.exercise);
  if (refused) return refused;
  const c = clockFor(o, o.tz);
  if (!c.ok) return c;
  const clock = c.clock ?? realClock(o.now);
  const day = wallClock(clock.now().getTime(), o.tz);
  if (!day) return fail('bad-timezone', { tz: o.tz });
  const incident = allocate(dayText(day));
  const started: Started = {
    incident, playbook: o.playbook, responder: o.actor, locale: o.locale, timezone: o.tz, exercise: o.exercise,
    ...(o.model ? { pinned: { playbook: o.model.playbook, clocks: o.model.clocks, parties: o.model.parties, sha256: { playbook: o.playbook.sha256, ...o.model.sha256 } } } : {}),
    ...(c.clock ? { clock: { start: clock.now().toISOString(), ...(c.speed ? { speed: c.speed } : { pace: c.pace ?? 'PT1M' }) } } : {}),
  };
  const st: Stamp = { at: clock.now().toISOString(), tz: o.tz, actor: o.actor, exercise: o.exercise };
  return { ok: true, clock, stamp: st, incident, events: [stamp(ev('session.started', started), st)] };
}

/** The sha256 of the files a session's verdicts come from (clocks and parties only where pinned). */
export type Shas = { playbook: string; clocks?: string; parties?: string };

/**
 * The model an incident is judged by now: the latest one taken (`playbook.changed`), else the one
 * pinned at the start; with the sha256s a resume compares the files with. A journal written before
 * pinning has only the playbook's sha256 and no model (the file is read, sha-checked).
 */
export function pinnedOf(events: readonly SessionEvent[]): { pinned?: Pinned; sha256: Shas } | undefined {
  let out: { pinned?: Pinned; sha256: Shas } | undefined;
  for (const e of events) {
    const pin = is(e, 'session.started') || is(e, 'playbook.changed') ? e.data.pinned : undefined;
    if (pin) out = { pinned: pin, sha256: pin.sha256 };
    else if (is(e, 'session.started')) out = { sha256: { playbook: e.data.playbook.sha256 } };
    else if (is(e, 'playbook.changed')) out = { sha256: { playbook: e.data.now } };
  }
  return out;
}

/** The pinned files whose sha256 differs now (only those the journal pinned), playbook first. */
export function changesFrom(was: Shas, now: Shas): { file: keyof Shas; was: string; now: string }[] {
  return (['playbook', 'clocks', 'parties'] as const).filter((f) => was[f] !== undefined && was[f] !== now[f]).map((file) => ({ file, was: was[file]!, now: now[file] ?? '' }));
}

/** The first of the pinned files whose sha256 differs now. */
export const changedFrom = (was: Shas, now: Shas): { file: keyof Shas; was: string; now: string } | undefined => changesFrom(was, now)[0];

export interface ResumeInput extends ClockOptions {
  id: string;
  tz: string;
  actor: string;
  /** The sha256 of the playbook (and its clocks and parties) now, and whether a change is accepted. */
  playbook: { id: string; version: string; sha256: string; clocks?: string; parties?: string };
  allowChanged: boolean;
  /** The newer model to pin when a change is accepted. */
  pinned?: Pinned;
  /** reduce() and pinnedOf() of the events, where the caller has them already (the plan's state is this one). */
  folded?: { state: State; pin: ReturnType<typeof pinnedOf> };
}

// Events written beside the walk, not by it: a drill clock carries on from the walk's own time.
const OFF_CLOCK = new Set(['journal.repaired', 'note.added', 'evidence.added']);

export function planResume(events: readonly SessionEvent[], o: ResumeInput): Plan<{ clock: SessionClock; stamp: Stamp; state: State; events: EventRecord[]; takeUp: string[] }> {
  const state = o.folded?.state ?? reduce(events);
  const started = state.started;
  if (!started) return fail('not-a-session', { id: o.id }, EXIT.storage);
  if (state.incidentClosed) return fail('session-already-closed', { id: o.id }, EXIT.usage, { code: 'hint-report', params: { id: o.id } });
  // Once the walk is over, resuming takes up what was put off; during the walk the menu does.
  const takeUp = state.closedAt ? [...new Set([...state.deferred.keys(), ...[...state.notYet].filter(([, items]) => items.size).map(([step]) => step)])] : [];
  if (state.closedAt && !takeUp.length) return fail('walk-finished', { id: o.id }, EXIT.usage, { code: 'hint-status', params: { id: o.id } });
  const was = (o.folded ? o.folded.pin : pinnedOf(events))?.sha256 ?? { playbook: started.playbook.sha256 };
  const changes = changesFrom(was, { playbook: o.playbook.sha256, ...(o.playbook.clocks ? { clocks: o.playbook.clocks } : {}), ...(o.playbook.parties ? { parties: o.playbook.parties } : {}) });
  const change = changes[0];
  if (change && !o.allowChanged) return fail('playbook-changed', { id: change.file === 'playbook' ? o.playbook.id : `${o.playbook.id} (${change.file}.yaml)`, was: change.was.slice(0, 12), now: change.now.slice(0, 12) }, EXIT.usage, { code: 'hint-allow-changed', params: { id: o.id } });
  const refused = drillOnly(o, started.exercise);
  if (refused) return refused;
  let clock: SessionClock = realClock();
  if (started.clock) {
    // A drill clock carries on from the walk's last time, at its pace or speed.
    const last = events.findLast((e) => !OFF_CLOCK.has(e.type))?.at ?? started.clock.start;
    const c = clockFor(started.clock.speed ? { speed: started.clock.speed } : { pace: o.pace ?? started.clock.pace ?? 'PT1M' }, o.tz, new Date(last));
    if (!c.ok) return c;
    clock = c.clock ?? clock;
    if (!started.clock.speed) clock.tick();
  }
  const st: Stamp = { at: clock.now().toISOString(), tz: o.tz, actor: o.actor, exercise: started.exercise };
  const changed = change
    ? [stamp(ev('playbook.changed', {
      id: o.playbook.id, was: was.playbook, now: o.playbook.sha256, version: o.playbook.version,
      files: Object.fromEntries(changes.map((c) => [c.file, { was: c.was, now: c.now }])), ...(o.pinned ? { pinned: o.pinned } : {}),
    }), st)]
    : [];
  return { ok: true, clock, stamp: st, state, events: changed, takeUp };
}

/**
 * The stamp of an event added beside the walk (note, evidence, amend, defer, close). In a drill with
 * a simulated clock it takes the drill's time, so a later resume does not jump to the wall clock.
 */
export function sideStamp(s: State, now: Date, actor: string, tz?: string): Stamp {
  const at = s.started?.clock && s.lastAt ? s.lastAt : now.toISOString();
  return { at, tz: tz ?? s.started?.timezone ?? 'UTC', actor, exercise: s.started?.exercise ?? false };
}

const UTC = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Universal', 'Zulu']);

/**
 * The session's zone: the organisation profile's (irbook.yaml `timezone`), else
 * the one given (--tz, answers-file tz:, IRBOOK_TZ/TZ), else the machine's — unless that is UTC, which
 * on a responder's laptop usually means "not set": then ask (`ask`), with UTC as the fallback.
 */
export function sessionZone(o: { profile?: string | undefined; given?: string | undefined; machine: string }): { zone: string; ask?: false } | { zone: string; ask: true } {
  const known = o.profile ?? o.given;
  if (known) return { zone: known };
  return UTC.has(o.machine) ? { zone: 'UTC', ask: true } : { zone: o.machine };
}
