// renderPdf on a session-like report of 500 events (Japanese with Chinese quotes) against pdfkit
// drawing the same text in its built-in Helvetica (characters Helvetica lacks replaced by 'x'), in
// the same run. Goal: ≤ 1 s and ≤ 1.5 MB. Run directly: node test/bench/pdf.js [events] (needs npm run build)
import { mkdtempSync, rmSync, statSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib.js';

const ZONE = 'Asia/Tokyo';
const fmt = (ms) => {
  const d = new Date(ms + 9 * 3600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)} (UTC+09:00 ${ZONE})`;
};

const DETAILS = [
  (i) => `scope · persons_affected = ${1200 + i}（申込者名簿の行数から推定。重複を除く前の値）`,
  () => 'preserve-evidence · ✓ 投稿のスクリーンショットを取得した（グループ名・投稿者・日時が写ること）',
  () => '上海拠点の张伟から連絡。投稿文は「这是客户名单，请大家注意保密」。直ちに取り消しを依頼し、誤送信との説明を受けた。',
  () => 'recall · 投稿の取り消し・削除と、社外メンバーの退出を依頼するか → はい (推奨: はい)',
  (i) => `evidence/chat-export-${i}.zip · sha256 9c1e4b7a02f3d8e6… · ${480_000 + i} B`,
  () => '代理店担当者の说明：这些截图已经删除，我们没有再转发。今後の報告文案は法務が確認する。',
  (i) => `端末 PC-${String(i).padStart(4, '0')} のチャット履歴を確認。名簿画像の保存・再転送の形跡なし。`,
];
const TYPES = ['fact.recorded', 'check.done', 'note.added', 'decision.made', 'evidence.added', 'note.added', 'note.added'];

/** A ReportModel shaped like buildReport's HQ report of a session with `n` events. */
export function sessionModel(n = 500) {
  const t0 = Date.parse('2026-11-23T02:05:00Z');
  const at = (i) => t0 + i * 9 * 60_000;
  const rows = Array.from({ length: n }, (_, i) => [String(i + 1), fmt(at(i)), ['tanaka', 'suzuki', 'zhang'][i % 3], TYPES[i % TYPES.length], DETAILS[i % DETAILS.length](i)]);
  const stages = ['検知', '初期対応', '調査・分析', '情報開示・顧客対応', '復旧・再発防止'];
  const end = new Date(at(n)).toISOString();
  return {
    meta: {
      template: 'hq', lang: 'ja', timezone: ZONE, title: 'インシデント報告書（本社向け）', classification: '社外秘・取扱注意',
      incident: 'INC-20261123-001', playbook: { id: 'chat-leak', version: '1.0.0', title: 'チャットツール経由の情報漏えい', commit: '4e1f0c9b2a7d3e8f' },
      responders: ['tanaka', 'suzuki', 'zhang'], generatedAt: end, generatedAtText: fmt(at(n)), exercise: true, exerciseMark: '訓練',
      finished: true, pageLabel: '{page} / {pages} ページ', generatedLabel: '作成',
      subtitle: 'INC-20261123-001 · チャットツール経由の情報漏えい (chat-leak 1.0.0 · 4e1f0c9b2a7d)', zoneLine: '時刻はすべて日本時間（Asia/Tokyo、UTC+09:00）で表記しています。',
    },
    sections: [
      { kind: 'fields', id: 'overview', title: 'インシデントの概要情報', rows: [['インシデント番号', 'INC-20261123-001'], ['対応者', 'tanaka、suzuki、zhang'], ['状態', '終了']] },
      { kind: 'text', id: 'summary', title: '概要', paragraphs: ['個人データの漏えいのおそれ。申込者名簿の写真が社外メンバーを含むグループに投稿された。直ちに取り消しを依頼し、今後の再発防止策の骨子を本社へ提出する。'] },
      {
        kind: 'chart', id: 'stages', title: 'ステージの経過',
        bars: stages.map((label, i) => ({ label, start: new Date(at((n / 5) * i)).toISOString(), ...(i < 4 ? { end: new Date(at((n / 5) * (i + 1))).toISOString() } : {}) })),
        axis: { start: new Date(t0).toISOString(), end, startText: fmt(t0), endText: fmt(at(n)) },
      },
      { kind: 'table', id: 'decisions', title: '判断', columns: ['ステップ', '判断事項', '推奨', '判断', '理由'], widths: [1.2, 3, 1, 1, 3], rows: Array.from({ length: 12 }, (_, i) => [`step-${i}`, '日本本社へ報告するか（这些信息应当报告）', 'はい', i === 5 ? 'いいえ' : 'はい', i === 5 ? '法務と協議の上、個別通知に代える' : '']), highlight: [5] },
      { kind: 'table', id: 'timeline', title: '時系列', columns: ['#', '日時', '担当', 'イベント', '内容'], widths: [0.5, 2.2, 1, 1.6, 5], rows },
    ],
  };
}

// The text a report shows, in the order it shows it.
function texts(model) {
  return model.sections.flatMap((s) => {
    if (s.kind === 'fields') return s.rows.map((r) => r.join('  '));
    if (s.kind === 'text') return s.paragraphs;
    if (s.kind === 'chart') return s.bars.map((b) => b.label);
    return [s.columns, ...s.rows].map((r) => r.join('  |  '));
  });
}

/** The same text with pdfkit alone: Helvetica, pdfkit's own wrapping and page breaks. */
async function helvetica(model, out) {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 46 });
  const done = new Promise((resolve, reject) => doc.pipe(createWriteStream(out)).on('finish', resolve).on('error', reject));
  doc.font('Helvetica').fontSize(8.5);
  for (const t of texts(model)) doc.text(t.replace(/[^\x20-\x7e\xa0-\xff]/gu, 'x'), { width: 503 });
  doc.end();
  await done;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

async function timed(fn, runs = 3) {
  await fn(); // warm-up: imports, font files, JIT
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    await fn();
    times.push(now() - t);
  }
  return median(times);
}

export async function benchPdf(n = 500) {
  const { renderPdf } = await import('../../dist/adapters/render-pdf.js');
  const model = sessionModel(n);
  const dir = mkdtempSync(join(tmpdir(), 'irbook-bench-pdf-'));
  try {
    const out = join(dir, 'report.pdf');
    const base = join(dir, 'helvetica.pdf');
    let t = now();
    const cold = await renderPdf(model, out);
    const coldMs = now() - t;
    t = now();
    let pages = cold.pages;
    const renderMs = await timed(async () => { pages = (await renderPdf(model, out)).pages; });
    const helveticaMs = await timed(() => helvetica(model, base));
    return { events: n, pages, coldMs, renderMs, sizeKB: statSync(out).size / 1024, helveticaMs, helveticaKB: statSync(base).size / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await benchPdf(Number(process.argv[2] ?? 500));
  console.log(`renderPdf, ${r.events} events, ${r.pages} pages: ${r.renderMs.toFixed(0)} ms (median of 3 after a warm-up), ${r.sizeKB.toFixed(0)} KB`);
  console.log(`  first render in this process (pdfkit import + font files): ${r.coldMs.toFixed(0)} ms`);
  console.log(`pdfkit + Helvetica, same text:  ${r.helveticaMs.toFixed(0)} ms, ${r.helveticaKB.toFixed(0)} KB`);
  console.log(`goal ≤ 1000 ms and ≤ 1536 KB: ${r.renderMs <= 1000 && r.sizeKB <= 1536 ? 'met' : 'NOT met'}`);
}
