// Reading one chain file: never trusting it. Only a regular file is read (a journal symlinked to
// /dev/full or a FIFO would hang or lie); a torn tail (crash mid-write) is reported, not returned;
// the first malformed line is named with the field that is wrong.
import { hash } from 'node:crypto';
import { closeSync, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { EXIT, UserError } from '../errors.js';
import { shapeProblem, type JournalEvent } from '../core/journal/event.js';
import { storageError } from './store.js';

export interface Torn { line: number; bytes: number; complete: boolean }
export interface Scan { events: JournalEvent[]; torn?: Torn; tornAt?: number; bad?: { line: number; reason: string; detail?: string }; size: number }

// One-shot (no Hash object per line): every line read or appended is hashed through here.
export const sha256 = (text: string | Uint8Array): string => hash('sha256', text, 'hex');

/** The bytes of a chain file from `offset`; refuses anything but a regular file. */
export function readChainBytes(file: string, offset = 0): Buffer {
  let fd: number;
  try {
    const st = lstatSync(file);
    if (!st.isFile()) throw new UserError(EXIT.storage, 'journal-not-file', { file });
    fd = openSync(file, 'r');
  } catch (e) {
    throw e instanceof UserError ? e : storageError(file, e);
  }
  try {
    // fstat the opened file: it may have been swapped for something else since the lstat.
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UserError(EXIT.storage, 'journal-not-file', { file });
    const buf = Buffer.alloc(Math.max(0, st.size - offset));
    let n = 0;
    while (n < buf.length) {
      const r = readSync(fd, buf, n, buf.length - n, offset + n);
      if (r === 0) break;
      n += r;
    }
    return buf.subarray(0, n);
  } catch (e) {
    throw e instanceof UserError ? e : storageError(file, e);
  } finally {
    closeSync(fd);
  }
}

/**
 * Parse the lines of `buf` (which starts at line `firstLine`). The first `vouched` lines are bytes
 * a checkpoint has seen checked (its sha256 still matches): parsed, not shape-checked again.
 */
export function scan(buf: Buffer, firstLine = 1, vouched = 0): Scan {
  // Fast path: decode every complete line at once (one UTF-8 pass, not one per line); any invalid
  // byte sends the scan line by line, which names the bad line.
  const end = buf.lastIndexOf(0x0a) + 1;
  let text: string | undefined;
  try {
    text = utf8.decode(buf.subarray(0, end));
  } catch {
    return scanLines(buf, 0, firstLine, []);
  }
  const events: JournalEvent[] = [];
  const lines = text.split('\n');
  lines.pop();
  for (const [i, line] of lines.entries()) {
    if (i < vouched) {
      events.push(JSON.parse(line) as JournalEvent);
      continue;
    }
    const p = parseText(line);
    if (!p.ok) return { events, bad: { line: firstLine + i, reason: p.reason, detail: p.detail }, size: buf.length };
    events.push(p.event);
  }
  return scanLines(buf, end, firstLine + lines.length, events);
}

function scanLines(buf: Buffer, from: number, firstLine: number, events: JournalEvent[]): Scan {
  for (let start = from, line = firstLine; start < buf.length; line++) {
    const nl = buf.indexOf(0x0a, start);
    const bytes = buf.subarray(start, nl === -1 ? buf.length : nl);
    const p = parseLine(bytes);
    if (nl === -1) {
      // The last line has no newline: a crash cut it short, or cut only its newline.
      if (p.ok) events.push(p.event);
      return { events, torn: { line, bytes: bytes.length, complete: p.ok }, ...(!p.ok && { tornAt: start }), size: buf.length };
    }
    if (!p.ok) return { events, bad: { line, reason: p.reason, detail: p.detail }, size: buf.length };
    events.push(p.event);
    start = nl + 1;
  }
  return { events, size: buf.length };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseLine(bytes: Uint8Array): Parsed {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (e) {
    return { ok: false, reason: 'verify-bad-utf8', detail: (e as Error).message };
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
