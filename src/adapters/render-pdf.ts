// The PDF renderer: draws a ReportModel on A4 pages with embedded, subset Noto Sans JP / SC.
// pdfkit and the fonts load only here, when a PDF is drawn, never at CLI start-up.
import { stat } from 'node:fs/promises';
import { formatHeads } from '../core/journal/heads.js';
import type { ReportModel, Section } from '../core/report/model.js';
import type { Doc } from './pdf/doc.js';
import type { Ctx } from './pdf/layout.js';
import { atomicStream } from './atomic-write.js';

export interface PdfResult { bytes: number; pages: number }
export interface PdfOptions { onProgress?: (done: number, total: number) => void }

const LANG_TAG = { ja: 'ja-JP', zh: 'zh-CN', en: 'en' } as const;

const loadModules = () => Promise.all([
  import('pdfkit'), import('./pdf/fonts.js'), import('./pdf/text.js'), import('./pdf/layout.js'),
  import('./pdf/frame.js'), import('./pdf/table.js'), import('./pdf/chart.js'), import('./pdf/heads.js'),
]);
let modules: ReturnType<typeof loadModules> | undefined;
function drawingModules(): ReturnType<typeof loadModules> {
  modules ??= loadModules();
  return modules;
}

/** Starts loading pdfkit and the drawing modules and reading the fonts, for a command that will
 *  draw a PDF once it has read and built what it draws: the file reads run in the background
 *  meanwhile. A failure here surfaces from renderPdf. */
export function prepareRenderer(): void {
  // fonts.js is small: the reads start before pdfkit is compiled, not after.
  import('./pdf/fonts.js').then((fonts) => fonts.readFacesEarly(), () => undefined);
  drawingModules().catch(() => undefined);
}

/** Draw the report to `out` (a file path). `onProgress(done, total)` is called once per section. */
export async function renderPdf(model: ReportModel, out: string, opts: PdfOptions = {}): Promise<PdfResult> {
  const [{ default: PDFDocument }, { Fonts, facesRead }, { Typesetter }, layout, frame, { table, fields }, { chart }, { headsBlock }] = await drawingModules();
  await facesRead();
  const { meta } = model;
  const { PAGE } = layout;
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    autoFirstPage: false,
    lang: LANG_TAG[meta.lang],
    displayTitle: true,
    info: info(model),
  });

  // Written beside the target and renamed at the end, so a failure never leaves half a PDF at `out`
  // (the command has refused an existing `out` without --force already).
  const file = atomicStream(out, { force: true });
  const written = new Promise<void>((resolve, reject) => {
    file.on('finish', resolve);
    file.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(file);

  let pages = 0;
  try {
    const ts = new Typesetter(doc, new Fonts(doc, meta.lang));
    const pager = new layout.Pager(doc, () => frame.decorate(c), () => frame.footer(c));
    const c: Ctx = { doc, ts, meta, pager };
    pager.newPage();
    frame.titleBlock(c);
    const total = model.sections.length;
    model.sections.forEach((s: Section, i) => {
      switch (s.kind) {
        case 'fields': fields(c, s); break;
        case 'text': layout.paragraphs(c, s.title, s.paragraphs); break;
        case 'table': table(c, s); break;
        case 'chart': chart(c, s); break;
      }
      opts.onProgress?.(i + 1, total);
    });
    if (model.heads?.length) headsBlock(c, model.heads);
    pager.finish();
    frame.pageLabels(c);
    pages = pager.pages;
    doc.end();
    await written;
    await file.commit();
  } catch (e) {
    file.abort();
    throw e;
  }
  return { bytes: (await stat(out)).size, pages };
}

function info({ meta, heads }: ReportModel): PDFKit.DocumentInfo {
  const pb = meta.playbook;
  const created = new Date(meta.generatedAt);
  const marks = [meta.classification, meta.draftMark, meta.exercise ? meta.exerciseMark ?? 'EXERCISE' : ''].filter(Boolean);
  // Keywords stay ASCII, so pdfkit writes them as a plain string `verify --report` finds in the
  // file's bytes (any other character makes the whole string UTF-16); the marks go to Subject.
  const ascii = (s: string) => /^[\x20-\x7e]*$/.test(s);
  return {
    Title: `${meta.title} — ${meta.incident}`,
    ...(meta.responders.length ? { Author: meta.responders.join(', ') } : {}),
    Subject: [`${pb.title} (${pb.id} ${pb.version})`, ...marks].join(' · '),
    Keywords: [meta.incident, meta.template, heads?.length ? formatHeads(meta.incident, heads) : ''].filter((k) => k && ascii(k)).join(', '),
    Creator: 'irbook',
    ...(Number.isNaN(created.getTime()) ? {} : { CreationDate: created, ModDate: created }),
  };
}
