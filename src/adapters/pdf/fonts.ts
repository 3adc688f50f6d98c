// The PDF's fonts: Noto Sans JP and SC as TTF (pdfkit 0.20 embeds WOFF2 broken), picked
// by the report's language, with a per-character fallback because pdfkit has none: a Japanese
// report draws simplified hanzi with SC, a Chinese one Japanese-only characters with JP, and what
// neither has with Helvetica. pdfkit subsets every embedded TTF to the glyphs used.
import { join } from 'node:path';
import type { Lang } from '../../core/i18n/lang.js';
import { PACKAGE_ROOT } from '../dirs.js';
import type { Doc } from './doc.js';
import { cachedFont, inflatedFont } from './font-files.js';

// Only the four faces drawn ship, gzipped, in fonts/ (put there by the build from the Google
// Fonts packages, with their OFL licence: scripts/copy-fonts.js), inflated through a cache.
const FILES = {
  jp: 'NotoSansJP-Regular.ttf.gz',
  'jp-bold': 'NotoSansJP-Bold.ttf.gz',
  sc: 'NotoSansSC-Regular.ttf.gz',
  'sc-bold': 'NotoSansSC-Bold.ttf.gz',
} as const;
type Noto = keyof typeof FILES;
export type Weight = 'regular' | 'bold';

// The faces are 5–11 MB each: read once per process, and only the ones a report needs.
const bytes = new Map<Noto, Buffer>();
const fontFile = (name: Noto) => join(PACKAGE_ROOT, 'fonts', FILES[name]);
function fontBytes(name: Noto): Buffer {
  let b = bytes.get(name);
  if (!b) {
    b = inflatedFont(fontFile(name));
    bytes.set(name, b);
  }
  return b;
}

// Reads started before drawing (while the journal is read and the model built), awaited by
// facesRead before the first page.
const reading = new Map<Noto, Promise<void>>();

/** Starts reading the regular and bold faces of both languages from the font cache in the
 *  background (a ja + zh report draws both); a face not cached is read when first drawn. */
export function readFacesEarly(): void {
  for (const name of Object.keys(FILES) as Noto[]) {
    if (bytes.has(name) || reading.has(name)) continue;
    reading.set(name, cachedFont(fontFile(name)).then((b) => {
      if (b && !bytes.has(name)) bytes.set(name, b);
    }));
  }
}

/** Waits for the reads readFacesEarly started. */
export async function facesRead(): Promise<void> {
  await Promise.all(reading.values());
}

/** The few fontkit members used; pdfkit keeps the fontkit font of an embedded font as `.font`. */
interface Fontkit {
  unitsPerEm: number;
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): { id: number };
  /** The decoded hmtx table: advances of the first `length` glyphs; later ones repeat the last. */
  hmtx: { metrics: { length: number; get(i: number): { advance: number } | undefined } };
}

/** The pdfkit font object behind a face (its `_font` after `doc.font(key)`): an embedded TrueType
 *  font with its subset, widths and glyph→Unicode table, or a standard font with its own encoding. */
interface PdfFont {
  id: string;
  ref(): unknown;
  font?: Fontkit;
  subset?: { includeGlyph(gid: number): number };
  widths?: (number | undefined)[];
  unicode?: (number[] | undefined)[];
  scale?: number;
  encode(text: string): [string[], unknown];
}

