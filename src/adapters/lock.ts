// A short lock, held for one append to one chain (microseconds), never for a session. A taker
// that finds it held waits with backoff, up to a bound, then gives up with exit 4. A lock whose
// process is gone (same host, pid not alive) is taken over at once, so a SIGKILL during an append
// blocks nobody (proper-lockfile's mtime staleness would, for seconds).
//
// Two ways to make one. In this user's folder on a memory file system (chainLock below): the
// lock is a hard link to a holder file this process wrote once ({pid, host}), so taking it is one
// link() and giving it back one unlink(), and it never exists without its content. Elsewhere (no
// such folder, or the store's counters): a file created with O_EXCL that the taker then writes.
// On a disk, either is a metadata change the file system commits with the next fsync, which is
// what an append would pay on every line if its lock lived beside the chain.
import { closeSync, fstatSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { EXIT, UserError } from '../errors.js';

export interface LockInfo { pid: number; host: string; since: string }

// A lock file with no readable content is either being written this very moment (the holder
// opened it and has not written yet) or was left by a crash (or a power cut: the content is not
// fsync'd, a lock outlives no boot) in that gap; after this long it is the latter.
const GARBLED_STALE_MS = 1_000;
// A crash inside the few microseconds a taker holds the break guard must not block for ever.
const GUARD_STALE_MS = 10_000;

// How we hold a lock. A created one keeps its descriptor open until it is removed: while it is
// open its inode cannot be freed, so the path naming that inode means the file is still ours (no
// read of its content needed to tell). A linked one is a name for our holder file, which nobody
// else removes while we live (a live pid on this host is never stale).
type Mine = { fd: number; ino: number; dev: number } | { linked: true };

const held = new Map<string, Mine>();
let exitHook = false;

export class Lock {
  private released = false;
  constructor(readonly file: string, private readonly mine: Mine) {}
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

// ---- Where a chain's lock lives ----

let folder: string | null | undefined;

/**
 * This user's lock folder on a memory file system (`/dev/shm/irbook-<uid>`, mode 0700, owned by
 * this user), or undefined where there is none fit to use. It depends on nothing in the
 * environment, so every process of one user on one host agrees on it. Exported for tests.
 */
export function lockFolder(root = '/dev/shm'): string | undefined {
  const uid = process.getuid?.();
  if (uid === undefined) return undefined;
  const dir = join(root, `irbook-${uid}`);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch { /* there already, or no such root: the lstat below decides */ }
  try {
    const st = lstatSync(dir);
    // Not a link, ours, and nobody else may add or remove names in it.
    return st.isDirectory() && st.uid === uid && (st.mode & 0o077) === 0 ? dir : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The lock file of `writer`'s chain in the chains folder `chains`. Locks are host-local, as the
 * chains a host writes are its own (the writer id names the host): in the lock folder, named by
 * the chains folder's device and inode (every path to one folder gives the same name); beside the
 * chain where there is no lock folder.
 */
export function chainLock(chains: string, writer: string): string {
  const f = theFolder();
  if (!f) return join(chains, `${writer}.lock`);
  const st = statSync(chains, { bigint: true });
  return join(f, `${st.dev}.${st.ino}.${writer}.lock`);
}

/** This process's lock folder (looked for once), or null. */
function theFolder(): string | null {
  if (folder === undefined) folder = lockFolder() ?? null;
  return folder;
}

const inFolder = (file: string) => { const f = theFolder(); return f !== null && dirname(file) === f; };

// ---- Taking and giving back ----

/** Take the lock `file`, waiting with backoff up to `waitMs`, or throw UserError(EXIT.storage, 'journal-busy', …). */
export function acquireLock(file: string, waitMs = LOCK_WAIT_MS): Lock {
  const make = inFolder(file) ? tryLink : tryCreate;
  const deadline = Date.now() + waitMs;
  let pause = 1;
  for (;;) {
    const mine = make(file);
    if (mine) return register(file, mine);
    const seen = readRaw(file);
    // Gone between our try and our read (its holder just finished): one more try.
    const taken = seen === undefined ? make(file) : isStale(file, seen) && breakStale(file, seen) ? (buryHolder(file, seen), make(file)) : undefined;
    if (taken) return register(file, taken);
    if (Date.now() >= deadline) {
      // Whoever holds it now (the holder may have changed while we looked).
      const now = readLock(file) ?? parse(seen ?? '', file);
      throw new UserError(
        EXIT.storage,
        'journal-busy',
        { chain: basename(file, '.lock').replace(/^\d+\.\d+\./, ''), pid: now?.pid ?? '?', host: now?.host ?? '?', since: now?.since ?? '?', ms: waitMs },
        { code: 'hint-journal-busy', params: { pid: now?.pid ?? '?' } },
      );
    }
    sleep(Math.min(pause, Math.max(1, deadline - Date.now())));
    pause = Math.min(pause * 2, 100);
  }
}

/** The holder recorded in a lock file, if there is one (since: when the lock was taken). */
export function readLock(file: string): LockInfo | undefined {
  return parse(readRaw(file) ?? '', file);
}

function register(file: string, mine: Mine): Lock {
  held.set(file, mine);
  hookExit();
  return new Lock(file, mine);
}

function hookExit(): void {
  if (exitHook) return;
  exitHook = true;
  process.on('exit', () => {
    for (const [f, m] of held) removeIfOurs(f, m);
    held.clear();
    if (holder) forget(holder);
  });
}

const infoText = () => JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });

function tryCreate(file: string): Mine | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw storage(file, e);
  }
  try {
    writeSync(fd, infoText());
    const st = fstatSync(fd);
    return { fd, ino: st.ino, dev: st.dev };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

// This process's holder file in the lock folder, written once; every lock it takes there is a link to it.
let holder: string | undefined;

function tryLink(file: string): Mine | undefined {
  for (let again = true; ; again = false) {
    try {
      linkSync(holder ??= writeHolder(), file);
      return { linked: true };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return undefined;
      // The holder (or the folder: a cleaner of /dev/shm) went away: write it again, once.
      if (code !== 'ENOENT' || !again) throw storage(file, e);
      holder = undefined;
      folder = lockFolder() ?? null;
      if (!folder) throw storage(file, e);
    }
  }
}

const holderOf = (info: { pid: number; host: string }) => join(folder!, `${info.host}.${info.pid}.holder`);

function writeHolder(): string {
  const file = holderOf({ pid: process.pid, host: hostname() });
  hookExit();
  sweep();
  // Left by an earlier process with our pid; a lock still linked to it keeps its own name.
  forget(file);
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, infoText());
  } finally {
    closeSync(fd);
  }
  return file;
}

