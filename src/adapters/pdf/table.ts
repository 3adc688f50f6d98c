// Tables drawn line by line (pdfkit's doc.table() neither repeats headers nor keeps rows whole):
// column widths from the model's relative widths, cells wrapped, rows as tall as their content,
// a page break only between rows (with the header row repeated), zebra rows, highlighted rows.
import type { FieldsSection, TableSection } from '../../core/report/model.js';
import { BOTTOM, COLOR, CONTENT_W, LEFT, PAGE, continued, drawLines, heading, type Ctx } from './layout.js';
import { emit, rectFill, segment, strokeOp } from './paint.js';
import { lineHeight, type Line, type Style } from './text.js';

const PAD_X = 4;
const PAD_Y = 3.5;
// Cells are set at 8.5 pt, or a little smaller when a narrow column would otherwise cut words.
const SIZES = [8.5, 8, 7.5];
const cell = (size: number, bold = false): Style => ({ size, weight: bold ? 'bold' : 'regular', lh: 1.4 });

interface Col { x: number; w: number }
interface Row { cells: Line[][]; lines: number; height: number; style: Style; kind: 'head' | 'body' | 'mark' | 'field'; zebra: boolean }

function columns(widths: number[], n: number): Col[] {
  const ws = Array.from({ length: n }, (_, i) => {
    const w = widths[i];
    return w !== undefined && Number.isFinite(w) && w > 0 ? w : 1;
  });
  const total = ws.reduce((a, b) => a + b, 0);
  let x = LEFT;
  return ws.map((w) => {
    const col = { x, w: (CONTENT_W * w) / total };
    x += col.w;
    return col;
  });
}

/** The largest size at which every cell's words fit its column; `bold` says which rows are bold.
 *  Word widths scale with the size: each column's widest word is measured once, at size 1. */
function fitSize(c: Ctx, rows: string[][], cols: Col[], bold: (row: number, col: number) => boolean): number {
  const widest = cols.map((_, ci) => rows.reduce((w, r, ri) => Math.max(w, c.ts.minWidth(r[ci] ?? '', cell(1, bold(ri, ci)))), 0));
  return SIZES.find((size) => cols.every((col, ci) => (widest[ci] ?? 0) * size <= col.w - 2 * PAD_X + 0.01)) ?? SIZES[SIZES.length - 1] ?? 7.5;
}

function layoutRow(c: Ctx, texts: string[], cols: Col[], style: Style, kind: Row['kind'], zebra: boolean): Row {
  const label = kind === 'field' ? { ...style, weight: 'bold' as const } : style;
  const cells = cols.map((col, i) => c.ts.wrap(texts[i] ?? '', col.w - 2 * PAD_X, i === 0 ? label : style));
  const lines = Math.max(1, ...cells.map((l) => l.length));
  return { cells, lines, height: lines * lineHeight(style) + 2 * PAD_Y, style, kind, zebra };
}

/** Draws lines [from, to) of every cell of `row` at the cursor and moves below them. */
function drawRow(c: Ctx, row: Row, cols: Col[], from: number, to: number): void {
  const y = c.pager.y;
  const h = (to - from) * lineHeight(row.style) + 2 * PAD_Y;
  const bg = row.kind === 'head' ? COLOR.headBg : row.kind === 'mark' ? COLOR.highlightBg : row.zebra ? COLOR.zebra : undefined;
  const ops: string[] = [];
  if (bg) ops.push(rectFill(LEFT, y, CONTENT_W, h, bg));
  if (row.kind === 'field' && cols[0]) ops.push(rectFill(cols[0].x, y, cols[0].w, h, COLOR.labelBg));
  if (row.kind === 'mark') ops.push(rectFill(LEFT, y, 2.5, h, COLOR.highlightBar));
  // Hairlines between columns help the eye down long tables.
  if (cols.length > 1) ops.push(strokeOp(row.kind === 'head' ? '#4a5f80' : COLOR.hair, 0.4), ...cols.slice(1).map((col) => segment(col.x, y, col.x, y + h)), 'S');
  emit(c.doc, ops.join('\n'));
  cols.forEach((col, i) => {
    const lines = (row.cells[i] ?? []).slice(from, to);
    const st = row.kind === 'field' && i === 0 ? { ...row.style, weight: 'bold' as const } : row.style;
    const ink = row.kind === 'head' ? COLOR.headInk : row.kind === 'field' && i === 0 ? COLOR.navy : COLOR.ink;
    drawLines(c, lines, col.x + PAD_X, y + PAD_Y, st, ink);
  });
  emit(c.doc, `${strokeOp(row.kind === 'head' ? COLOR.headBg : COLOR.rule, 0.5)} ${segment(LEFT, y + h, LEFT + CONTENT_W, y + h)} S`);
  c.pager.y = y + h;
}

