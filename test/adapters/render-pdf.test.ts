// The PDF renderer, checked by what poppler reads back from the files: the text of every page,
// the embedded fonts, the metadata, and that the pages render. Needs poppler-utils (.ci/run
// installs it); without it those tests are skipped and say why.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fonts } from '../../src/adapters/pdf/fonts.js';
import { Typesetter, type Line } from '../../src/adapters/pdf/text.js';
import { renderPdf, type PdfResult } from '../../src/adapters/render-pdf.js';
import type { ReportModel, TableSection } from '../../src/core/report/model.js';
import { formatHeads, parseHeads, type Head } from '../../src/core/journal/heads.js';

const fixture = (lang: 'ja' | 'zh'): ReportModel =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/report-model.${lang}.json`, import.meta.url)), 'utf8')) as ReportModel;
// The journal heads the report command adds to every model (two writers).
const HEADS: Head[] = [{ writer: 'zhang@sh-01', seq: 42, hash: '9f3c'.repeat(16) }, { writer: 'li.wei@tokyo', seq: 7, hash: '0ab1'.repeat(16) }];
const HEADS_LABEL = { ja: 'ジャーナルの検証値', zh: '日志校验值' } as const;
const withHeads = (lang: 'ja' | 'zh'): ReportModel => {
  const m = fixture(lang);
  return { ...m, meta: { ...m.meta, headsLabel: HEADS_LABEL[lang] }, heads: HEADS };
};

const missing = ['pdftotext', 'pdffonts', 'pdftoppm', 'pdfinfo'].filter((cmd) => spawnSync(cmd, ['-v']).error);
const why = missing.length ? ` — SKIPPED: ${missing.join(', ')} not found (apt-get install poppler-utils)` : '';

function run(cmd: string, args: string[]): { out: string; err: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { out: r.stdout, err: r.stderr };
}
const flat = (s: string) => s.replace(/\s+/g, '');
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const tableOf = (m: ReportModel, id: string) => m.sections.find((s): s is TableSection => s.kind === 'table' && s.id === id);

interface Rendered { model: ReportModel; file: string; result: PdfResult; progress: [number, number][]; layout: string[]; raw: string[] }

const CASES = {
  ja: {
    words: ['漏えい', '込', '直', '骨', '角', '今', '令', '誤'],
    override: '社外の閲覧者 2 名は既に削除を確認済みで、二次被害のおそれが低いため、本人への個別通知に代える（法務・広報と協議済み）',
    fonts: ['NotoSansJP-Regular', 'NotoSansJP-Bold', 'NotoSansSC-Regular'],
  },
  zh: {
    words: ['泄露', '这', '们', '发', '说', '报', '应'],
    override: '名单涉及未成年人报名信息，属敏感个人信息，按较大事件从严报告',
    fonts: ['NotoSansSC-Regular', 'NotoSansSC-Bold', 'NotoSansJP-Regular'],
  },
} as const;

describe.skipIf(missing.length > 0)(`renderPdf, read back with poppler${why}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'irbook-pdf-'));
  const docs = {} as Record<'ja' | 'zh', Rendered>;

  beforeAll(async () => {
    for (const lang of ['ja', 'zh'] as const) {
      const model = withHeads(lang);
      const file = join(dir, `${lang}.pdf`);
      const progress: [number, number][] = [];
      const result = await renderPdf(model, file, { onProgress: (d, t) => progress.push([d, t]) });
      const pages = Array.from({ length: result.pages }, (_, i) => i + 1);
      const text = (mode: string, p: number) => run('pdftotext', [mode, '-f', String(p), '-l', String(p), file, '-']).out;
      docs[lang] = { model, file, result, progress, layout: pages.map((p) => text('-layout', p)), raw: pages.map((p) => text('-raw', p)) };
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe.each(['ja', 'zh'] as const)('%s fixture', (lang) => {
    const d = () => docs[lang];
    const want = CASES[lang];

    it('reports its pages and size, and progress once per section', () => {
      const { result, file, progress, model } = d();
      expect(result.pages).toBeGreaterThanOrEqual(5);
      expect(result.bytes).toBe(statSync(file).size);
      expect(progress).toHaveLength(model.sections.length);
      expect(progress.at(-1)).toEqual([model.sections.length, model.sections.length]);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });

    it('extracts the test strings, the override reason and the clock rows', () => {
      const all = d().layout.join('\n');
      for (const w of want.words) expect(all).toContain(w);
      // Wrapped cells come out line by line; -raw keeps a cell's lines together.
      const raw = flat(d().raw.join('\n'));
      expect(raw).toContain(flat(want.override));
      const clocks = tableOf(d().model, 'clocks');
      expect(clocks?.rows.length).toBeGreaterThanOrEqual(2);
      for (const row of clocks?.rows ?? []) expect(raw).toContain(flat(row.join('')));
    });

    it('puts the incident id, "page x / y" and the classification on every page', () => {
      const { layout, model } = d();
      layout.forEach((text, i) => {
        const label = model.meta.pageLabel.replace('{page}', String(i + 1)).replace('{pages}', String(layout.length));
        expect(text, `page ${i + 1}`).toContain(model.meta.incident);
        expect(text, `page ${i + 1}`).toContain(label);
        expect(text, `page ${i + 1}`).toMatch(new RegExp(`\\b${i + 1} / ${layout.length}\\b`));
        expect(flat(text), `page ${i + 1}`).toContain(flat(model.meta.classification));
        expect(flat(text), `page ${i + 1}`).toContain(flat(model.meta.generatedAtText));
      });
    });

    it('stamps an exercise on every page, and only an exercise', () => {
      const { layout, model } = d();
      const mark = model.meta.exerciseMark ?? '';
      if (model.meta.exercise) {
        expect(mark).not.toBe('');
        layout.forEach((text, i) => expect(text, `page ${i + 1}`).toContain(mark));
      } else {
        for (const m of ['訓練', '演练', 'EXERCISE']) expect(layout.join('\n')).not.toContain(m);
      }
    });

    it('shows the unfinished notice on the first page only', () => {
      const { raw, model } = d();
      const notice = flat(model.meta.unfinishedNotice ?? '');
      if (model.meta.finished) return;
      expect(flat(raw[0] ?? '')).toContain(notice);
      for (const p of raw.slice(1)) expect(flat(p)).not.toContain(notice);
    });

    it('embeds the Noto fonts as subsets and needs no other font', () => {
      const lines = run('pdffonts', [d().file]).out.split('\n').slice(2).filter(Boolean);
      for (const name of want.fonts) {
        const line = lines.find((l) => l.includes(`+${name}`));
        expect(line, name).toBeDefined();
        expect(line).toMatch(new RegExp(`^[A-Z]{6}\\+${name}\\s+CID TrueType\\s+Identity-H\\s+yes\\s+yes\\s+yes`));
      }
      // Helvetica would mean a character no Noto font has, drawn as '?'.
      for (const l of lines) expect(l).toMatch(/^[A-Z]{6}\+NotoSans(JP|SC)-(Regular|Bold)\s.*\byes\s+yes\s+yes\b/);
    });

    it('breaks the 120-row timeline across pages without cutting a row, repeating its header', () => {
      const { layout, raw, model } = d();
      const tl = tableOf(model, 'timeline');
      expect(tl?.rows).toHaveLength(120);
      const pagesUsed = new Set<number>();
      for (const row of tl?.rows ?? []) {
        const [seq = '', time = '', , type = '', detail = ''] = row;
        // The row's first line: its number, the start of its time and its event type, side by side.
        const first = new RegExp(`^\\s*${esc(seq)}\\s+${esc(time.slice(0, 16))}\\s+.*${esc(type)}`, 'm');
        const pages = layout.map((t, i) => (first.test(t) ? i : -1)).filter((i) => i >= 0);
        expect(pages, `row ${seq}`).toHaveLength(1);
        const p = pages[0] ?? -1;
        // …and its last line on the same page: the row was not split.
        expect(flat(raw[p] ?? ''), `row ${seq}`).toContain(flat(detail).slice(-8));
        expect(flat(raw[p] ?? '')).toContain(flat(time));
        pagesUsed.add(p);
      }
      expect(pagesUsed.size).toBeGreaterThanOrEqual(4);
      for (const p of pagesUsed) {
        for (const col of tl?.columns.slice(1) ?? []) expect(layout[p], `header on page ${p + 1}`).toContain(col);
      }
    });

    it('sets the document metadata', () => {
      const { out } = run('pdfinfo', ['-isodates', d().file]);
      const { meta } = d().model;
      expect(out).toContain(`Title:           ${meta.title} — ${meta.incident}`);
      expect(out).toContain(`Subject:         ${meta.playbook.title}`);
      if (meta.responders.length) expect(out).toContain(`Author:          ${meta.responders.join(', ')}`);
      expect(out).toMatch(new RegExp(`CreationDate:\\s+${esc(meta.generatedAt.slice(0, 19))}`));
      expect(out).toContain('Page size:       595.28 x 841.89 pts (A4)');
      expect(readFileSync(d().file, 'latin1')).toMatch(new RegExp(`/Lang \\(${meta.lang === 'ja' ? 'ja-JP' : 'zh-CN'}\\)`));
    });

    it('ends with the journal heads in small text on its last page, and keeps them in its Keywords', () => {
      const { raw, layout, file, model } = d();
      const last = raw.length - 1;
      expect(raw[last]).toContain(HEADS_LABEL[lang]);
      // One writer a line, as a person copies them to --expect; the text reads back as the same heads.
      for (const h of HEADS) expect(raw[last]).toMatch(new RegExp(`^${esc(`${h.writer}:${h.seq}:${h.hash}`)}$`, 'm'));
      expect(parseHeads(raw[last] ?? '')).toEqual([{ incident: model.meta.incident, heads: [HEADS[1], HEADS[0]] }]);
      for (const page of layout.slice(0, last)) expect(page).not.toContain('irbook-heads');
      // At the foot of the page: below everything else but the footer.
      const lines = (layout[last] ?? '').split('\n').filter((l) => l.trim());
      expect(lines.at(-2)?.trim()).toBe(`${HEADS[0]!.writer}:${HEADS[0]!.seq}:${HEADS[0]!.hash}`);
      const info = run('pdfinfo', [file]).out;
      expect(info).toContain(`Keywords:        ${model.meta.incident}, ${model.meta.template}, ${formatHeads(model.meta.incident, HEADS)}`);
      expect(info).toMatch(new RegExp(`Subject:.*${esc(model.meta.classification)}`));
      // As `verify --report` reads it: a plain string in the file's bytes.
      expect(parseHeads(readFileSync(file, 'latin1'))[0]?.heads).toEqual([HEADS[1], HEADS[0]]);
    });

    it('renders every page with pdftoppm', () => {
      const out = join(dir, `png-${lang}`);
      const { err } = run('pdftoppm', ['-png', '-r', '60', d().file, out]);
      expect(err).toBe('');
      expect(readdirSync(dir).filter((f) => f.startsWith(`png-${lang}`) && f.endsWith('.png'))).toHaveLength(d().result.pages);
    });
  });
});

describe('renderPdf without poppler', () => {
  it('leaves nothing behind when the file cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'irbook-pdf-'));
    const out = join(dir, 'missing-folder', 'r.pdf');
    try {
      await expect(renderPdf(fixture('zh'), out)).rejects.toMatchObject({ exit: 4, params: { file: out, cause: expect.stringMatching(/^ENOENT/) } });
      expect(existsSync(out)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Typesetter', () => {
  const setter = async (lang: 'ja' | 'zh') => {
    const { default: PDFDocument } = await import('pdfkit');
    const doc = new PDFDocument({ autoFirstPage: false });
    return new Typesetter(doc, new Fonts(doc, lang));
  };
  const runs = (lines: Line[]) => lines.flatMap((l) => l.runs.map((r) => [r.face.key, r.text]));

  it.each([
    // Simplified hanzi in Japanese text come from SC; what no Noto font has is a Helvetica '?', not tofu.
    ['ja', '漏えい这们 ABC😀', [['jp', '漏えい'], ['sc', '这们'], ['jp', ' ABC'], ['Helvetica', '?']]],
    // Japanese-only characters in Chinese text come from JP; kana and 込 are in SC already.
    ['zh', '泄露𩸽込ア', [['sc', '泄露'], ['jp', '𩸽'], ['sc', '込ア']]],
    ['ja', '**骨子**', [['jp-bold', '**骨子**']]],
  ] as const)('%s %s → runs by font', async (lang, text, want) => {
    const ts = await setter(lang);
    const weight = text.startsWith('**') ? 'bold' : 'regular';
    expect(runs(ts.wrap(text, 1000, { size: 10, weight }))).toEqual(want);
  });

  it('wraps within the width, never starting a line with 、。）」 nor ending one with （「', async () => {
    const ts = await setter('ja');
    const text = '直ちに投稿の取り消しと社外メンバーの退出を依頼し、管理コンソールで共有リンクを無効化した。「今後」は送信前の宛先確認を必須とし（令和8年度）、再発防止策の骨子を本社へ提出する。';
    for (const max of [60, 83, 100, 141]) {
      const lines = ts.wrap(text, max, { size: 9, weight: 'regular' });
      expect(lines.map((l) => l.runs.map((r) => r.text).join('')).join('')).toBe(text);
      for (const l of lines) {
        const s = l.runs.map((r) => r.text).join('');
        expect(l.width, s).toBeLessThanOrEqual(max + 0.001);
        expect(s, `line start at ${max}`).not.toMatch(/^[、。）」]/);
        expect(s, `line end at ${max}`).not.toMatch(/[（「]$/);
      }
    }
  });

  it('cuts words longer than the column (hashes, paths), preferring / . - _', async () => {
    const ts = await setter('zh');
    const st = { size: 8.5, weight: 'regular' } as const;
    const hash = '3f9a1c0d7be24e1802c6a3b95f4d7e80a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const lines = ts.wrap(`sha256 ${hash}`, 90, st).map((l) => l.runs.map((r) => r.text).join(''));
    expect(lines.join('')).toBe(`sha256${hash}`);
    expect(lines.length).toBeGreaterThan(2);
    const path = ts.wrap('evidence/chat-export-wechat-huadong.zip', 100, st).map((l) => l.runs.map((r) => r.text).join(''));
    expect(path[0]).toBe('evidence/chat-export-');
  });
});