// Helvetica is pdfkit's built-in (WinAnsi) font: Latin-1 and a few typographic signs.
const WIN_ANSI_EXTRA = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((c) => c.codePointAt(0)));
const winAnsi = (cp: number) => (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(cp);

/** One font as pdfkit knows it (`key`), with glyph coverage, advance widths per point of size, and
 *  the glyph codes a content stream draws a string with. */
export class Face {
  private readonly widths = new Map<number, number>();
  private readonly glyphHex = new Map<number, string>();
  private readonly fk: Fontkit | undefined;
  constructor(readonly key: string, private readonly doc: Doc, private readonly pdf: PdfFont) {
    // A standard font's `.font` is its AFM metrics, not fontkit: only an embedded font has a subset.
    this.fk = pdf.subset ? pdf.font : undefined;
  }

  /** pdfkit's name for this font in a page's resources (F1, F2, …). */
  get id(): string {
    return this.pdf.id;
  }

  has(cp: number): boolean {
    return this.fk ? this.fk.hasGlyphForCodePoint(cp) : winAnsi(cp);
  }

  /** Advance width of one character at size 1. Kerning is left out: it only ever narrows a line a little. */
  advance(cp: number): number {
    let w = this.widths.get(cp);
    if (w === undefined) {
      w = this.fk
        ? this.hAdvance(this.fk, this.fk.glyphForCodePoint(cp).id) / this.fk.unitsPerEm
        : this.doc.font(this.key, 1000).widthOfString(String.fromCodePoint(cp)) / 1000;
      this.widths.set(cp, w);
    }
    return w;
  }

  /** A glyph's advance straight from hmtx, as fontkit's `advanceWidth` has it for these static
   *  faces: that getter also works out vertical metrics, decoding the glyph's outline each time. */
  private hAdvance(fk: Fontkit, gid: number): number {
    const m = fk.hmtx.metrics;
    return m.get(Math.min(gid, m.length - 1))?.advance ?? 0;
  }

  /** The font's reference, for a resource dictionary. */
  ref(): unknown {
    return this.pdf.ref();
  }

  /** The hex glyph codes of `text` for a `<…> Tj`, one glyph per character through the cmap (no
   *  shaping), each glyph added to the font's subset with its width and the character it stands for
   *  (the ToUnicode map pdftotext and copy/paste read). */
  codes(text: string): string {
    if (!this.fk) return this.pdf.encode(text)[0].join('');
    const { subset, widths, unicode, scale } = this.pdf;
    if (!subset || !widths || !unicode || scale === undefined) throw new Error(`${this.key} is not an embedded font`);
    let hex = '';
    for (const c of text) {
      const cp = c.codePointAt(0) ?? 0;
      let h = this.glyphHex.get(cp);
      if (h === undefined) {
        const g = this.fk.glyphForCodePoint(cp);
        const gid = subset.includeGlyph(g.id);
        widths[gid] ??= this.hAdvance(this.fk, g.id) * scale;
        unicode[gid] ??= [cp];
        h = gid.toString(16).padStart(4, '0');
        this.glyphHex.set(cp, h);
      }
      hex += h;
    }
    return hex;
  }
}

const HELVETICA: Record<Weight, string> = { regular: 'Helvetica', bold: 'Helvetica-Bold' };

/** The fonts of one document: opened when first needed, so a Japanese report without any
 *  simplified hanzi never reads the SC files. */
export class Fonts {
  private readonly faces = new Map<string, Face>();
  private readonly order: ('jp' | 'sc')[];
  private readonly picked: Record<Weight, Map<number, Face>> = { regular: new Map(), bold: new Map() };

  constructor(private readonly doc: Doc, lang: Lang) {
    this.order = lang === 'zh' ? ['sc', 'jp'] : ['jp', 'sc'];
  }

  /** The face that draws `cp` in this weight: the report language's font, then the other Noto,
   *  then Helvetica. Characters nobody has come back as Helvetica; the caller draws them as '?'. */
  pick(cp: number, weight: Weight): Face {
    const cache = this.picked[weight];
    let f = cache.get(cp);
    if (!f) {
      for (const n of this.order) {
        const face = this.noto(n, weight);
        if (face.has(cp)) {
          f = face;
          break;
        }
      }
      f ??= this.face(HELVETICA[weight]);
      cache.set(cp, f);
    }
    return f;
  }

  /** The language's own face in this weight (for spaces and measuring). */
  primary(weight: Weight): Face {
    return this.noto(this.order[0] ?? 'jp', weight);
  }

  private noto(name: 'jp' | 'sc', weight: Weight): Face {
    return this.face(weight === 'bold' ? `${name}-bold` : name);
  }

  private face(key: string): Face {
    let f = this.faces.get(key);
    if (f) return f;
    if (key in FILES) this.doc.registerFont(key, fontBytes(key as Noto));
    this.doc.font(key);
    const pdf = (this.doc as unknown as { _font?: PdfFont })._font;
    if (!pdf || (key in FILES && typeof pdf.font?.hasGlyphForCodePoint !== 'function')) throw new Error(`pdfkit did not open ${key} as a TrueType font`);
    f = new Face(key, this.doc, pdf);
    this.faces.set(key, f);
    return f;
  }
}