// What processes of this host that were killed left in the lock folder (it lives until the next
// boot): their locks, broken where a taker would break them, then their holders no lock links to.
// Once per process, before its first lock there.
function sweep(): void {
  let names: string[];
  try {
    names = readdirSync(folder!);
  } catch {
    return;
  }
  // Nothing here may fail a lock: a taker of that chain will say what is wrong with it.
  for (const n of names.filter((x) => x.endsWith('.lock'))) {
    try {
      const file = join(folder!, n);
      const seen = readRaw(file);
      if (seen !== undefined && isStale(file, seen)) breakStale(file, seen);
    } catch { /* see above */ }
  }
  // A holder is named <host>.<pid>.holder (holderOf): this host's, of a gone pid, that no lock links to.
  const host = `${hostname()}.`;
  for (const n of names.filter((x) => x.startsWith(host) && x.endsWith('.holder'))) {
    const pid = Number(n.slice(host.length, -'.holder'.length));
    try {
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !alive(pid) && lstatSync(join(folder!, n)).nlink === 1) unlinkSync(join(folder!, n));
    } catch { /* gone meanwhile */ }
  }
}

// The holder file of a stale linked lock just broken: its process is gone.
function buryHolder(file: string, seen: string): void {
  const who = inFolder(file) ? holderIn(seen) : undefined;
  if (who) forget(holderOf(who));
}

function readRaw(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw storage(file, e);
  }
}

function parse(raw: string, file: string): LockInfo | undefined {
  const who = holderIn(raw);
  // A linked lock's content is its holder's; the link's change time is when it was taken.
  const since = who && (inFolder(file) ? changed(file) : who.since);
  return who && since !== undefined ? { pid: who.pid, host: who.host, since } : undefined;
}

function holderIn(raw: string): { pid: number; host: string; since?: string } | undefined {
  try {
    const v = JSON.parse(raw) as Partial<LockInfo>;
    if (typeof v.pid === 'number' && Number.isInteger(v.pid) && v.pid > 0 && typeof v.host === 'string') {
      return { pid: v.pid, host: v.host, ...(typeof v.since === 'string' && { since: v.since }) };
    }
  } catch { /* garbled */ }
  return undefined;
}

function changed(file: string): string | undefined {
  try {
    return lstatSync(file).ctime.toISOString();
  } catch {
    return undefined;
  }
}

function isStale(file: string, raw: string): boolean {
  const info = holderIn(raw);
  if (!info) return ageMs(file) > GARBLED_STALE_MS;
  // Another host's pid means nothing here: only a person can say that session is gone.
  if (info.host !== hostname()) return false;
  return !alive(info.pid);
}

function alive(pid: number): boolean {
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
// try then fails and it reports the winner. Exported for tests.
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
  if ('linked' in mine) {
    forget(file);
    return;
  }
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

// Remove if there; an error is no reason to fail (a leftover costs a few bytes of memory).
function forget(file: string): void {
  try {
    unlinkSync(file);
  } catch { /* gone already, or the folder is */ }
}

function storage(file: string, e: unknown): UserError {
  return new UserError(EXIT.storage, 'journal-unreadable', { file, detail: (e as Error).message });
}
