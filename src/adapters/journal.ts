// The session journal, the only truth about an incident (DESIGN.md "Session journal (v2)"): an
// event goes to its writer's chain (journal/<actor>@<host>.jsonl, from the event's actor and this
// host) and the incident is the merge of every chain. Each append takes the chain's lock for that
// one append only (so a note, evidence or a second session can write while a walk runs), catches
// up with lines another process of the same writer added, records the other chains' heads it has
// read (`seen`, only where changed: read at open and by refresh, not again per append), writes one
// line in one write call and fsyncs before it returns.
import { chmodSync, closeSync, fsyncSync, ftruncateSync, lstatSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, UserError } from '../errors.js';
import { checkChain, compareEvents, merge } from '../core/journal/chain.js';
import { GENESIS, newEventProblem, serialize, type JournalEvent, type NewEvent } from '../core/journal/event.js';
import type { Head } from '../core/journal/heads.js';
import { canonical } from '../core/journal/jcs.js';
import {
  CHAINS_DIR, LEGACY_WRITER, chainFile, corrupt, defaultActor, hashEvent, headsOf, judgeChains, loadChains, writerId, writersOf, type ChainState,
} from './chains.js';
import { scan, sha256 } from './chain-file.js';
import { ChainHandles } from './chain-handles.js';
import { saveCheckpoint } from './checkpoint-read.js';
import { acquireLock, chainLock } from './lock.js';
import { pinnedOf } from '../core/session/plan.js';
import { apply, reduce, type State } from '../core/session/state.js';
import type { SessionEvent } from '../core/session/events.js';
import { foldLast, readCheckpoint, type Fold } from './checkpoint.js';
import { fsyncDir, isDirectory, makeDir, storageError } from './store.js';

export { canonical, GENESIS, hashEvent, writerId, type JournalEvent, type NewEvent };
export { CHAINS_DIR, JOURNAL_FILE, LEGACY_WRITER, defaultActor, readIncidentJournal, readJournal, verifyIncident, verifyJournal, writersOf, type IncidentVerdict, type Verdict } from './chains.js';
export type { Torn } from './chain-file.js';
export { createIncident, incidentDir, listIncidents, storeDir } from './store.js';

type Repair = { line: number; bytes: number; sha256: string };
/** A line written and not yet fsync'd: the event, the descriptor, its length, the heads it records. */
type Put = { event: JournalEvent; fd: number; bytes: number; seen: Record<string, string> | undefined };

export class Journal {
  private closed = false;
  private broken: string | undefined;
  private merged: JournalEvent[] | undefined;
  /** Per chain, the other chains' heads it has already recorded as seen. */
  private readonly recorded = new Map<string, Map<string, string>>();
  /** The first torn tail this open cut off (and recorded as journal.repaired in its chain). */
  repaired: Repair | undefined;
  private readonly handles = new ChainHandles();
  /** The events this journal appended itself (what othersSince leaves out). */
  private readonly written = new WeakSet<JournalEvent>();
  /** Per writer, its chain's lock file (see chainLock); per actor, its writer id. */
  private readonly locks = new Map<string, string>();
  private readonly writers = new Map<string, string>();
  /** The checkpoint's fold of the events its marks vouch for (until fold() takes it). */
  private seed: Fold | undefined;

  private constructor(
    readonly dir: string,
    /** The writer of the last append (at first: the actor given to open, or this process's). */
    private writer: string,
    private readonly host: string | undefined,
    private readonly chains: Map<string, ChainState>,
    private readonly lockWaitMs?: number,
  ) {}

  /** The chain file of the last writer (the one the next append by the same actor goes to). */
  get file(): string {
    return chainFile(this.dir, this.writer);
  }

  private chain(writer: string): ChainState {
    let c = this.chains.get(writer);
    if (!c) this.chains.set(writer, (c = { writer, file: chainFile(this.dir, writer), events: [], size: 0 }));
    return c;
  }

  private seenBy(c: ChainState): Map<string, string> {
    let m = this.recorded.get(c.writer);
    if (!m) {
      this.recorded.set(c.writer, (m = new Map()));
      for (const e of c.events) for (const [w, h] of Object.entries(e.seen ?? {})) m.set(w, h);
    }
    return m;
  }

  /** The incident's events: every chain merged by (at, writer, seq), as of the last read. */
  get events(): readonly JournalEvent[] {
    this.merged ??= merge([...this.chains.values()]);
    return this.merged;
  }

