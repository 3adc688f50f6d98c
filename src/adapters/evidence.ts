// Reading one evidence file for the journal: one open, the hash and the byte count from the same
// reads, and fstat before and after so a file that changes while it is hashed is refused rather than
// recorded with a size and a hash of different contents.
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { EXIT, UserError } from '../errors.js';

export interface Evidence {
  /** The file itself: the real path, links resolved. */
  path: string;
  /** The path as given, when it differs from the real one (a symbolic link). */
  link?: string;
  type: 'file';
  bytes: number;
  sha256: string;
  /** The file's modification time when it was hashed. */
  mtime: string;
}

const CHUNK = 1 << 20;

function kind(st: Stats): string {
  if (st.isDirectory()) return 'directory';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  return 'other';
}

const refuse = (path: string, code: string, params: Record<string, string | number> = {}) =>
  new UserError(EXIT.usage, code, { path, ...params });

/** A regular file's real path, hash, size and time, or a usage error that says what it is instead. */
export function readEvidence(given: string): Evidence {
  const abs = resolve(given);
  let st: Stats;
  try {
    lstatSync(abs);
    st = statSync(abs);
  } catch (e) {
    throw refuse(given, 'evidence-unreadable', { detail: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  // Checked before opening: opening a FIFO for reading would wait for a writer.
  if (!st.isFile()) throw refuse(given, `evidence-not-file-${kind(st)}`);
  const real = realpathSync(abs);
  // /proc and /sys files say they are 0 bytes and then read as something else each time.
  if (/^\/(proc|sys)\//.test(real)) throw refuse(given, 'evidence-pseudo-file');
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    throw refuse(given, 'evidence-unreadable', { detail: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  try {
    const before = fstatSync(fd);
    // The file opened may not be the one stat-ed: check again on the open descriptor.
    if (!before.isFile()) throw refuse(given, `evidence-not-file-${kind(before)}`);
    const h = createHash('sha256');
    const buf = Buffer.allocUnsafe(CHUNK);
    let bytes = 0;
    // One byte past the size is enough to know it grew; reading on after that could never end.
    for (let n; bytes <= before.size && (n = readSync(fd, buf, 0, Math.min(CHUNK, before.size + 1 - bytes), null)) > 0; bytes += n) h.update(buf.subarray(0, n));
    const after = fstatSync(fd);
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || bytes !== before.size) {
      throw refuse(given, 'evidence-changed', { before: before.size, after: after.size, read: bytes });
    }
    return { path: real, ...(real !== abs ? { link: abs } : {}), type: 'file', bytes, sha256: h.digest('hex'), mtime: before.mtime.toISOString() };
  } finally {
    closeSync(fd);
  }
}
