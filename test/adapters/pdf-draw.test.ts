// The drawing path: lines are written as glyph codes from the cmap, not re-laid out by pdfkit.
// What it draws must read back exactly as laid out, measure as fontkit lays the same text out,
// and number its pages right although pages are written out as they are finished.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Fonts } from '../../src/adapters/pdf/fonts.js';
import { CONTENT_W, TEXT } from '../../src/adapters/pdf/layout.js';
import { Typesetter } from '../../src/adapters/pdf/text.js';
import { renderPdf } from '../../src/adapters/render-pdf.js';
import type { ReportMeta, ReportModel, Section } from '../../src/core/report/model.js';

const missing = ['pdftotext', 'pdfinfo'].filter((cmd) => spawnSync(cmd, ['-v']).error);
const text = (file: string, ...args: string[]) => spawnSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' }).stdout;
const dir = mkdtempSync(join(tmpdir(), 'irbook-pdf-draw-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const META: ReportMeta = {
  template: 'hq', lang: 'ja', timezone: 'Asia/Tokyo', title: '事故報告書', classification: '社外秘', incident: 'INC-20261123-001',
  playbook: { id: 'chat-leak', version: '1.0.0', title: 'チャット' }, responders: ['tanaka'], generatedAt: '2026-11-23T10:00:00+09:00',
  generatedAtText: '2026-11-23 10:00', exercise: false, finished: true, pageLabel: '{page} / {pages} ページ', generatedLabel: '作成',
  subtitle: 'INC-20261123-001', zoneLine: '時刻は日本時間',
} as ReportMeta;
const model = (sections: Section[]): ReportModel => ({ meta: META, sections });

async function setter(lang: 'ja' | 'zh') {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ autoFirstPage: false });
  const fonts = new Fonts(doc, lang);
  return { doc, ts: new Typesetter(doc, fonts) };
}

const MIXED = [
  '上海拠点の张伟から連絡。投稿文は「这是客户名单，请大家注意保密」。evidence/chat-export-7.zip を保全し、法務部と協議した (PC-0142)。',
  '代理店担当者的说明：这些截图已经删除，我们没有再转发。Reviewed by Tanaka on 2026-11-23, 12:40 JST; next check 14:00.',
  'WeChat グループ「華東営業部」から社外メンバー 3 名を退出させ、共有リンク https://example.com/s/AbC-123 を無効化した。',
];

describe('widths', () => {
  // Kerning is left out on purpose (a line is never wider than measured); everything else of a
  // simple script's layout is one glyph per character at its advance width.
  it.each([
    ['ja', '上海拠点の张伟から連絡。投稿文は「这是客户名单」'],
    ['ja', 'Reviewed by Tanaka, 2026-11-23 12:40 (JST)'],
    ['zh', '代理店担当者的说明：这些截图已经删除，我们没有再转发。'],
    ['zh', '込み・𩸽・アイウ ABC xyz 0123'],
  ] as const)('%s %s: the sum of its runs as fontkit lays them out without kerning', async (lang, s) => {
    const { doc, ts } = await setter(lang);
    const [line] = ts.wrap(s, 10_000, { size: 10, weight: 'regular' });
    expect(line?.runs.map((r) => r.text).join('')).toBe(s);
    let want = 0;
    for (const r of line?.runs ?? []) {
      doc.font(r.face.key);
      const fk = (doc as unknown as { _font: { font: { unitsPerEm: number; layout(t: string, f: Record<string, boolean>): { advanceWidth: number; glyphs: unknown[] } } } })._font.font;
      const run = fk.layout(r.text, { kern: false, palt: false });
      expect(run.glyphs).toHaveLength([...r.text].length);
      want += (run.advanceWidth / fk.unitsPerEm) * 10;
    }
    expect(ts.width(s, { size: 10, weight: 'regular' })).toBeCloseTo(want, 6);
    expect(line?.width).toBeCloseTo(want, 6);
  });
});

describe.skipIf(missing.length > 0)('drawn text read back with pdftotext', () => {
  it('gives back every laid-out line of mixed Japanese, Chinese and Latin text, character for character', async () => {
    const file = join(dir, 'mixed.pdf');
    await renderPdf(model([{ kind: 'text', id: 'mixed', title: '経過', paragraphs: MIXED }]), file);
    const { ts } = await setter('ja');
    const want = MIXED.flatMap((p) => ts.wrap(p, CONTENT_W, TEXT).map((l) => l.runs.map((r) => r.text).join('').trim()));
    expect(want.length).toBeGreaterThan(MIXED.length);
    const got = text(file, '-raw').split('\n').map((l) => l.trim());
    for (const l of want) expect(got).toContain(l);
  });

  it('numbers 27 pages "x / 27" without holding them to the end', async () => {
    const rows = Array.from({ length: 935 }, (_, i) => [String(i + 1), `2026-11-23 10:${String(i % 60).padStart(2, '0')}`, `端末 PC-${i} のチャット履歴を確認。这是第${i}条。`]);
    const file = join(dir, 'pages.pdf');
    // Each finished page is flushed when the next one is added, not all of them at the end.
    const { default: PDFDocument } = await import('pdfkit');
    const flushes = vi.spyOn(PDFDocument.prototype as unknown as { flushPages(): void }, 'flushPages');
    const r = await renderPdf(model([{ kind: 'table', id: 'rows', title: '時系列', columns: ['#', '日時', '内容'], widths: [0.5, 2, 6], rows }]), file);
    expect(r.pages).toBe(27);
    expect(flushes.mock.calls.length).toBeGreaterThanOrEqual(27);
    flushes.mockRestore();
    expect(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout).toMatch(/^Pages:\s+27$/m);
    for (const p of [1, 3, 14, 27]) {
      const page = text(file, '-layout', '-f', String(p), '-l', String(p));
      expect(page, `page ${p}`).toContain(`${p} / 27 ページ`);
      expect(page.match(/\d+ \/ \d+ ページ/g), `page ${p}`).toHaveLength(1);
    }
  });

  it('shapes only a run with combining marks: decomposed kana still draw and read back', async () => {
    const file = join(dir, 'nfd.pdf');
    const nfd = 'ファイル名 か\u3099いこく.zip を保全';
    await renderPdf(model([{ kind: 'text', id: 'nfd', title: 'メモ', paragraphs: [nfd] }]), file);
    expect(text(file, '-raw').normalize('NFC')).toContain(nfd.normalize('NFC'));
  });
});
