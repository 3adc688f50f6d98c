// Every file irbook writes for a person (reports, drafts, comparisons) goes through here: a temp file
// beside the target, created exclusively and never through a link, mode 0600, written, fsynced and
// renamed over the target. A full disk, a signal or a crash leaves the old file or none, never half
// of one; a link planted at the target is replaced, never followed.
import { randomBytes } from 'node:crypto';
import { closeSync, constants, createWriteStream, fchmodSync, fsyncSync, lstatSync, openSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { EXIT, UserError } from '../errors.js';

// Temp files being written now, removed if the process is stopped by a signal meanwhile.
const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
function onSignal(sig: NodeJS.Signals): void {
  for (const tmp of live) rmSync(tmp, { force: true });
  live.clear();
  unwatch();
  // Nobody else handles it: die of the signal as if we had never caught it.
  if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
}
// Also on exit: a signal handler elsewhere may end the process with process.exit().
process.on('exit', () => { for (const tmp of live) rmSync(tmp, { force: true }); });
const watch = () => { if (live.size === 1) for (const s of SIGNALS) process.on(s, onSignal); };
const unwatch = () => { if (live.size === 0) for (const s of SIGNALS) process.off(s, onSignal); };

/** A file system error while writing `file`, as exit 4 with the path and the cause. */
export const storage = (file: string, e: unknown): UserError => {
  const x = e as NodeJS.ErrnoException;
  return new UserError(EXIT.storage, 'write-failed', { file, cause: x.code ? `${x.code}: ${x.message.replace(/^\w+: /, '')}` : String(e) });
};

/** Refuse early, before any work, when the target exists and --force was not given. */
export function checkTarget(target: string, force = false): string {
  const file = resolve(target);
  let exists = true;
  try {
    if (lstatSync(file).isDirectory()) throw new UserError(EXIT.usage, 'out-is-directory', { file });
  } catch (e) {
    if (e instanceof UserError) throw e;
    exists = false;
  }
  if (exists && !force) throw new UserError(EXIT.usage, 'out-exists', { file }, { code: 'hint-force' });
  return file;
}

export interface AtomicStream extends WriteStream {
  /** After 'finish': fsync, close, rename over the target. A failure removes the temp file and throws exit 4. */
  commit(): Promise<void>;
  /** Remove the temp file; the target is untouched. */
  abort(): void;
}

/** A stream into a new temp file beside `target` (created exclusively, never through a link, 0600). */
export function atomicStream(target: string, o: { force?: boolean } = {}): AtomicStream {
  const file = checkTarget(target, o.force);
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    fchmodSync(fd, 0o600); // whatever the umask
  } catch (e) {
    throw storage(file, e);
  }
  live.add(tmp);
  watch();
  // The stream owns the descriptor and is the only one to close it (destroy() closes it, even
  // while a write is under way); autoClose is off so that it stays open for the fsync.
  const stream = createWriteStream('', { fd, autoClose: false });
  const closed = () => new Promise<void>((res) => { if (stream.closed) res(); else stream.once('close', () => res()); });
  const done = () => { live.delete(tmp); unwatch(); };
  const abort = () => {
    stream.destroy();
    rmSync(tmp, { force: true });
    done();
  };
  const commit = async () => {
    try {
      fsyncSync(fd);
      stream.destroy();
      await closed();
      renameSync(tmp, file);
    } catch (e) {
      abort();
      throw storage(file, e);
    }
    done();
    syncDir(dirname(file));
  };
  return Object.assign(stream, { commit, abort });
}

/** Write `body` to `target` atomically with mode 0600; returns the bytes written. */
export async function writeAtomic(target: string, body: string | Uint8Array, o: { force?: boolean } = {}): Promise<number> {
  const out = atomicStream(target, o);
  try {
    out.end(body);
    await finished(out);
  } catch (e) {
    out.abort();
    throw storage(resolve(target), e);
  }
  await out.commit();
  return out.bytesWritten;
}

// The rename is durable only once the folder is synced; not every file system allows it.
function syncDir(dir: string): void {
  try {
    const d = openSync(dir, constants.O_RDONLY);
    try { fsyncSync(d); } finally { closeSync(d); }
  } catch { /* best effort */ }
}
