// irbook report INCIDENT --template T --format pdf|md|json: a report built from the journal alone.
// For a PDF the drawing thread starts first, before the modules that read the journal and build
// the model are even loaded: pdfkit and the fonts (about a third of the command) load beside them.
import type { Context } from '../cli/context.js';
import { startPdfThread } from '../adapters/pdf-thread.js';

export interface ReportOptions { template: string; format: 'pdf' | 'md' | 'json'; out?: string; force?: boolean; draft?: boolean; appendix?: boolean }

export async function run(ctx: Context, id: string, o: ReportOptions): Promise<number> {
  const thread = o.format === 'pdf' ? startPdfThread(new URL('./report-pdf-worker.js', import.meta.url)) : undefined;
  try {
    const { makeReport } = await import('./report-make.js');
    return await makeReport(ctx, id, o, thread);
  } finally {
    thread?.close();
  }
}
