// The journal heads at the foot of the last page, in small text: the incident's heads the report
// was made from, one writer a line, so a person can copy a token to `verify --expect`. (`verify
// --report` reads the same line from the document's Keywords: page text is compressed.)
import { formatHead, type Head } from '../../core/journal/heads.js';
import { BOTTOM, COLOR, CONTENT_W, LEFT, RIGHT, drawLines, type Ctx } from './layout.js';
import { lineHeight, type Style } from './text.js';

const LABEL: Style = { size: 7, weight: 'bold', lh: 1.4 };
const SMALL: Style = { size: 6.5, weight: 'regular', lh: 1.4 };

export function headsBlock(c: Ctx, heads: readonly Head[]): void {
  const { doc, ts, meta, pager } = c;
  const label = ts.wrap(meta.headsLabel ?? '', CONTENT_W, LABEL);
  const sorted = [...heads].sort((a, b) => (a.writer < b.writer ? -1 : a.writer > b.writer ? 1 : 0));
  const lines = [`irbook-heads ${meta.incident}`, ...sorted.map(formatHead)].flatMap((t) => ts.wrap(t, CONTENT_W, SMALL));
  const h = label.length * lineHeight(LABEL) + lines.length * lineHeight(SMALL);
  // Kept whole, at the bottom of the last page (a new one only when the content left no room).
  if (pager.room < h + 16) pager.newPage();
  const top = BOTTOM - h;
  doc.lineWidth(0.5).strokeColor(COLOR.hair).moveTo(LEFT, top - 5).lineTo(RIGHT, top - 5).stroke();
  const y = drawLines(c, label, LEFT, top, LABEL, COLOR.muted);
  pager.y = drawLines(c, lines, LEFT, y, SMALL, COLOR.muted);
}