  /**
   * reduce() and pinnedOf() of the events, a state the caller may change. The first call starts
   * from the checkpoint's fold and applies only the events after its marks, where they all sort
   * after its last event (else, and on later calls, every event is folded).
   */
  fold(): { state: State; pin: ReturnType<typeof pinnedOf> } {
    const seed = this.seed;
    this.seed = undefined;
    const events = this.events;
    if (seed) {
      const last = foldLast(seed);
      let vouched = 0;
      let after = true;
      for (const c of this.chains.values()) {
        vouched += c.trusted ?? 0;
        for (let i = c.trusted ?? 0; after && i < c.events.length; i++) after = compareEvents({ e: c.events[i]!, writer: c.writer }, last) > 0;
      }
      if (after) {
        const rest = events.slice(vouched) as SessionEvent[];
        return { state: rest.reduce(apply, seed.state), pin: pinnedOf(rest) ?? seed.pin };
      }
    }
    return { state: reduce(events), pin: pinnedOf(events) };
  }

  /** Per writer, the last seq and hash (what a report prints and a seal signs). */
  heads(): Head[] {
    return headsOf([...this.chains.values()]);
  }

  /**
   * Open an incident's journal. Refuses chains that do not verify; repairs the torn tail of a
   * chain of this host (or of a v1 journal) under its lock — its writer died mid-append, a live
   * one would hold the lock — and records the repair in that chain. Holds no lock afterwards.
   */
  static open(dir: string, opts: { create?: boolean; actor?: string; host?: string; lockWaitMs?: number } = {}): Journal {
    if (!isDirectory(dir)) throw new UserError(EXIT.storage, 'journal-missing', { file: join(dir, CHAINS_DIR) });
    const writer = writerId(opts.actor ?? defaultActor(), opts.host);
    const writers = writersOf(dir);
    if (!writers.length && !opts.create) throw new UserError(EXIT.storage, 'journal-missing', { file: join(dir, CHAINS_DIR) });
    makeDir(join(dir, CHAINS_DIR));
    const cp = readCheckpoint(dir);
    const loaded = loadChains(dir, { checkpoint: true, ...(cp && { read: cp }) });
    const chains = new Map(loaded.map((c) => [c.writer, c]));
    const v = judgeChains(dir, loaded, { strict: false });
    // A chain that does not verify is evidence: leave every file exactly as it is. (An empty or
    // unstarted journal is for the read commands and verify to refuse: a start writes into one.)
    if (!v.ok && v.reason !== 'verify-empty' && v.reason !== 'verify-no-start') throw corrupt(v, EXIT.storage);
    const j = new Journal(dir, writer, opts.host, chains, opts.lockWaitMs);
    if (v.ok) saveCheckpoint(dir, loaded, () => j.fold());
    // Every chain the checkpoint marks still matches its mark: its fold stands for those events.
    if (v.ok && cp?.chains.every((m) => chains.get(m.writer)?.trusted === m.seq)) j.seed = cp.fold;
    for (const c of loaded) delete c.buf;
    // A new journal exists once opened with create (mode 0600), even before its first event.
    if (opts.create && !chains.has(writer)) closeSync(j.openChain(j.chain(writer)));
    const here = `@${writer.split('@')[1]}`;
    for (const c of chains.values()) if (c.torn && (c.writer.endsWith(here) || c.writer === LEGACY_WRITER)) j.locked(c, () => j.catchUp(c));
    return j;
  }

  /** Into the chain of `<e.actor>@<host>`: seq/prev/seen/hash assigned under the chain's short lock, the line written in one call, fsync'd, and only then returned. */
  append(e: NewEvent): JournalEvent {
    if (this.closed) throw new Error(`journal ${this.file} is closed`);
    if (this.broken !== undefined) throw new UserError(EXIT.storage, 'journal-write-failed', { file: this.file, detail: this.broken });
    if (typeof e.actor !== 'string') throw new TypeError('journal event: bad actor');
    let w = this.writers.get(e.actor);
    if (w === undefined) this.writers.set(e.actor, (w = writerId(e.actor, this.host)));
    const c = this.chain(w);
    this.writer = c.writer;
    // The other chains are not read again here: `seen` names the heads this process had read
    // (at open, or at refresh before a prompt), which is what the person writing had before them.
    // The lock covers seq, prev and the write; the fsync comes after it is given back: the line is
    // whole in the file by then, and another process of this writer appending after it fsyncs it too.
    return this.settle(c, this.locked(c, () => {
      this.catchUp(c);
      return this.put(c, e);
    }));
  }

