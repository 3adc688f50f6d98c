// A journal event as stored: the envelope, its shape check, the data each known type must carry,
// the line written to the file and the text its hash covers. Pure: the sha256 is done by the
// adapter (src/core has no crypto), this module only says what is hashed.
import { canonical } from './jcs.js';

export interface JournalEvent {
  seq: number; at: string; tz: string; actor: string; type: string; data: Record<string, unknown>;
  /** Other chains' heads this writer had read when it wrote this event, where they changed (v2). */
  seen?: Record<string, string>;
  prev: string; hash: string;
}
export type NewEvent = Omit<JournalEvent, 'seq' | 'prev' | 'hash' | 'seen'>;

export const GENESIS = '0'.repeat(64);

// Every line of every chain goes through shapeProblem on each read: plain loops and character
// codes here, not a regex per hash or a filtered key list per event.
const isHex64 = (v: unknown): boolean => {
  if (typeof v !== 'string' || v.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = v.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
};
const isField = (k: string): boolean => {
  switch (k) {
    case 'seq': case 'at': case 'tz': case 'actor': case 'type': case 'data': case 'seen': case 'prev': case 'hash': return true;
    default: return false;
  }
};

type Kind = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'any';
// The data fields each known type must carry (more may come: optional fields are not listed).
// A type not listed here is unknown to this version: verify warns about it, never fails on it.
const DATA: Record<string, Record<string, Kind>> = {
  'session.started': { incident: 'string', playbook: 'object', responder: 'string', timezone: 'string' },
  'stage.entered': { stage: 'string' },
  'stage.completed': { stage: 'string' },
  'fact.recorded': { step: 'string', fact: 'string', value: 'any' },
  'fact.amended': { fact: 'string', value: 'any' },
  'check.done': { step: 'string', item: 'number' },
  'decision.made': { step: 'string', answer: 'any' },
  'decision.revised': { step: 'string', answer: 'any' },
  'step.skipped': { step: 'string', guard: 'string' },
  'step.deferred': { step: 'string', reason: 'string' },
  'notify.sent': { step: 'string', party: 'string', at: 'string', satisfies: 'array' },
  'notify.waived': { step: 'string', party: 'string', satisfies: 'array', reason: 'string' },
  'record.written': { step: 'string', text: 'string' },
  'record.translated': { step: 'string', lang: 'string', text: 'string' },
  'note.added': { text: 'string' },
  'evidence.added': { path: 'string', sha256: 'string', bytes: 'number' },
  'inject.shown': { index: 'number' },
  'item.resolved': { item: 'string', reason: 'string' },
  'incident.closed': {},
  'session.closed': {},
  'journal.repaired': { line: 'number', bytes: 'number', sha256: 'string' },
  'playbook.changed': { id: 'string', now: 'string' },
};
// The embedded model (session.started, playbook.changed) is optional, but when present status,
// resume and reports judge by it without reading the playbook again: its parts must be there.
const PINNED: Record<string, Kind> = { playbook: 'object', clocks: 'object', parties: 'array', sha256: 'object' };
const PINS = new Set(['session.started', 'playbook.changed']);

export const knownType = (type: string): boolean => Object.hasOwn(DATA, type);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const kindOf = (v: unknown): Kind => (Array.isArray(v) ? 'array' : v === null ? 'any' : typeof v as Kind);

/** The first field that is wrong (`seq`, `data.step`, `unknown field(s): x`…), or undefined. */
export function shapeProblem(v: unknown): string | undefined {
  if (!isObject(v)) return 'not an object';
  for (const k in v) {
    if (!isField(k)) return `unknown field(s): ${Object.keys(v).filter((x) => !isField(x)).join(', ')}`;
  }
  if (!Number.isSafeInteger(v.seq) || (v.seq as number) < 1) return 'seq';
  const head = headProblem(v);
  if (head) return head;
  if (v.seen !== undefined) {
    if (!isObject(v.seen)) return 'seen';
    for (const w in v.seen) if (!isHex64(v.seen[w])) return 'seen';
  }
  if (!isHex64(v.prev)) return 'prev';
  if (!isHex64(v.hash)) return 'hash';
  return dataProblem(v.type as string, v.data as Record<string, unknown>);
}

/**
 * shapeProblem for what a caller of append gives (the journal adds seq, seen, prev and hash
 * itself, well formed): the same checks on the same fields, without the ones it cannot fail.
 */
export function newEventProblem(e: NewEvent): string | undefined {
  return headProblem(e as unknown as Record<string, unknown>) ?? dataProblem(e.type, e.data);
}

function headProblem(v: Record<string, unknown>): string | undefined {
  for (const k of ['at', 'tz', 'actor', 'type'] as const) if (typeof v[k] !== 'string' || !v[k]) return k;
  if (Number.isNaN(Date.parse(v.at as string))) return 'at';
  if (!isObject(v.data)) return 'data';
  return undefined;
}

function dataProblem(type: string, data: Record<string, unknown>): string | undefined {
  const want = Object.hasOwn(DATA, type) ? DATA[type]! : undefined;
  for (const k in want) {
    const kind = want[k]!;
    const got = data[k];
    if (got === undefined || (kind !== 'any' && kindOf(got) !== kind)) return `data.${k}`;
  }
  const pinned = data.pinned;
  if (pinned !== undefined && PINS.has(type)) {
    if (!isObject(pinned)) return 'data.pinned';
    for (const [k, kind] of Object.entries(PINNED)) if (kindOf(pinned[k]) !== kind) return `data.pinned.${k}`;
  }
  return undefined;
}

/**
 * What the hash covers: the RFC 8785 text of the event without `hash`. `data`: the canonical text
 * of `e.data`, for an event that passed shapeProblem (only envelope fields, hex heads): the
 * envelope is then written around it directly (an append encodes the data once for the hash and
 * the line; a read does not copy and sort each envelope).
 */
export function hashInput(e: Omit<JournalEvent, 'hash'> & { hash?: string }, data?: string): string {
  if (data === undefined) {
    const rest: Record<string, unknown> = { ...e };
    delete rest.hash;
    if (rest.seen === undefined) delete rest.seen;
    return canonical(rest);
  }
  // The same text, the envelope's keys written in RFC 8785 order (actor, at, data, prev, seen, seq, type, tz).
  const s = (v: string) => canonical(v);
  const seen = e.seen ? `,"seen":${canonical(e.seen)}` : '';
  return `{"actor":${s(e.actor)},"at":${s(e.at)},"data":${data},"prev":"${e.prev}"${seen},"seq":${canonical(e.seq)},"type":${s(e.type)},"tz":${s(e.tz)}}`;
}

/** The line in the file (without its newline): fields in the documented order, for people reading it. `data` as in hashInput. */
export function serialize(e: JournalEvent, data = canonical(e.data)): string {
  const s = JSON.stringify;
  const seen = e.seen ? `,"seen":${canonical(e.seen)}` : '';
  return `{"seq":${e.seq},"at":${s(e.at)},"tz":${s(e.tz)},"actor":${s(e.actor)},"type":${s(e.type)},"data":${data}${seen},"prev":${s(e.prev)},"hash":${s(e.hash)}}`;
}
