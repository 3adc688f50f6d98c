// Every character of JIS X 0208 and GB 2312 is drawn by a shipped Noto face, in both weights,
// through the Japanese → Simplified Chinese fallback: no tofu, whichever set a name comes from
// (one known gap, below).
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { Fonts } from '../../src/adapters/pdf/fonts.js';
import type { Doc } from '../../src/adapters/pdf/doc.js';

/** The characters of a 94×94 double-byte set, decoded from its EUC form; only the given rows. */
function charset(encoding: string, rows: readonly (readonly [number, number])[]): number[] {
  const decoder = new TextDecoder(encoding, { fatal: false });
  const out: number[] = [];
  for (const [from, to] of rows) {
    for (let row = from; row <= to; row++) {
      for (let cell = 1; cell <= 94; cell++) {
        const ch = decoder.decode(Uint8Array.of(0xa0 + row, 0xa0 + cell));
        const cp = ch.codePointAt(0)!;
        // Unassigned cells decode to U+FFFD or, in GBK, to the private use area.
        if ([...ch].length === 1 && cp !== 0xfffd && !(cp >= 0xe000 && cp <= 0xf8ff)) out.push(cp);
      }
    }
  }
  return out;
}

// JIS X 0208: rows 1–8 (symbols, kana, Greek, Cyrillic, box drawing) and 16–84 (levels 1 and 2).
const JIS_X_0208 = charset('euc-jp', [[1, 8], [16, 84]]);
// GB 2312: rows 1–9 (symbols, kana, Greek, Cyrillic, pinyin, box drawing) and 16–87 (hanzi).
const GB_2312 = charset('gb2312', [[1, 9], [16, 87]]);

describe('font coverage', () => {
  it('the sets are the size the standards give', () => {
    expect(JIS_X_0208.length).toBeGreaterThanOrEqual(6879);
    expect(GB_2312.length).toBeGreaterThanOrEqual(7445);
  });

  it.each([['JIS X 0208', JIS_X_0208], ['GB 2312', GB_2312]] as const)('%s: every character has a Noto glyph, regular and bold', (_, set) => {
    const doc = new PDFDocument({ autoFirstPage: false }) as unknown as Doc;
    const fonts = new Fonts(doc, 'ja');
    for (const weight of ['regular', 'bold'] as const) {
      const tofu = set.filter((cp) => fonts.pick(cp, weight).key.startsWith('Helvetica') && !isLatin1(cp));
      const shown = tofu.map((cp) => `U+${cp.toString(16).toUpperCase()} ${String.fromCodePoint(cp)}`);
      expect(shown, weight).toEqual(KNOWN_GAPS[_] ?? []);
    }
  });
});

// The one gap, pinned so that any other shows: U+2252 (≒, JIS row 2 cell 82) is in neither the
// Google Fonts Noto Sans JP nor SC (the Noto Sans CJK builds have it); such a character is drawn as '?'.
const KNOWN_GAPS: Record<string, string[]> = { 'JIS X 0208': ['U+2252 ≒'] };

// Helvetica is a real glyph for ASCII and Latin-1 (a few such signs are in both sets).
const isLatin1 = (cp: number) => cp < 0x100;
