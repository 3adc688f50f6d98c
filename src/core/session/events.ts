// The events of a session journal. The journal is the only truth: state, status, resume and every
// report are computed from these. Every event is made by `ev` (typed data) and stamped by `stamp`
// (time, zone, author, drill mark): nothing else builds one.
import type { Lang, Text } from '../i18n/lang.js';
import type { ClockSet, Party, Playbook, StageId } from '../playbook/schema.js';

export interface SessionEvent {
  seq: number;
  at: string;
  tz: string;
  actor: string;
  type: string;
  data: Record<string, unknown>;
}

/**
 * What the verdicts depend on, as validated when it was taken: the playbook model, the clock set and
 * the parties, with the sha256 of each source file. Status, resume and reports judge by this copy, so
 * a later edit of clocks.yaml or of the playbook never changes an old incident's verdicts or titles.
 */
export type Pinned = {
  playbook: Playbook;
  clocks: ClockSet;
  parties: Party[];
  sha256: { playbook: string; clocks: string; parties: string };
};

export type Started = {
  incident: string;
  playbook: { id: string; version: string; sha256: string; file: string; commit?: string; dirty?: boolean };
  /** Absent in journals written before pinning: those read the playbook file (sha-checked). */
  pinned?: Pinned;
  responder: string;
  locale: string;
  timezone: string;
  exercise: boolean;
  clock?: { start: string; pace?: string; speed?: number };
};

export type EventData = {
  'session.started': Started;
  'stage.entered': { stage: StageId };
  /** `unknown`: answered "unknown" where the playbook allows it (`unknown_ok`); `value` is then null. */
  'fact.recorded': { step: string; fact: string; value: unknown; unknown?: true };
  /** `skipped`: not applicable (with a reason); `notYet`: still to do (an open item until done). */
  'check.done': { step: string; item: number; text: Text; skipped?: boolean; reason?: string; notYet?: true };
  'decision.made': { step: string; question: Text; expr?: string; facts: Record<string, unknown>; recommended?: unknown; answer: unknown; reason?: string; sets?: string; error?: string };
  'step.skipped': { step: string; guard: string; facts: Record<string, unknown>; error?: string };
  'notify.sent': { step: string; party: string; channel: string; ref: string; at: string; satisfies: string[]; draft?: string };
  /** A notification judged not required (e.g. PIPL Art. 57: measures avoid the harm), with why. */
  'notify.waived': { step: string; party: string; satisfies: string[]; reason: string };
  'record.written': { step: string; section?: string; text: string };
  /** A record's text in another language, for the documents written in it (see session/translate.ts). */
  'record.translated': { step: string; lang: Lang; text: string };
  'note.added': { text: string };
  'evidence.added': { path: string; sha256: string; bytes: number; type?: 'file'; link?: string; mtime?: string; note?: string };
  'stage.completed': { stage: StageId };
  'session.closed': Record<string, never>;
  'journal.repaired': { line: number; bytes: number; sha256: string };
  /** A newer playbook taken on resume (`--allow-changed-playbook`); `pinned` is its model from then on. */
  /** `files`: which of the pinned files changed, each with its sha256 before and after (absent in older journals). */
  'playbook.changed': { id: string; was: string; now: string; version: string; files?: Partial<Record<'playbook' | 'clocks' | 'parties', { was: string; now: string }>>; pinned?: Pinned };
  'inject.shown': { index: number; after: string; text: Text };
  /** A correction of a fact's value; the line that recorded it stays as it was. */
  'fact.amended': { fact: string; value: unknown; previous: unknown; reason: string };
  /** A decision answered again (e.g. after a fact it read was amended). */
  'decision.revised': { step: string; answer: unknown; previous: unknown; reason: string };
  /** A step put off (or handed to `owner`): the walk goes on, the step stays an open item. */
  'step.deferred': { step: string; reason: string; owner?: string; until?: string };
  /** An open item settled without answering it again, e.g. "reviewed: the grade stays". */
  'item.resolved': { item: string; reason: string };
  /** The incident is closed; open items left are waived with the reason. */
  'incident.closed': { reason: string; waived: string[] };
};

export type EventType = keyof EventData;
export type NewEvent<T extends EventType = EventType> = { type: T; data: EventData[T] };
/** An event ready for the journal (which adds seq and the chain). */
export type EventRecord = Omit<SessionEvent, 'seq'>;

export const ev = <T extends EventType>(type: T, data: EventData[T]): NewEvent<T> => ({ type, data });

export interface Stamp { at: string; tz: string; actor: string; exercise?: boolean }

/** The one way an event becomes a journal record. A drill is marked in every event, so no excerpt of its journal passes for a real incident. */
export function stamp(e: NewEvent, s: Stamp): EventRecord {
  return { at: s.at, tz: s.tz, actor: s.actor, type: e.type, data: { ...e.data, ...(s.exercise ? { exercise: true } : {}) } as Record<string, unknown> };
}

export function is<T extends EventType>(e: SessionEvent, type: T): e is SessionEvent & { type: T; data: EventData[T] } {
  return e.type === type;
}
