// The heads of an incident — per writer, the last seq and hash — as a report prints them and as
// `verify --expect` / `--report` reads them back. One line per head, `writer:seq:hash`, in a block
// that survives Markdown, PDF text extraction and PDF metadata:
//   irbook-heads INC-20261123-001 zhang@sh-01:42:9f3c…(64 hex) li.wei@tokyo:7:0ab1…
// Writers never contain spaces or colons (see writerId), so the tokens split cleanly.

export interface Head { writer: string; seq: number; hash: string }

const TOKEN = /^([^\s:]+):([1-9]\d{0,15}):([0-9a-f]{64})$/;
const MARK = 'irbook-heads';

/** `writer:seq:hash` for one head. */
export const formatHead = (h: Head): string => `${h.writer}:${h.seq}:${h.hash}`;

/** The one-line heads block a report prints (and a PDF keeps in its Keywords). */
export function formatHeads(incident: string, heads: readonly Head[]): string {
  return [MARK, incident, ...[...heads].sort((a, b) => (a.writer < b.writer ? -1 : a.writer > b.writer ? 1 : 0)).map(formatHead)].join(' ');
}

/** One `writer:seq:hash` token (as typed after --expect), or undefined. */
export function parseHead(token: string): Head | undefined {
  const m = TOKEN.exec(token.trim());
  return m ? { writer: m[1]!, seq: Number(m[2]), hash: m[3]! } : undefined;
}

/** Every heads block in a text (a report's Markdown, a PDF's text or metadata, a JSON string). */
export function parseHeads(text: string): { incident: string; heads: Head[] }[] {
  const out: { incident: string; heads: Head[] }[] = [];
  const re = new RegExp(`${MARK}\\s+(INC-[0-9A-Za-z-]+)((?:\\s+[^\\s:]+:\\d+:[0-9a-f]{64})+)`, 'g');
  for (const m of text.matchAll(re)) {
    out.push({ incident: m[1]!, heads: m[2]!.trim().split(/\s+/).map(parseHead).filter((h): h is Head => h !== undefined) });
  }
  return out;
}
