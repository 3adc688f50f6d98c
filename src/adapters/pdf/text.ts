// Line breaking and drawing of mixed-script text. pdfkit neither falls back between fonts nor
// breaks CJK well inside table cells, so every string is split into characters, each with the face
// that has its glyph; lines break between ideographs/kana, at spaces, and inside over-long words
// (hashes, paths), keeping the usual kinsoku rules (no 、。）」 at a line start, no （「 at an end).
import { SOFT, isInvisible, tokens, type Ch, type Tok } from './breaks.js';
import type { Doc } from './doc.js';
import type { Face, Fonts, Weight } from './fonts.js';
import { emit, num } from './paint.js';

export interface Style { size: number; weight: Weight; /** line height as a multiple of size */ lh?: number }
/** `shaped`: the run has combining marks, which only draw right through shaping. */
export interface Run { face: Face; text: string; width: number; shaped?: boolean }
export interface Line { runs: Run[]; width: number }

// Characters that only draw right when shaped (composed or positioned on their base): combining
// diacritics, combining kana voicing marks, combining half marks.
const COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\u3099\u309a\ufe20-\ufe2f]/u;

export const DEFAULT_LH = 1.45;
/** Where the baseline sits below the top of a line box: the ideographic em box centred in it. */
export const baselineOffset = (st: Style) => st.size * ((st.lh ?? DEFAULT_LH) - 1) / 2 + st.size * 0.88;
export const lineHeight = (st: Style) => st.size * (st.lh ?? DEFAULT_LH);

// Widths below are at size 1 and scaled when a line is made: a text is prepared once per weight
// however often it is measured and wrapped (tables are sized before they are drawn).
interface Prepared { chars: Ch[]; toks: Tok[]; /** at size 1, once asked */ minWidth?: number }
const LONG_WORD = 24;

export class Typesetter {
  private readonly cache: Record<Weight, Map<string, Prepared>> = { regular: new Map(), bold: new Map() };
  private readonly clamped = new Map<string, Line[]>();
  private readonly known: Record<Weight, Map<number, Ch | null>> = { regular: new Map(), bold: new Map() };
  constructor(readonly doc: Doc, readonly fonts: Fonts) {}

  /** The lines of `text` set in `st` within `max` points; at least one (possibly empty) line. */
  wrap(text: string, max: number, st: Style): Line[] {
    const out: Line[] = [];
    for (const para of text.replace(/\r\n?|\u2028|\u2029/g, '\n').replace(/\t/g, ' ').split('\n')) {
      this.wrapParagraph(this.prep(para, st.weight), Math.max(max, st.size) / st.size, st.size, out);
    }
    return out;
  }

  /** Width of `text` on one line. */
  width(text: string, st: Style): number {
    return widthOf(this.prep(text, st.weight).chars, 0, Infinity) * st.size;
  }

  /** The narrowest width `text` wraps in without cutting a word (at . / - _ it may break); words
   *  of more than LONG_WORD characters (hashes, long paths) do not count: they are cut anyway. */
  minWidth(text: string, st: Style): number {
    const p = this.prep(text, st.weight);
    let widest = p.minWidth;
    if (widest === undefined) {
      widest = 0;
      const { chars, toks } = p;
      for (const t of toks) {
        if (t.space || t.b - t.a > LONG_WORD) continue;
        let w = 0;
        for (let i = t.a; i < t.b; i++) {
          const c = chars[i];
          if (!c) continue;
          w += c.w;
          widest = Math.max(widest, w);
          if (SOFT.has(c.s.codePointAt(0) ?? 0)) w = 0;
        }
      }
      p.minWidth = widest;
    }
    return widest * st.size;
  }

  /** At most `n` lines, the last ending in … when text was left out. */
  clamp(text: string, max: number, st: Style, n: number): Line[] {
    // Page headers and footers clamp the same texts on every page.
    const key = `${st.weight} ${st.size} ${max} ${n} ${text}`;
    let lines = this.clamped.get(key);
    if (!lines) {
      lines = this.clampNew(text, max, st, n);
      this.clamped.set(key, lines);
    }
    return lines;
  }

  private clampNew(text: string, max: number, st: Style, n: number): Line[] {
    const lines = this.wrap(text, max, st);
    if (lines.length <= n) return lines;
    const kept = lines.slice(0, n);
    const last = kept[n - 1];
    if (!last) return kept;
    const chars = last.runs.flatMap((r) => this.prep(r.text, st.weight).chars);
    const ell = this.prep('…', st.weight).chars;
    const unit = max / st.size;
    let w = widthOf(chars, 0, chars.length);
    const ellW = widthOf(ell, 0, ell.length);
    while (chars.length && w + ellW > unit) w -= chars.pop()?.w ?? 0;
    kept[n - 1] = toLine([...chars, ...ell], 0, chars.length + ell.length, st.size);
    return kept;
  }

  /** Draws lines, each at its place, in the fill colour operator `fill`: one write for them all. */
  drawAll(placed: readonly { line: Line; x: number; baseline: number }[], size: number, fill: string): void {
    const fonts = this.pageFonts();
    let ops = fill;
    for (const { line, x, baseline } of placed) {
      if (line.runs.some((r) => r.shaped)) {
        emit(this.doc, ops);
        ops = '';
        this.draw(line, x, baseline, size);
      } else {
        ops += `\n${textObject(line.runs, x, baseline, size, fonts)}`;
      }
    }
    emit(this.doc, ops);
  }

