// The session journal, the only truth about an incident session: one JSON event per line, each
// chained to the one before by sha256, every append fsync'd before it returns. Reading never
// trusts the file: a torn tail (crash mid-write) is reported, and only Journal.open repairs it.
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT, UserError } from '../errors.js';
import { acquireLock, type Lock } from './lock.js';

export interface JournalEvent { seq: number; at: string; tz: string; actor: string; type: string; data: Record<string, unknown>; prev: string; hash: string }
export type NewEvent = Omit<JournalEvent, 'seq' | 'prev' | 'hash'>;
export interface Torn { line: number; bytes: number; complete: boolean }
export type Verdict = { ok: true; events: number; last: string } | { ok: false; line: number; reason: string; detail?: string };

export const GENESIS = '0'.repeat(64);
export const JOURNAL_FILE = 'journal.jsonl';
const INCIDENT_ID = /^INC-(\d{8})-(\d{3})$/;
const HEX64 = /^[0-9a-f]{64}$/;
const FIELDS = ['seq', 'at', 'tz', 'actor', 'type', 'data', 'prev', 'hash'] as const;

// ---- Canonical form and hashing ----

/** Canonical JSON: object keys sorted by code point, recursively; no whitespace; arrays in order; only JSON values (throw on undefined/functions/bigint/non-finite numbers). */
export function canonical(value: unknown): string {
  return encode(value, new Set());
}

function encode(v: unknown, ancestors: Set<object>): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string': return JSON.stringify(v);
    case 'boolean': return v ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(v)) throw new TypeError(`canonical: ${v} is not a JSON number`);
      return JSON.stringify(v);
    case 'object': break;
    default: throw new TypeError(`canonical: ${typeof v} is not a JSON value`);
  }
  if (ancestors.has(v)) throw new TypeError('canonical: cyclic value');
  ancestors.add(v);
  let out: string;
  if (Array.isArray(v)) {
    const parts: string[] = [];
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) throw new TypeError('canonical: sparse array');
      parts.push(encode(v[i], ancestors));
    }
    out = `[${parts.join(',')}]`;
  } else {
    const proto: unknown = Object.getPrototypeOf(v);
    // Dates, Maps, class instances… would hash as whatever JSON.stringify makes of them: refuse.
    if (proto !== Object.prototype && proto !== null) throw new TypeError('canonical: not a plain object');
    const o = v as Record<string, unknown>;
    out = `{${Object.keys(o).sort(byCodePoint).map((k) => `${JSON.stringify(k)}:${encode(o[k], ancestors)}`).join(',')}}`;
  }
  ancestors.delete(v);
  return out;
}

// JS compares strings by UTF-16 unit, which differs from code-point order only where a surrogate
// meets a unit in U+E000–U+FFFF: lift surrogates above that range.
function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return lift(x) - lift(y);
  }
  return a.length - b.length;
}
const lift = (u: number) => (u >= 0xd800 && u <= 0xdfff ? u + 0x2000 : u >= 0xe000 ? u - 0x800 : u);

/** sha256 hex of canonical(event without `hash`). */
export function hashEvent(e: Omit<JournalEvent, 'hash'>): string {
  const rest: Record<string, unknown> = { ...e };
  delete rest.hash;
  return createHash('sha256').update(canonical(rest), 'utf8').digest('hex');
}

// The fields in the documented order, for people reading the file; the hash covers the canonical
// form, so this order does not matter to verification. `data` comes already canonical.
function serialize(e: JournalEvent, data: string): string {
  const s = JSON.stringify;
  return `{"seq":${e.seq},"at":${s(e.at)},"tz":${s(e.tz)},"actor":${s(e.actor)},"type":${s(e.type)},"data":${data},"prev":${s(e.prev)},"hash":${s(e.hash)}}`;
}

