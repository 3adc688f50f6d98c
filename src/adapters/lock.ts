// A short lock: a file created with O_EXCL, held for one append to one chain (microseconds), never
// for a session. A taker that finds it held waits with backoff, up to a bound, then gives up with
// exit 4. A lock whose process is gone (same host, pid not alive) is taken over at once, so a
// SIGKILL during an append blocks nobody (proper-lockfile's mtime staleness would, for seconds).
import { closeSync, fstatSync, lstatSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename } from 'node:path';
import { EXIT, UserError } from '../errors.js';

export interface LockInfo { pid: number; host: string; since: string }

// A lock file with no readable content is either being written this very moment (the holder
// opened it and has not written yet) or was left by a crash (or a power cut: the content is not
// fsync'd, a lock outlives no boot) in that gap; after this long it is the latter.
const GARBLED_STALE_MS = 1_000;
// A crash inside the few microseconds a taker holds the break guard must not block for ever.
const GUARD_STALE_MS = 10_000;

// A lock file we created, with its descriptor kept open until it is removed: while it is open
// its inode cannot be freed, so the path naming that inode means the file is still ours (no read
// of its content needed to tell).
interface Mine { info: LockInfo; fd: number; ino: number; dev: number }

const held = new Map<string, Mine>();
let exitHook = false;

export class Lock {
  private released = false;
  constructor(readonly file: string, private readonly mine: Mine) {}
  get info(): LockInfo {
    return this.mine.info;
  }
  /** Remove the lock file if it is still ours (idempotent). */
  release(): void {
    if (this.released) return;
    this.released = true;
    held.delete(this.file);
    removeIfOurs(this.file, this.mine);
  }
}

/** Default bound on the wait for a held lock: an append takes milliseconds, a busy disk a few hundred. */
export const LOCK_WAIT_MS = 5_000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(sleeper, 0, 0, ms);

/** Take the lock `file`, waiting with backoff up to `waitMs`, or throw UserError(EXIT.storage, 'journal-busy', …). */
export function acquireLock(file: string, waitMs = LOCK_WAIT_MS): Lock {
  const info: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const deadline = Date.now() + waitMs;
  let pause = 1;
  for (;;) {
    const mine = tryCreate(file, info);
    if (mine) return register(file, mine);
    const seen = readRaw(file);
    // Gone between our create and our read (its holder just finished): one more try.
    const taken = seen === undefined ? tryCreate(file, info) : isStale(file, seen) && breakStale(file, seen) ? tryCreate(file, info) : undefined;
    if (taken) return register(file, taken);
    if (Date.now() >= deadline) {
      // Whoever holds it now (the holder may have changed while we looked).
      const now = parse(readRaw(file) ?? seen ?? '');
      throw new UserError(
        EXIT.storage,
        'journal-busy',
        { chain: basename(file, '.lock'), pid: now?.pid ?? '?', host: now?.host ?? '?', since: now?.since ?? '?', ms: waitMs },
        { code: 'hint-journal-busy', params: { pid: now?.pid ?? '?' } },
      );
    }
    sleep(Math.min(pause, Math.max(1, deadline - Date.now())));
    pause = Math.min(pause * 2, 100);
  }
}

/** The holder recorded in a lock file, if there is one. */
export function readLock(file: string): LockInfo | undefined {
  return parse(readRaw(file) ?? '');
}

function register(file: string, mine: Mine): Lock {
  held.set(file, mine);
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => { for (const [f, m] of held) removeIfOurs(f, m); held.clear(); });
  }
  return new Lock(file, mine);
}

function tryCreate(file: string, info: LockInfo): Mine | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw storage(file, e);
  }
  try {
    writeSync(fd, JSON.stringify(info));
    const st = fstatSync(fd);
    return { info, fd, ino: st.ino, dev: st.dev };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

function readRaw(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw storage(file, e);
  }
}

function parse(raw: string): LockInfo | undefined {
  try {
    const v = JSON.parse(raw) as Partial<LockInfo>;
    if (typeof v.pid === 'number' && Number.isInteger(v.pid) && v.pid > 0 && typeof v.host === 'string' && typeof v.since === 'string') {
      return { pid: v.pid, host: v.host, since: v.since };
    }
  } catch { /* garbled */ }
  return undefined;
}

function isStale(file: string, raw: string): boolean {
  const info = parse(raw);
  if (!info) return ageMs(file) > GARBLED_STALE_MS;
  // Another host's pid means nothing here: only a person can say that session is gone.
  if (info.host !== hostname()) return false;
  return !alive(info.pid);
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

// Remove a stale lock only if it still holds what we judged stale. Takers serialise on a guard
// file, so one taker cannot delete the fresh lock another taker has just created; the loser's
// O_EXCL create then fails and it reports the winner. Exported for tests.
export function breakStale(file: string, seen: string): boolean {
  const guard = `${file}.break`;
  if (!createGuard(guard)) {
    if (ageMs(guard) <= GUARD_STALE_MS) return false;
    unlinkQuiet(guard);
    if (!createGuard(guard)) return false;
  }
  try {
    if (readRaw(file) !== seen) return false;
    unlinkQuiet(file);
    return true;
  } finally {
    unlinkQuiet(guard);
  }
}

function createGuard(guard: string): boolean {
  try {
    closeSync(openSync(guard, 'wx', 0o600));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw storage(guard, e);
  }
}

function removeIfOurs(file: string, mine: Mine): void {
  try {
    const st = lstatSync(file);
    if (st.ino === mine.ino && st.dev === mine.dev) unlinkSync(file);
  } catch { /* already gone, or the folder is: nothing to release */ }
  try {
    closeSync(mine.fd);
  } catch { /* closed already */ }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function unlinkQuiet(file: string): void {
  try {
    unlinkSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw storage(file, e);
  }
}

function storage(file: string, e: unknown): UserError {
  return new UserError(EXIT.storage, 'journal-unreadable', { file, detail: (e as Error).message });
}
