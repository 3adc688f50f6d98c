// The heads a report printed, read back for `verify --report FILE`: from a JSON report's `heads`
// (an array of {writer, seq, hash} or the heads line), or the heads line anywhere in the file —
// a Markdown report's heads block, a PDF's metadata (Keywords/Subject are written as plain
// strings: the line is ASCII) or its text.
import { readFileSync } from 'node:fs';
import { EXIT, UserError } from '../errors.js';
import { parseHead, parseHeads, type Head } from '../core/journal/heads.js';

export function headsFromReport(file: string, incident: string): Head[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new UserError(EXIT.usage, 'report-unreadable', { file, detail: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  const text = bytes.toString('latin1');
  const fromJson = jsonHeads(bytes.toString('utf8'));
  const found = fromJson ?? parseHeads(text).find((b) => b.incident === incident)?.heads;
  if (!found?.length) throw new UserError(EXIT.verify, 'report-no-heads', { file, id: incident });
  return found;
}

function jsonHeads(text: string): Head[] | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  const h = (v as { heads?: unknown } | null)?.heads;
  if (typeof h === 'string') return parseHeads(h)[0]?.heads;
  if (!Array.isArray(h)) return undefined;
  const heads = h.map((x) => (typeof x === 'string' ? parseHead(x) : parseHead(`${(x as Head).writer}:${(x as Head).seq}:${(x as Head).hash}`)));
  return heads.every((x): x is Head => x !== undefined) ? heads : undefined;
}