  /**
   * Read what the chains gained: the other writers' new lines, and, under its lock (a sync may be
   * rewriting it), what other processes of this writer added to its chain (a note from a second
   * terminal). Returns what arrived, in the incident's order.
   */
  refresh(): { writer: string; event: JournalEvent }[] {
    const news: { writer: string; e: JournalEvent }[] = [];
    // Only the chains folder is listed again: a v1 journal is one this open found (nothing writes one now).
    for (const w of writersOf(this.dir, { v1: this.chains.has(LEGACY_WRITER) })) {
      const c = this.chain(w);
      const from = c.events.length;
      if (w === this.writer) this.locked(c, () => this.catchUp(c));
      else this.readMore(c, false);
      for (let i = from; i < c.events.length; i++) if (!this.written.has(c.events[i]!)) news.push({ writer: w, e: c.events[i]! });
    }
    if (news.length) this.merged = undefined;
    return news.sort(compareEvents).map((x) => ({ writer: x.writer, event: x.e }));
  }

  /** Every chain's head (writer → hash): a cursor for othersSince. */
  cursor(): Record<string, string> {
    return Object.fromEntries(this.heads().map((h) => [h.writer, h.hash]));
  }

  /**
   * Re-read the chains; the events after the heads in `cursor` (all of a writer not in it) that this
   * journal did not append itself — other writers', and other processes' of this writer — in the
   * incident's order.
   */
  othersSince(cursor: Readonly<Record<string, string>>): { writer: string; event: JournalEvent }[] {
    this.refresh();
    const out: { writer: string; e: JournalEvent }[] = [];
    for (const c of this.chains.values()) {
      const from = cursor[c.writer] === undefined ? 0 : c.events.findLastIndex((x) => x.hash === cursor[c.writer]) + 1;
      for (let i = from; i < c.events.length; i++) if (!this.written.has(c.events[i]!)) out.push({ writer: c.writer, e: c.events[i]! });
    }
    return out.sort(compareEvents).map((x) => ({ writer: x.writer, event: x.e }));
  }

  /** No further appends (idempotent). Locks are held only inside append, so nothing is left to release. */
  close(): void {
    this.closed = true;
    this.handles.close();
  }

  private locked<T>(c: ChainState, f: () => T): T {
    let file = this.locks.get(c.writer);
    if (file === undefined) this.locks.set(c.writer, (file = chainLock(join(this.dir, CHAINS_DIR), c.writer)));
    const lock = acquireLock(file, this.lockWaitMs);
    try {
      return f();
    } finally {
      lock.release();
    }
  }

  // Under the chain's lock: take in what another process of this writer appended, and cut a torn
  // tail (its writer died mid-append: nobody else could hold the lock), recording the repair.
  private catchUp(c: ChainState): void {
    const torn = this.readMore(c);
    if (!torn) return;
    const fd = this.openChain(c);
    try {
      if (torn.complete) {
        writeAll(fd, '\n');
      } else ftruncateSync(fd, c.size);
      fsyncSync(fd);
    } catch (err) {
      throw storageError(c.file, err, 'journal-write-failed');
    } finally {
      closeSync(fd);
    }
    if (torn.complete) {
      this.readMore(c);
      return;
    }
    const repair: Repair = { line: torn.line, bytes: torn.dropped.length, sha256: sha256(torn.dropped) };
    this.repaired ??= repair;
    // The repair is itself part of the record, in the chain it repaired, before anything else can fail.
    this.settle(c, this.put(c, { at: new Date().toISOString(), tz: c.events.at(-1)?.tz ?? 'UTC', actor: 'irbook', type: 'journal.repaired', data: { ...repair } }));
  }