/** Places rows, breaking pages only between them; `again` redraws what a new page starts with. */
function placeRows(c: Ctx, rows: Row[], cols: Col[], again: () => void, againH: number): void {
  const fresh = BOTTOM - PAGE.top - againH;
  for (const row of rows) {
    if (c.pager.y + row.height <= BOTTOM) {
      drawRow(c, row, cols, 0, row.lines);
      continue;
    }
    if (row.height <= fresh) {
      c.pager.newPage();
      again();
      drawRow(c, row, cols, 0, row.lines);
      continue;
    }
    // Taller than a whole page: the one case where a row has to be split, between its lines.
    const lh = lineHeight(row.style);
    let from = 0;
    while (from < row.lines) {
      const fit = Math.floor((BOTTOM - c.pager.y - 2 * PAD_Y) / lh);
      if (fit < 3) {
        c.pager.newPage();
        again();
        continue;
      }
      const to = Math.min(row.lines, from + fit);
      drawRow(c, row, cols, from, to);
      from = to;
    }
  }
}

export function table(c: Ctx, s: TableSection): void {
  const cols = columns(s.widths, s.columns.length);
  const marked = new Set(s.highlight ?? []);
  const size = fitSize(c, [s.columns, ...s.rows], cols, (r) => r === 0 || marked.has(r - 1));
  const head = s.columns.length ? layoutRow(c, s.columns, cols, cell(size, true), 'head', false) : undefined;
  const rows = s.rows.map((r, i) => (marked.has(i) ? layoutRow(c, r, cols, cell(size, true), 'mark', false) : layoutRow(c, r, cols, cell(size), 'body', i % 2 === 1)));
  const headH = head?.height ?? 0;
  if (!rows.length) {
    const st = cell(size);
    heading(c, s.title, headH + lineHeight(st) + 2 * PAD_Y);
    if (head) drawRow(c, head, cols, 0, head.lines);
    c.pager.y = drawLines(c, c.ts.wrap(s.empty ?? '—', CONTENT_W - 2 * PAD_X, st), LEFT + PAD_X, c.pager.y + PAD_Y, st, COLOR.muted) + PAD_Y;
    return;
  }
  heading(c, s.title, headH + Math.min(rows[0]?.height ?? 0, 120));
  if (head) drawRow(c, head, cols, 0, head.lines);
  const again = () => {
    continued(c, s.title);
    if (head) drawRow(c, head, cols, 0, head.lines);
  };
  placeRows(c, rows, cols, again, headH + 16);
}

const SHORT_BLOCK = 160;

/** Key/value pairs: the label column shaded and bold, the values wrapped beside it. */
export function fields(c: Ctx, s: FieldsSection): void {
  const cols = columns([0.3, 0.7], 2);
  const size = fitSize(c, s.rows, cols, (_r, col) => col === 0);
  const rows = s.rows.map((r) => layoutRow(c, r, cols, cell(size), 'field', false));
  // A short block (a reporter, a signature block) is never split: it moves whole to the next page.
  const whole = rows.reduce((h, r) => h + r.height, 0);
  heading(c, s.title, whole <= SHORT_BLOCK ? whole : Math.min(rows[0]?.height ?? 0, 120));
  c.doc.lineWidth(0.5).strokeColor(COLOR.rule).moveTo(LEFT, c.pager.y).lineTo(LEFT + CONTENT_W, c.pager.y).stroke();
  placeRows(c, rows, cols, () => continued(c, s.title), 16);
}
