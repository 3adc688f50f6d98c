// What every page carries: the header (incident id, report title, classification, a small
// exercise badge), the large translucent exercise mark, and the footer with the generated-at time
// and "page x / y". Also the first page's title block and the notice of an unfinished session.
import { COLOR, CONTENT_W, LEFT, PAGE, RIGHT, drawLines, type Ctx } from './layout.js';
import { baselineOffset, lineHeight, textObject, type Style } from './text.js';

const HEAD_ID: Style = { size: 9.5, weight: 'bold', lh: 1.3 };
const HEAD_TITLE: Style = { size: 8, weight: 'regular', lh: 1.3 };
const HEAD_CLASS: Style = { size: 9, weight: 'bold', lh: 1.3 };
const BADGE: Style = { size: 8, weight: 'bold', lh: 1.3 };
const FOOT: Style = { size: 7.5, weight: 'regular' };
const TITLE: Style = { size: 17, weight: 'bold', lh: 1.35 };
const SUB: Style = { size: 8.5, weight: 'regular' };
const NOTICE: Style = { size: 9.5, weight: 'bold', lh: 1.5 };

/** Drawn first on every new page, so the watermark lies under the page's content. */
export function decorate(c: Ctx): void {
  if (marks(c.meta)) watermark(c);
  header(c);
}

/** 下書き and 訓練 together when both apply: a drill's draft is still a draft. */
const marks = (m: Ctx['meta']): string => [m.draftMark, m.exercise ? m.exerciseMark || 'EXERCISE' : undefined].filter(Boolean).join(' ');

function header(c: Ctx): void {
  const { doc, ts, meta } = c;
  const top = 22;
  // Right: classification, and the exercise badge to its left.
  const cls = ts.clamp(meta.classification, CONTENT_W * 0.4, HEAD_CLASS, 1)[0];
  let rightX = RIGHT - (cls?.width ?? 0);
  if (cls) drawLines(c, [cls], rightX, top, HEAD_CLASS, COLOR.classification);
  if (marks(meta)) {
    const mark = ts.clamp(marks(meta), 160, BADGE, 1)[0];
    if (mark) {
      const w = mark.width + 10;
      const x = rightX - w - (cls ? 8 : 0);
      doc.roundedRect(x, top + 0.5, w, lineHeight(BADGE) + 1, 2).fill(COLOR.mark);
      drawLines(c, [mark], x + 5, top + 1, BADGE, '#ffffff');
      rightX = x;
    }
  }
  // Left: incident id, and the report title under it.
  const leftW = rightX - LEFT - 12;
  drawLines(c, ts.clamp(meta.incident, leftW, HEAD_ID, 1), LEFT, top, HEAD_ID, COLOR.navy);
  drawLines(c, ts.clamp(meta.title, CONTENT_W, HEAD_TITLE, 1), LEFT, top + lineHeight(HEAD_ID), HEAD_TITLE, COLOR.muted);
  const ruleY = top + lineHeight(HEAD_ID) + lineHeight(HEAD_TITLE) + 4;
  doc.lineWidth(0.8).strokeColor(COLOR.navy).moveTo(LEFT, ruleY).lineTo(RIGHT, ruleY).stroke();
}

/** The big mark across the page, rotated and translucent. */
function watermark(c: Ctx): void {
  const { doc, ts, meta } = c;
  const text = marks(meta);
  const at1 = ts.width(text, { size: 1, weight: 'bold' });
  const size = Math.min(180, 520 / Math.max(at1, 0.1));
  const st: Style = { size, weight: 'bold', lh: 1 };
  const line = ts.clamp(text, 10_000, st, 1)[0];
  if (!line) return;
  const cx = PAGE.width / 2;
  const cy = PAGE.height / 2;
  doc.save();
  doc.rotate(-35, { origin: [cx, cy] });
  doc.fillColor(COLOR.mark, 0.1);
  ts.draw(line, cx - line.width / 2, cy + size * 0.36, size);
  doc.restore();
  doc.fillOpacity(1);
}