  // New complete lines of a chain since what we hold; they must continue its chain.
  private readMore(c: ChainState, own = true): { line: number; complete: boolean; dropped: Buffer } | undefined {
    let st;
    try {
      st = lstatSync(c.file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && c.size === 0) return undefined;
      throw storageError(c.file, e);
    }
    // Only a regular file is a chain (a link to /dev/full or a FIFO would lie or hang).
    if (!st.isFile()) throw new UserError(EXIT.storage, 'journal-not-file', { file: c.file });
    c.ino = st.ino;
    const size = st.size;
    if (size < c.size) throw corrupt({ ok: false, file: c.file, line: c.events.length, reason: 'verify-shrunk', detail: `${size} < ${c.size} bytes` }, EXIT.storage);
    if (size === c.size) return undefined;
    const buf = this.handles.read(c.file, st, c.size);
    const s = scan(buf, c.events.length + 1);
    if (s.bad) throw corrupt({ ok: false, file: c.file, ...s.bad }, EXIT.storage);
    const keep = s.torn ? s.events.slice(0, s.torn.complete ? -1 : undefined) : s.events;
    const from = c.events.length;
    c.events.push(...keep);
    // A complete last line without its newline is checked too, before anyone adds the newline.
    const tail = s.torn?.complete ? s.events.at(-1) : undefined;
    const broken = checkChain(tail ? { writer: c.writer, events: [...c.events, tail] } : c, sha256, from);
    if (broken) {
      c.events.length = from;
      throw corrupt({ ok: false, file: c.file, line: broken.line, reason: broken.reason, ...(broken.detail !== undefined && { detail: broken.detail }) }, EXIT.storage);
    }
    c.size += s.torn ? buf.length - s.torn.bytes : buf.length;
    if (keep.length) this.merged = undefined;
    if (!s.torn || !own) return undefined;
    return { line: s.torn.line, complete: s.torn.complete, dropped: buf.subarray(buf.length - s.torn.bytes) };
  }

  private openChain(c: ChainState): number {
    try {
      const created = c.size === 0;
      const fd = openSync(c.file, 'a', 0o600);
      if (created) {
        chmodSync(c.file, 0o600);
        fsyncDir(join(c.file, '..'));
      }
      return fd;
    } catch (err) {
      throw storageError(c.file, err, 'journal-write-failed');
    }
  }

  /** Under the chain's lock: the event made and its line written (not yet fsync'd). */
  private put(c: ChainState, e: NewEvent): Put {
    const problem = newEventProblem(e);
    if (problem) throw new TypeError(`journal event: bad ${problem}`);
    const recorded = this.seenBy(c);
    let seen: Record<string, string> | undefined;
    for (const o of this.chains.values()) {
      const head = o.events.at(-1)?.hash;
      if (o !== c && head !== undefined && recorded.get(o.writer) !== head) (seen ??= {})[o.writer] = head;
    }
    const data = canonical(e.data);
    // Keep in memory exactly what a reader of the file will see (a copy, in canonical form).
    const event: JournalEvent = {
      seq: c.events.length + 1, at: e.at, tz: e.tz, actor: e.actor, type: e.type, data: JSON.parse(data) as Record<string, unknown>,
      ...(seen && { seen }), prev: c.events.at(-1)?.hash ?? GENESIS, hash: GENESIS,
    };
    event.hash = hashEvent(event, data);
    const line = `${serialize(event, data)}\n`;
    // The descriptor of the last append while the chain is still the same file (catchUp looked, under the lock).
    const fd = this.handles.appender(c.file, c.ino, () => this.openChain(c));
    let bytes;
    try {
      bytes = writeAll(fd, line);
    } catch (err) {
      this.undo(fd, c.size);
      throw storageError(c.file, err, 'journal-write-failed');
    }
    return { event, fd, bytes, seen };
  }

  /** The line put fsync'd, and only then the event taken into this journal and returned. */
  private settle(c: ChainState, { event, fd, bytes, seen }: Put): JournalEvent {
    try {
      fsyncSync(fd);
    } catch (err) {
      // Whether the line reached the disk is unknown now: no further appends from this process.
      this.broken = (err as Error).message;
      throw storageError(c.file, err, 'journal-write-failed');
    }
    c.size += bytes;
    c.events.push(event);
    this.written.add(event);
    if (seen) for (const [w, h] of Object.entries(seen)) this.seenBy(c).set(w, h);
    const last = this.merged?.at(-1);
    if (this.merged && (!last || compareEvents({ e: last, writer: this.writerOf(last) }, { e: event, writer: c.writer }) <= 0)) this.merged.push(event);
    else this.merged = undefined;
    return event;
  }

  private writerOf(e: JournalEvent): string {
    for (const c of this.chains.values()) if (c.events[e.seq - 1] === e) return c.writer;
    return '';
  }

  // A failed write may have left part of a line: cut the file back to the last complete event.
  private undo(fd: number, size: number): void {
    try {
      ftruncateSync(fd, size);
    } catch (err) {
      this.broken = (err as Error).message;
    }
  }
}

// One write call; a short write (disk full) is an error, never a second write of the rest.
// (A string is encoded by the write itself, into no Buffer of ours.) Returns the bytes written.
function writeAll(fd: number, text: string): number {
  const want = Buffer.byteLength(text);
  const n = writeSync(fd, text);
  if (n !== want) throw new Error(`short write: ${n} of ${want} bytes`);
  return n;
}
