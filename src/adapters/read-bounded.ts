// Reading a file irbook is given (playbook, answers, scenario, template) without trusting it to be
// one: only a regular file is read, and never more than `max` bytes, whatever its size claims to be
// (/dev/zero has no end; /proc files say they are empty).
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

export type Bounded = { ok: true; text: string } | { ok: false; code: string; params: Record<string, string | number> };

const errno = (e: unknown): Bounded => ({ ok: false, code: 'file-unreadable', params: { detail: (e as NodeJS.ErrnoException).code ?? String(e) } });

function typeOf(st: Stats): string {
  if (st.isDirectory()) return 'directory';
  if (st.isFIFO()) return 'FIFO';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  if (st.isSocket()) return 'socket';
  return 'special file';
}

/** The file's text (UTF-8), or why it was not read: not a regular file, larger than `max`, an errno. */
export function readBounded(file: string, max: number): Bounded {
  let fd: number;
  try {
    // Checked before opening: opening a FIFO would wait for a writer.
    const st = statSync(file);
    if (!st.isFile()) return { ok: false, code: 'file-not-regular', params: { type: typeOf(st) } };
    if (/^\/(proc|sys)\//.test(file)) return { ok: false, code: 'file-not-regular', params: { type: 'special file' } };
    if (st.size > max) return { ok: false, code: 'yaml-too-large', params: { bytes: st.size, max } };
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    return errno(e);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, code: 'file-not-regular', params: { type: typeOf(st) } };
    // Sized by what fstat says (plus one byte to notice growth), grown only for a file that lies:
    // zero-filling max + 1 bytes per read was most of what reading 1,000 playbooks cost.
    let buf = Buffer.allocUnsafe(Math.min(max + 1, st.size + 1 || 4096));
    let n = 0;
    for (let r; n <= max && (r = readSync(fd, buf, n, buf.length - n, null)) > 0;) {
      n += r;
      if (n === buf.length && n <= max) {
        const grown = Buffer.allocUnsafe(Math.min(max + 1, buf.length * 2));
        buf.copy(grown, 0, 0, n);
        buf = grown;
      }
    }
    if (n > max) return { ok: false, code: 'yaml-too-large', params: { bytes: `> ${max}`, max } };
    return { ok: true, text: buf.toString('utf8', 0, n) };
  } catch (e) {
    return errno(e);
  } finally {
    closeSync(fd);
  }
}
