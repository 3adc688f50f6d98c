// Descriptors a journal keeps open between appends, so an append does not open and close the
// chain it writes and the chains it reads each time. Each is kept with the inode it was opened on
// and used only while the path still names that inode (the caller has just lstat'ed it): a chain
// replaced meanwhile (git rewrote it, someone moved another file in) is opened afresh. While a
// descriptor is open its inode cannot be freed, so its number cannot be reused by another file.
import { closeSync, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { readChainBytes } from './chain-file.js';

interface Held { fd: number; ino: number; dev: number }

export class ChainHandles {
  private readonly readers = new Map<string, Held>();
  private readonly writers = new Map<string, Held>();

  /** The bytes of `file` from `offset` to `st.size`, `st` being its lstat taken just now. */
  read(file: string, st: Stats, offset: number): Buffer {
    const h = this.readers.get(file);
    if (!h || h.ino !== st.ino || h.dev !== st.dev) {
      if (h) this.drop(this.readers, file);
      // The checked way (regular file only, fstat after open); a descriptor is kept for next time.
      const buf = readChainBytes(file, offset);
      this.keep(this.readers, file, openSync(file, 'r'), st);
      return buf;
    }
    const buf = Buffer.allocUnsafe(Math.max(0, st.size - offset));
    let n = 0;
    while (n < buf.length) {
      const r = readSync(h.fd, buf, n, buf.length - n, offset + n);
      if (r === 0) break;
      n += r;
    }
    return buf.subarray(0, n);
  }

  /** A descriptor appending to `file` (whose inode is `ino`, from an lstat under the chain's lock), opened by `open` when none is held for it. */
  appender(file: string, ino: number | undefined, open: () => number): number {
    const h = this.writers.get(file);
    if (h && h.ino === ino) return h.fd;
    if (h) this.drop(this.writers, file);
    const fd = open();
    const st = fstatSync(fd);
    this.writers.set(file, { fd, ino: st.ino, dev: st.dev });
    return fd;
  }

  /** Close every descriptor (the journal is closed). */
  close(): void {
    for (const m of [this.readers, this.writers]) for (const f of [...m.keys()]) this.drop(m, f);
  }

  private keep(m: Map<string, Held>, file: string, fd: number, st: Stats): void {
    const now = fstatSync(fd);
    // Opened something else than what was checked (swapped in between): keep nothing.
    if (!now.isFile() || now.ino !== st.ino || now.dev !== st.dev) {
      closeSync(fd);
      return;
    }
    m.set(file, { fd, ino: now.ino, dev: now.dev });
  }

  private drop(m: Map<string, Held>, file: string): void {
    const h = m.get(file);
    m.delete(file);
    if (h) {
      try {
        closeSync(h.fd);
      } catch { /* already closed */ }
    }
  }
}
