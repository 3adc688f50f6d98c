// A short key/value block (the reporter of the HQ report, a signature block) is never split by a
// page break: wherever the text above it ends, its rows are read back from one page.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/adapters/render-pdf.js';
import type { ReportModel } from '../../src/core/report/model.js';

const missing = spawnSync('pdftotext', ['-v']).error !== undefined;
const base = JSON.parse(readFileSync('test/fixtures/report-model.ja.json', 'utf8')) as ReportModel;
const dir = mkdtempSync(join(tmpdir(), 'irbook-keep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROWS = [['事業者名', 'ROW-ONE'], ['報告者', 'ROW-TWO'], ['電話番号・メール', 'ROW-THREE']] as [string, string][];

// Lines of text above the block: room to spare (20, 34: on the next page), or a page ending inside it (27, 28).
describe.skipIf(missing)('a short fields block after text of any length', () => {
  it.each([20, 26, 27, 28, 29, 34])('%i lines above: every row on one page', async (lines) => {
    const model: ReportModel = {
      meta: base.meta,
      sections: [
        { kind: 'text', id: 'status', title: '2. 対応状況', paragraphs: Array.from({ length: lines }, (_, i) => `行 ${i + 1}`) },
        { kind: 'fields', id: 'reporter', title: '4. 報告者', rows: ROWS },
      ],
    };
    const file = join(dir, `${lines}.pdf`);
    const { pages } = await renderPdf(model, file);
    const text = Array.from({ length: pages }, (_, p) => spawnSync('pdftotext', ['-f', String(p + 1), '-l', String(p + 1), file, '-'], { encoding: 'utf8' }).stdout);
    const on = ROWS.map(([, v]) => text.findIndex((t) => t.includes(v)));
    expect(on[0]).toBeGreaterThanOrEqual(0);
    expect(on).toEqual([on[0], on[0], on[0]]);
    expect(text[on[0]!]).toContain('4. 報告者');
  });
});
