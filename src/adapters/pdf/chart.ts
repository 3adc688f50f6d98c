// The stage chart as vectors: one horizontal bar per stage on a time axis from axis.start to
// axis.end; a stage still open runs to the axis end, lighter and hatched, with an arrow.
import type { ChartSection } from '../../core/report/model.js';
import { BOTTOM, COLOR, CONTENT_W, LEFT, PAGE, RIGHT, continued, drawLines, heading, type Ctx } from './layout.js';
import { lineHeight, type Style } from './text.js';

const LABEL: Style = { size: 8.5, weight: 'regular', lh: 1.3 };
const AXIS: Style = { size: 7.5, weight: 'regular' };
const ROW_H = 24;
const BAR_H = 11;

export function chart(c: Ctx, s: ChartSection): void {
  const { doc, ts } = c;
  const labelW = CONTENT_W * 0.3;
  const plotX = LEFT + labelW + 10;
  const plotW = RIGHT - 6 - plotX;
  const t0 = Date.parse(s.axis.start);
  const t1 = Date.parse(s.axis.end);
  const span = Number.isFinite(t0) && Number.isFinite(t1) && t1 > t0 ? t1 - t0 : 1;
  const xAt = (iso: string | undefined): number => {
    const t = iso === undefined ? NaN : Date.parse(iso);
    if (!Number.isFinite(t) || !Number.isFinite(t0)) return plotX + plotW;
    return plotX + plotW * Math.min(1, Math.max(0, (t - t0) / span));
  };

  // The axis texts above the plot: start at the left, end at the right, stacked if they would meet.
  const startL = ts.clamp(s.axis.startText, plotW, AXIS, 1);
  const endL = ts.clamp(s.axis.endText, plotW, AXIS, 1);
  const stacked = (startL[0]?.width ?? 0) + (endL[0]?.width ?? 0) + 12 > plotW;
  const axisH = lineHeight(AXIS) * (stacked ? 2 : 1) + 6;
  const axisTop = () => {
    const y = c.pager.y;
    drawLines(c, startL, plotX, y, AXIS, COLOR.muted);
    drawLines(c, endL, plotX, y + (stacked ? lineHeight(AXIS) : 0), AXIS, COLOR.muted, 'right', plotW);
    c.pager.y = y + axisH;
    tick(c, plotX, plotW);
  };

  if (!s.bars.length) {
    heading(c, s.title, lineHeight(LABEL));
    c.pager.y = drawLines(c, ts.wrap(s.empty ?? '—', CONTENT_W, LABEL), LEFT, c.pager.y, LABEL, COLOR.muted);
    return;
  }
  // The whole chart on one page when it fits on one; otherwise at least its first three bars.
  const whole = axisH + s.bars.length * ROW_H + 4;
  heading(c, s.title, whole <= BOTTOM - PAGE.top - 40 ? whole : axisH + 3 * ROW_H);
  axisTop();
  s.bars.forEach((bar, i) => {
    if (c.pager.need(ROW_H + 4)) {
      continued(c, s.title);
      axisTop();
    }
    const y = c.pager.y;
    if (i % 2 === 0) doc.rect(LEFT, y, CONTENT_W, ROW_H).fill(COLOR.zebra);
    // Quarter grid lines, so a reader can tell roughly when each stage began and ended.
    const gx = (q: number) => plotX + (plotW * q) / 4;
    doc.lineWidth(0.4).strokeColor(COLOR.rule);
    for (const q of [1, 2, 3]) doc.moveTo(gx(q), y).lineTo(gx(q), y + ROW_H);
    doc.dash(2, { space: 2 }).stroke().undash();
    for (const q of [0, 4]) doc.moveTo(gx(q), y).lineTo(gx(q), y + ROW_H);
    doc.stroke();
    const label = ts.clamp(bar.label, labelW - 4, LABEL, 2);
    drawLines(c, label, LEFT + 4, y + (ROW_H - label.length * lineHeight(LABEL)) / 2, LABEL, COLOR.ink);

    // A stage without a readable start has no bar; its label still says it was entered.
    if (Number.isFinite(Date.parse(bar.start))) {
      const x0 = xAt(bar.start);
      const x1 = bar.end === undefined ? plotX + plotW : Math.max(xAt(bar.end), x0);
      const w = Math.max(2.5, x1 - x0);
      const by = y + (ROW_H - BAR_H) / 2;
      if (bar.end !== undefined) doc.rect(x0, by, w, BAR_H).fill(COLOR.bar);
      else openBar(c, x0, by, w);
    }
    c.pager.y = y + ROW_H;
  });
  doc.lineWidth(0.8).strokeColor(COLOR.muted).moveTo(plotX, c.pager.y).lineTo(plotX + plotW, c.pager.y).stroke();
  c.pager.y += 4;
}

/** The axis line with end ticks, under the axis texts. */
function tick(c: Ctx, x: number, w: number): void {
  const y = c.pager.y - 2;
  c.doc.lineWidth(0.8).strokeColor(COLOR.muted).moveTo(x, y).lineTo(x + w, y).stroke();
  c.doc.moveTo(x, y - 3).lineTo(x, y).moveTo(x + w, y - 3).lineTo(x + w, y).stroke();
}

/** A stage still open: light fill, diagonal hatching clipped to the bar, dashed outline, arrowhead. */
function openBar(c: Ctx, x: number, y: number, w: number): void {
  const { doc } = c;
  doc.rect(x, y, w, BAR_H).fill(COLOR.barOpen);
  doc.save();
  doc.rect(x, y, w, BAR_H).clip();
  doc.lineWidth(0.8).strokeColor(COLOR.bar);
  for (let hx = x - BAR_H; hx < x + w; hx += 5) doc.moveTo(hx, y + BAR_H).lineTo(hx + BAR_H, y).stroke();
  doc.restore();
  doc.lineWidth(0.8).strokeColor(COLOR.bar).dash(2.5, { space: 1.5 }).rect(x, y, w, BAR_H).stroke().undash();
  const tip = x + w + 5;
  doc.polygon([x + w, y - 2], [tip, y + BAR_H / 2], [x + w, y + BAR_H + 2]).fill(COLOR.bar);
}