// canonical(e without hash) for a well-formed event whose data is already canonical: the keys in
// code-point order, written out, so an append canonicalises its data once (verify, and a test,
// check it against hashEvent).
function hashWith(e: Omit<JournalEvent, 'hash'>, data: string): string {
  const s = JSON.stringify;
  const text = `{"actor":${s(e.actor)},"at":${s(e.at)},"data":${data},"prev":${s(e.prev)},"seq":${e.seq},"type":${s(e.type)},"tz":${s(e.tz)}}`;
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

// ---- The store and its incidents ----

/** --store option, else env IRBOOK_STORE, else ./incidents (resolved absolute). */
export function storeDir(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (option) return resolve(option);
  if (env.IRBOOK_STORE) return resolve(env.IRBOOK_STORE);
  return resolve('incidents');
}

/** New incident folder INC-YYYYMMDD-NNN, created atomically (a racing process takes the next number), mode 0700. */
export function createIncident(store: string, day: string): { id: string; dir: string } {
  if (!/^\d{8}$/.test(day)) throw new TypeError(`createIncident: day must be YYYYMMDD, not ${day}`);
  try {
    if (mkdirSync(store, { recursive: true, mode: 0o700 }) !== undefined) chmodSync(store, 0o700);
  } catch (e) {
    throw storageError(store, e);
  }
  const prefix = `INC-${day}-`;
  // After the highest existing number, so a deleted incident's id is never given out again.
  const used = listIncidents(store).filter((id) => id.startsWith(prefix)).map((id) => Number(id.slice(prefix.length)));
  for (let n = Math.max(0, ...used) + 1; n <= 999; n++) {
    const id = `${prefix}${String(n).padStart(3, '0')}`;
    const dir = join(store, id);
    try {
      mkdirSync(dir, { mode: 0o700 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw storageError(dir, e);
    }
    chmodSync(dir, 0o700);
    fsyncDir(store);
    return { id, dir };
  }
  throw new UserError(EXIT.storage, 'incident-day-full', { day, store });
}

/** The folder of an existing incident; only ids of the form INC-YYYYMMDD-NNN (no paths). */
export function incidentDir(store: string, id: string): string {
  const dir = join(store, id);
  if (!INCIDENT_ID.test(id) || !isDirectory(dir)) {
    throw new UserError(EXIT.usage, 'incident-not-found', { id, store }, { code: 'hint-incidents' });
  }
  return dir;
}

/** Ids of the incidents in the store, sorted; [] if the store does not exist. */
export function listIncidents(store: string): string[] {
  try {
    return readdirSync(store, { withFileTypes: true })
      .filter((e) => e.isDirectory() && INCIDENT_ID.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw storageError(store, e);
  }
}

// ---- Reading and verifying ----

interface Scan { events: JournalEvent[]; torn?: Torn; tornAt?: number; bad?: { line: number; reason: string; detail?: string } }

/** Read-only: every well-formed line up to the first malformed one (`bad`); a torn last line is reported, not returned. Never throws on content. */
export function readJournal(file: string): { events: JournalEvent[]; torn?: Torn; bad?: { line: number; reason: string; detail?: string } } {
  const { events, torn, bad } = scan(readBytes(file));
  return { events, ...(torn && { torn }), ...(bad && { bad }) };
}

/** Walk the chain and name the first bad line (1-based), or the number of events and the last hash. */
export function verifyJournal(file: string): Verdict {
  return verdict(scan(readBytes(file)));
}

function verdict(s: Scan): Verdict {
  const chain = checkChain(s.events);
  if (!chain.ok) return chain;
  if (s.bad) return { ok: false, ...s.bad };
  if (s.torn && !s.torn.complete) return { ok: false, line: s.torn.line, reason: 'verify-torn', detail: `${s.torn.bytes} bytes` };
  return chain;
}

function checkChain(events: readonly JournalEvent[]): Verdict {
  let prev = GENESIS;
  for (const [i, e] of events.entries()) {
    const line = i + 1;
    if (e.seq !== line) return { ok: false, line, reason: 'verify-bad-seq', detail: `seq ${e.seq}` };
    if (e.prev !== prev) return { ok: false, line, reason: 'verify-bad-prev', detail: `prev ${e.prev.slice(0, 12)}…, line ${i}'s hash ${prev.slice(0, 12)}…` };
    const h = hashEvent(e);
    if (e.hash !== h) return { ok: false, line, reason: 'verify-bad-hash', detail: `hash ${e.hash.slice(0, 12)}…, content hashes to ${h.slice(0, 12)}…` };
    prev = e.hash;
  }
  return { ok: true, events: events.length, last: prev };
}

function scan(buf: Buffer): Scan {
  // Fast path: decode every complete line at once (one UTF-8 pass, not one per line); any invalid
  // byte sends the scan line by line, which names the bad line.
  const end = buf.lastIndexOf(0x0a) + 1;
  let text: string | undefined;
  try {
    text = utf8.decode(buf.subarray(0, end));
  } catch {
    return scanLines(buf, 0, 1, []);
  }
  const events: JournalEvent[] = [];
  const lines = text.split('\n');
  lines.pop();
  for (const [i, line] of lines.entries()) {
    const p = parseText(line);
    if (!p.ok) return { events, bad: { line: i + 1, reason: p.reason, detail: p.detail } };
    events.push(p.event);
  }
  return scanLines(buf, end, lines.length + 1, events);
}

function scanLines(buf: Buffer, from: number, firstLine: number, events: JournalEvent[]): Scan {
  for (let start = from, line = firstLine; start < buf.length; line++) {
    const nl = buf.indexOf(0x0a, start);
    const bytes = buf.subarray(start, nl === -1 ? buf.length : nl);
    const p = parseLine(bytes);
    if (nl === -1) {
      // The last line has no newline: a crash cut it short, or cut only its newline.
      if (p.ok) events.push(p.event);
      return { events, torn: { line, bytes: bytes.length, complete: p.ok }, ...(!p.ok && { tornAt: start }) };
    }
    if (!p.ok) return { events, bad: { line, reason: p.reason, detail: p.detail } };
    events.push(p.event);
    start = nl + 1;
  }
  return { events };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseLine(bytes: Uint8Array): Parsed {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (e) {
    return { ok: false, reason: 'verify-bad-json', detail: (e as Error).message };
  }
  return parseText(text);
}

type Parsed = { ok: true; event: JournalEvent } | { ok: false; reason: string; detail: string };

function parseText(text: string): Parsed {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: 'verify-bad-json', detail: (e as Error).message };
  }
  const problem = shapeProblem(v);
  return problem ? { ok: false, reason: 'verify-bad-fields', detail: problem } : { ok: true, event: v as JournalEvent };
}

function shapeProblem(v: unknown): string | undefined {
  if (!isPlainObject(v)) return 'not an object';
  const extra = Object.keys(v).filter((k) => !(FIELDS as readonly string[]).includes(k));
  if (extra.length) return `unknown field(s): ${extra.join(', ')}`;
  if (!Number.isSafeInteger(v.seq) || (v.seq as number) < 1) return 'seq';
  for (const k of ['at', 'tz', 'actor', 'type'] as const) if (typeof v[k] !== 'string') return k;
  if (!isPlainObject(v.data)) return 'data';
  for (const k of ['prev', 'hash'] as const) if (typeof v[k] !== 'string' || !HEX64.test(v[k])) return k;
  return undefined;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// ---- Appending ----

/** `{exercise: true}` for the events of a drill's journal (its session.started says so), else nothing. */
export const drillMark = (j: { events: readonly JournalEvent[] }): { exercise?: true } => (j.events[0]?.data.exercise === true ? { exercise: true } : {});

export class Journal {
  private fd: number | undefined;
  private broken: string | undefined;

  private constructor(
    readonly dir: string,
    readonly file: string,
    private readonly lock: Lock,
    fd: number,
    private readonly list: JournalEvent[],
    private size: number,
    readonly repaired?: { line: number; bytes: number; sha256: string },
  ) {
    this.fd = fd;
  }

  /** Everything in the file, in order (appends included). */
  get events(): readonly JournalEvent[] {
    return this.list;
  }

  /** Open for appending under the incident's lock; repairs a torn tail, refuses a chain that does not verify. */
  static open(dir: string, opts: { create?: boolean } = {}): Journal {
    const file = join(dir, JOURNAL_FILE);
    if (!isDirectory(dir)) throw new UserError(EXIT.storage, 'journal-missing', { file });
    const lock = acquireLock(dir);
    let fd: number | undefined;
    try {
      const created = !existsSync(file);
      if (created && !opts.create) throw new UserError(EXIT.storage, 'journal-missing', { file });
      fd = openSync(file, 'a', 0o600);
      if (created) {
        chmodSync(file, 0o600);
        fsyncDir(dir);
      }
      const buf = readBytes(file);
      const s = scan(buf);
      // A chain that does not verify is evidence: leave the file exactly as it is.
      const v = verdict({ ...s, torn: undefined });
      if (!v.ok) throw new UserError(EXIT.storage, 'journal-corrupt', { line: v.line, reason: v.reason }, { code: 'hint-verify', params: { file } });
      let size = buf.length;
      let repaired: { line: number; bytes: number; sha256: string } | undefined;
      if (s.torn?.complete) {
        writeAll(fd, Buffer.from('\n'));
        size += 1;
      } else if (s.torn && s.tornAt !== undefined) {
        const dropped = buf.subarray(s.tornAt);
        ftruncateSync(fd, s.tornAt);
        size = s.tornAt;
        repaired = { line: s.torn.line, bytes: dropped.length, sha256: createHash('sha256').update(dropped).digest('hex') };
      }
      if (s.torn) fsyncSync(fd);
      const journal = new Journal(dir, file, lock, fd, s.events, size, repaired);
      // The repair is itself part of the record, written before anything else can fail.
      if (repaired) {
        const last = s.events.at(-1);
        journal.append({ at: new Date().toISOString(), tz: last?.tz ?? 'UTC', actor: 'irbook', type: 'journal.repaired', data: { ...repaired } });
      }
      return journal;
    } catch (e) {
      if (fd !== undefined) closeSync(fd);
      lock.release();
      throw e instanceof UserError ? e : storageError(file, e);
    }
  }

  /** Assign seq/prev/hash, write the line in one write call, fsync, and only then return. */
  append(e: NewEvent): JournalEvent {
    if (this.fd === undefined) throw new Error(`journal ${this.file} is closed`);
    if (this.broken !== undefined) throw new UserError(EXIT.storage, 'journal-write-failed', { file: this.file, detail: this.broken });
    const data = canonical(e.data);
    // Keep in memory exactly what a reader of the file will see (a copy, in canonical form).
    const event: JournalEvent = {
      seq: this.list.length + 1, at: e.at, tz: e.tz, actor: e.actor, type: e.type,
      data: JSON.parse(data) as Record<string, unknown>, prev: this.list.at(-1)?.hash ?? GENESIS, hash: GENESIS,
    };
    const problem = shapeProblem(event);
    if (problem) throw new TypeError(`journal event: bad ${problem}`);
    event.hash = hashWith(event, data);
    const bytes = Buffer.from(`${serialize(event, data)}\n`, 'utf8');
    try {
      writeAll(this.fd, bytes);
    } catch (err) {
      this.undo();
      throw storageError(this.file, err, 'journal-write-failed');
    }
    try {
      fsyncSync(this.fd);
    } catch (err) {
      // Whether the line reached the disk is unknown now: no further appends on this handle.
      this.broken = (err as Error).message;
      throw storageError(this.file, err, 'journal-write-failed');
    }
    this.size += bytes.length;
    this.list.push(event);
    return event;
  }

  /** Release the lock (idempotent); also released on process exit. */
  close(): void {
    if (this.fd !== undefined) {
      const fd = this.fd;
      this.fd = undefined;
      try {
        closeSync(fd);
      } finally {
        this.lock.release();
      }
    }
  }

  // A failed write may have left part of a line: cut the file back to the last complete event.
  private undo(): void {
    try {
      if (this.fd !== undefined) ftruncateSync(this.fd, this.size);
    } catch (err) {
      this.broken = (err as Error).message;
    }
  }
}

// One write call; a short write (disk full) is an error, never a second write of the rest.
function writeAll(fd: number, bytes: Buffer): void {
  const n = writeSync(fd, bytes, 0, bytes.length);
  if (n !== bytes.length) throw new Error(`short write: ${n} of ${bytes.length} bytes`);
}

// ---- File system helpers ----

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw storageError(file, e);
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

// A new name in a folder survives a power cut only once the folder itself is flushed.
function fsyncDir(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch (e) {
    if (['EISDIR', 'EPERM', 'EACCES'].includes((e as NodeJS.ErrnoException).code ?? '')) return;
    throw storageError(dir, e);
  }
  try {
    fsyncSync(fd);
  } catch (e) {
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EBADF'].includes((e as NodeJS.ErrnoException).code ?? '')) throw storageError(dir, e);
  } finally {
    closeSync(fd);
  }
}

function storageError(file: string, e: unknown, code = 'journal-unreadable'): UserError {
  return new UserError(EXIT.storage, code, { file, detail: e instanceof Error ? e.message : String(e) });
}