  /** Draws one line with its left end at `x` and its baseline at `baseline`; the fill colour is the
   *  caller's. A run with combining marks (decomposed kana, accents) alone goes through pdfkit's
   *  shaping; the others are written as laid out (see textObject). */
  draw(line: Line, x: number, baseline: number, size: number): void {
    const fonts = this.pageFonts();
    let from = 0;
    line.runs.forEach((r, i) => {
      if (!r.shaped) return;
      emit(this.doc, textObject(line.runs.slice(from, i), x, baseline, size, fonts));
      for (const before of line.runs.slice(from, i)) x += before.width;
      this.doc.font(r.face.key, size).text(r.text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
      x += r.width;
      from = i + 1;
    });
    emit(this.doc, textObject(from ? line.runs.slice(from) : line.runs, x, baseline, size, fonts));
  }

  private pageFonts(): Record<string, unknown> {
    return (this.doc as unknown as { page: { fonts: Record<string, unknown> } }).page.fonts;
  }

  private prep(text: string, weight: Weight): Prepared {
    const cache = this.cache[weight];
    let p = cache.get(text);
    if (!p) {
      const chars = this.chars(text, weight);
      p = { chars, toks: tokens(chars) };
      cache.set(text, p);
    }
    return p;
  }

  private chars(text: string, weight: Weight): Ch[] {
    const known = this.known[weight];
    const out: Ch[] = [];
    for (const c of text) {
      const cp = c.codePointAt(0) ?? 0;
      let ch = known.get(cp);
      if (ch === undefined) {
        ch = this.char(cp, weight);
        known.set(cp, ch);
      }
      if (ch) out.push(ch);
    }
    return out;
  }

  /** One character as set in `weight` (shared by every string that has it), or null when invisible. */
  private char(code: number, weight: Weight): Ch | null {
    if (isInvisible(code)) return null;
    let cp = code === 0xa0 ? 0x20 : code;
    const face = this.fonts.pick(cp, weight);
    // No font has it (Helvetica is the last resort and covers only Latin-1): a visible '?', never tofu.
    if (!face.has(cp)) cp = 0x3f;
    const s = String.fromCodePoint(cp);
    return { s, face, w: face.advance(cp), space: cp === 0x20, mark: COMBINING.test(s) };
  }

  /** Greedy line filling in unit widths (`max` = points / size). */
  private wrapParagraph({ chars, toks }: Prepared, max: number, size: number, out: Line[]): void {
    const first = out.length;
    let a = 0; // start of the current line in `chars`
    let b = 0; // end of its last non-space character
    let w = 0; // its width up to b
    let pend = 0; // width of spaces after b
    const flush = (next: number) => {
      out.push(toLine(chars, a, b, size));
      a = b = next;
      w = pend = 0;
    };
    for (const t of toks) {
      if (t.space) {
        if (b > a) pend += t.w;
        else a = b = t.b; // no spaces at the start of a wrapped line
        continue;
      }
      if (b > a && w + pend + t.w > max) flush(t.a);
      if (t.w <= max - (b > a ? w + pend : 0)) {
        w += pend + t.w;
        pend = 0;
        b = t.b;
        continue;
      }
      // Wider than a line: break inside it, after the last / . - _ that fits (unless that leaves the
      // line nearly empty), else after the last character that fits.
      let i = t.a;
      while (i < t.b) {
        const room = max - (b > a ? w + pend : 0);
        let j = i;
        let used = 0;
        while (j < t.b && used + (chars[j]?.w ?? 0) <= room) used += chars[j++]?.w ?? 0;
        if (j === i) j = i + 1; // a single character wider than the line
        if (j < t.b) {
          for (let k = j; k > i + 1; k--) {
            const prev = chars[k - 1];
            if (prev && SOFT.has(prev.s.codePointAt(0) ?? 0) && widthOf(chars, i, k) >= room * 0.25) {
              j = k;
              break;
            }
          }
        }
        w += pend + widthOf(chars, i, j);
        pend = 0;
        b = j;
        i = j;
        if (i < t.b) flush(i);
      }
    }
    if (b > a || out.length === first) out.push(toLine(chars, a, b, size));
  }
}

function widthOf(chars: Ch[], a: number, b: number): number {
  let w = 0;
  for (let i = a; i < Math.min(b, chars.length); i++) w += chars[i]?.w ?? 0;
  return w;
}

/** chars[a, b) as runs of one face each, at `size`. */
function toLine(chars: Ch[], a: number, b: number, size: number): Line {
  const runs: Run[] = [];
  let width = 0;
  for (let i = a; i < b; i++) {
    const c = chars[i];
    if (!c) continue;
    const last = runs.at(-1);
    if (last && last.face === c.face) {
      last.text += c.s;
      if (c.mark) last.shaped = true;
      last.width += c.w * size;
    } else {
      runs.push({ face: c.face, text: c.s, width: c.w * size, ...(c.mark ? { shaped: true } : {}) });
    }
    width += c.w * size;
  }
  return { runs, width };
}

/** One text object drawing `runs` from `x` on the baseline `baseline` (pdfkit's top-down page
 *  space; the text matrix flips it back so glyphs stand upright): each run's glyph codes in its
 *  face, moved on by the width the layout gave the run before (no second layout in pdfkit). Adds
 *  the faces used to `fonts`, the resources of the page or form the operators go into. */
export function textObject(runs: Run[], x: number, baseline: number, size: number, fonts: Record<string, unknown>): string {
  if (!runs.length) return '';
  let ops = `BT\n1 0 0 -1 ${num(x)} ${num(baseline)} Tm\n`;
  let dx = 0;
  for (const r of runs) {
    fonts[r.face.id] ??= r.face.ref();
    if (dx) ops += `${num(dx)} 0 Td\n`;
    ops += `/${r.face.id} ${num(size)} Tf\n<${r.face.codes(r.text)}> Tj\n`;
    dx = r.width;
  }
  return ops + 'ET';
}