const FOOT_Y = PAGE.height - 38;
const LABEL_W = CONTENT_W * 0.3;

// A page's "x / y" label is a form XObject the page calls, written once the page count is known:
// pages are written out as they are finished, not held in memory to the end (pdfkit's bufferPages).
interface Form { data: Record<string, unknown>; end(chunk: string): void }
const labels = new WeakMap<Ctx, Form[]>();

/** Drawn when a page is done: the rule, the generated-at time, and the call of the page's label. */
export function footer(c: Ctx): void {
  const { doc, ts, meta } = c;
  doc.lineWidth(0.5).strokeColor(COLOR.rule).moveTo(LEFT, FOOT_Y - 6).lineTo(RIGHT, FOOT_Y - 6).stroke();
  const left = `${meta.generatedLabel} ${meta.generatedAtText}`.trim();
  drawLines(c, ts.clamp(left, CONTENT_W * 0.68, FOOT, 1), LEFT, FOOT_Y, FOOT, COLOR.muted);
  const form = doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, PAGE.width, PAGE.height] }) as unknown as Form;
  const forms = labels.get(c) ?? [];
  labels.set(c, forms);
  forms.push(form);
  const name = `Pg${forms.length}`;
  (doc as unknown as { page: { xobjects: Record<string, unknown> } }).page.xobjects[name] = form;
  doc.fillColor(COLOR.ink);
  doc.addContent(`/${name} Do`);
}

/** After layout: the "page x / y" label of every page, right-aligned in its corner of the footer. */
export function pageLabels(c: Ctx): void {
  const { ts, meta } = c;
  const forms = labels.get(c) ?? [];
  forms.forEach((form, i) => {
    const label = meta.pageLabel.replaceAll('{page}', String(i + 1)).replaceAll('{pages}', String(forms.length));
    const line = ts.clamp(label, LABEL_W, FOOT, 1)[0];
    const fonts: Record<string, unknown> = {};
    const ops = line ? textObject(line.runs, RIGHT - line.width, FOOT_Y + baselineOffset(FOOT), FOOT.size, fonts) : '';
    form.data.Resources = { Font: fonts };
    form.end(ops);
  });
}

/** The first page: the report title, the playbook line, and the unfinished notice when there is one. */
export function titleBlock(c: Ctx): void {
  const { ts, meta, pager } = c;
  pager.y = drawLines(c, ts.wrap(meta.title, CONTENT_W, TITLE), LEFT, pager.y, TITLE, COLOR.navy);
  pager.y = drawLines(c, ts.wrap(meta.subtitle, CONTENT_W, SUB), LEFT, pager.y + 2, SUB, COLOR.muted);
  pager.y = drawLines(c, ts.wrap(meta.zoneLine, CONTENT_W, SUB), LEFT, pager.y + 1, SUB, COLOR.muted) + 4;
  if (!meta.finished && meta.unfinishedNotice) notice(c, meta.unfinishedNotice);
}

function notice(c: Ctx, text: string): void {
  const { doc, ts, pager } = c;
  const pad = 9;
  const lines = ts.wrap(text, CONTENT_W - 2 * pad - 6, NOTICE);
  const h = lines.length * lineHeight(NOTICE) + 2 * pad;
  const y = pager.y + 6;
  doc.rect(LEFT, y, CONTENT_W, h).fill(COLOR.noticeBg);
  doc.rect(LEFT, y, 4, h).fill(COLOR.noticeRule);
  doc.lineWidth(0.8).strokeColor(COLOR.noticeRule).rect(LEFT, y, CONTENT_W, h).stroke();
  drawLines(c, lines, LEFT + pad + 6, y + pad, NOTICE, COLOR.noticeInk);
  pager.y = y + h + 4;
}
