// The events of a session journal. The journal is the only truth: state, status, resume and every
// report are computed from these.
import type { Text } from '../i18n/lang.js';
import type { StageId } from '../playbook/schema.js';

export interface SessionEvent {
  seq: number;
  at: string;
  tz: string;
  actor: string;
  type: string;
  data: Record<string, unknown>;
}

export type Started = {
  incident: string;
  playbook: { id: string; version: string; sha256: string; file: string; commit?: string; dirty?: boolean };
  responder: string;
  locale: string;
  timezone: string;
  exercise: boolean;
  clock?: { start: string; pace?: string; speed?: number };
};

export type EventData = {
  'session.started': Started;
  'stage.entered': { stage: StageId };
  'fact.recorded': { step: string; fact: string; value: unknown };
  'check.done': { step: string; item: number; text: Text; skipped?: boolean; reason?: string };
  'decision.made': { step: string; question: Text; expr?: string; facts: Record<string, unknown>; recommended?: unknown; answer: unknown; reason?: string; sets?: string; error?: string };
  'step.skipped': { step: string; guard: string; facts: Record<string, unknown>; error?: string };
  'notify.sent': { step: string; party: string; channel: string; ref: string; at: string; satisfies: string[]; draft?: string };
  /** A notification judged not required (e.g. PIPL Art. 57: measures avoid the harm), with why. */
  'notify.waived': { step: string; party: string; satisfies: string[]; reason: string };
  'record.written': { step: string; section?: string; text: string };
  'note.added': { text: string };
  'evidence.added': { path: string; sha256: string; bytes: number; type?: 'file'; link?: string; mtime?: string; note?: string };
  'stage.completed': { stage: StageId };
  'session.closed': Record<string, never>;
  'journal.repaired': { line: number; bytes: number; sha256: string };
  'playbook.changed': { id: string; was: string; now: string; version: string };
  'inject.shown': { index: number; after: string; text: Text };
};

export type EventType = keyof EventData;
export type NewEvent<T extends EventType = EventType> = { type: T; data: EventData[T] };

export const ev = <T extends EventType>(type: T, data: EventData[T]): NewEvent<T> => ({ type, data });

export function is<T extends EventType>(e: SessionEvent, type: T): e is SessionEvent & { type: T; data: EventData[T] } {
  return e.type === type;
}
