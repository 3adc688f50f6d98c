// Page geometry, colours, and the cursor that moves down the pages. Every block asks for the room
// it needs before drawing, so nothing is ever drawn into the footer or cut at a page end.
import type { ReportMeta } from '../../core/report/model.js';
import type { Doc } from './doc.js';
import { fillOp } from './paint.js';
import { baselineOffset, lineHeight, type Line, type Style, type Typesetter } from './text.js';

/** A4 in points, with room above and below the body for the header and footer. */
export const PAGE = { width: 595.28, height: 841.89, left: 46, right: 46, top: 72, bottom: 56 } as const;
export const LEFT = PAGE.left;
export const RIGHT = PAGE.width - PAGE.right;
export const CONTENT_W = RIGHT - LEFT;
export const BOTTOM = PAGE.height - PAGE.bottom;

export const COLOR = {
  ink: '#1f2933', muted: '#5f6b7a', faint: '#8a94a3', navy: '#23395b', rule: '#c9d1dc', hair: '#e3e8ef',
  zebra: '#f4f6f9', labelBg: '#eef1f5', headBg: '#23395b', headInk: '#ffffff',
  mark: '#c62828', classification: '#a61b1b', highlightBg: '#fff1e0', highlightBar: '#e8590c',
  noticeBg: '#fff6d6', noticeRule: '#d9a400', noticeInk: '#6b4a00', bar: '#3d6fb6', barOpen: '#cfdcef',
} as const;

export const TEXT: Style = { size: 9.5, weight: 'regular', lh: 1.6 };
export const HEADING: Style = { size: 12, weight: 'bold', lh: 1.3 };

export interface Ctx { doc: Doc; ts: Typesetter; meta: ReportMeta; pager: Pager }

export class Pager {
  y: number = PAGE.top;
  pages = 0;
  /** `decorate` draws under a new page's content, `finish` over a page's content once it is done
   *  (and is called by the renderer for the last page). */
  constructor(private readonly doc: Doc, private readonly decorate: () => void, readonly finish: () => void) {}

  newPage(): void {
    if (this.pages) this.finish();
    this.doc.addPage();
    this.pages++;
    this.decorate();
    this.y = PAGE.top;
  }

  get room(): number {
    return BOTTOM - this.y;
  }

  /** Starts a new page unless `h` points still fit on this one; true when it did. */
  need(h: number): boolean {
    if (this.y + h <= BOTTOM || this.y === PAGE.top) return false;
    this.newPage();
    return true;
  }
}

/** Draws lines top-down from `y` in `st`, in `color`; returns the y below them. */
export function drawLines(c: Ctx, lines: Line[], x: number, y: number, st: Style, color: string, align: 'left' | 'right' | 'center' = 'left', width = 0): number {
  const lh = lineHeight(st);
  const placed = lines.map((line, i) => {
    const dx = align === 'right' ? width - line.width : align === 'center' ? (width - line.width) / 2 : 0;
    return { line, x: x + dx, baseline: y + i * lh + baselineOffset(st) };
  });
  if (placed.length) c.ts.drawAll(placed, st.size, fillOp(color));
  return y + lines.length * lh;
}

/** A section title, kept on the same page as the first `keep` points of what follows it. */
export function heading(c: Ctx, title: string, keep: number): void {
  // An untitled part continues the section above it (its intro text): no second heading.
  if (!title) return;
  const lines = c.ts.wrap(title, CONTENT_W - 10, HEADING);
  const h = lines.length * lineHeight(HEADING);
  if (c.pager.y > PAGE.top) c.pager.y += 14;
  c.pager.need(h + 6 + keep);
  c.doc.rect(LEFT, c.pager.y + 2, 3, h - 4).fill(COLOR.navy);
  c.pager.y = drawLines(c, lines, LEFT + 9, c.pager.y, HEADING, COLOR.navy) + 6;
}

/** The section title again, small, at the top of a page a table or chart continues on. */
export function continued(c: Ctx, title: string): void {
  const st: Style = { size: 8, weight: 'regular' };
  const lines = c.ts.clamp(title, CONTENT_W, st, 1);
  c.pager.y = drawLines(c, lines, LEFT, c.pager.y, st, COLOR.faint) + 3;
}

/** Paragraphs of a text section, breaking pages between lines. */
export function paragraphs(c: Ctx, title: string, paras: string[]): void {
  const sets = paras.filter((p) => p.trim() !== '').map((p) => c.ts.wrap(p, CONTENT_W, TEXT));
  const lh = lineHeight(TEXT);
  heading(c, title, Math.min(2, sets[0]?.length ?? 1) * lh);
  sets.forEach((lines, i) => {
    if (i > 0) c.pager.y += 5;
    // Two lines together at least, so a paragraph does not leave a single line behind.
    c.pager.need(Math.min(2, lines.length) * lh);
    for (const l of lines) {
      c.pager.need(lh);
      c.pager.y = drawLines(c, [l], LEFT, c.pager.y, TEXT, COLOR.ink);
    }
  });
}
