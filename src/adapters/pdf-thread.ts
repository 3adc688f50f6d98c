// `report -f pdf` draws in a worker thread started before the journal is read: loading pdfkit and
// the fonts (about a third of the command) then runs beside the read, validation and model
// building instead of after them. Where the bundled worker file is absent (running from source),
// the PDF is drawn in this thread.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReportModel } from '../core/report/model.js';
import { UserError, type ExitCode } from '../errors.js';
import type { PdfResult } from './render-pdf.js';

export type FromPdfThread =
  | { progress: [number, number] }
  | { result: PdfResult }
  | { user: { exit: ExitCode; code: string; params: Record<string, string | number>; hint?: { code: string; params?: Record<string, string | number> } } }
  | { error: { message: string; code?: string } };

export interface PdfThread {
  draw(model: ReportModel, out: string, onProgress: (done: number, total: number) => void): Promise<PdfResult>;
  /** Stops the thread when no PDF is drawn after all (the command failed before drawing). */
  close(): void;
}

/** Starts the drawing thread; `workerUrl` is the bundled report-pdf-worker.js beside the caller. */
export function startPdfThread(workerUrl: URL): PdfThread {
  const file = fileURLToPath(workerUrl);
  if (!existsSync(file)) return inProcess();
  const worker = new Worker(file);
  // Until it is given a model the thread must not keep the process alive.
  worker.unref();
  return {
    draw: (model, out, onProgress) => new Promise<PdfResult>((resolve, reject) => {
      // The thread's own exit hooks never run when a signal ends the process (process.exit stops
      // it first): its temp file beside `out` is removed from here.
      const leftovers = () => removeTemps(out);
      process.once('exit', leftovers);
      worker.once('exit', () => process.off('exit', leftovers));
      worker.ref();
      worker.on('error', reject);
      worker.on('message', (m: FromPdfThread) => {
        if ('progress' in m) return onProgress(...m.progress);
        void worker.terminate();
        if ('result' in m) resolve(m.result);
        else if ('user' in m) reject(new UserError(m.user.exit, m.user.code, m.user.params, m.user.hint));
        else reject(Object.assign(new Error(m.error.message), m.error.code ? { code: m.error.code } : {}));
      });
      worker.postMessage({ model, out });
    }),
    close: () => void worker.terminate(),
  };
}

/** The temp files this process began beside `out` (atomicStream names them `.NAME.PID.RANDOM.tmp`;
 *  a worker thread shares the process id). */
function removeTemps(out: string): void {
  const prefix = `.${basename(out)}.${process.pid}.`;
  try {
    for (const f of readdirSync(dirname(out))) if (f.startsWith(prefix) && f.endsWith('.tmp')) rmSync(join(dirname(out), f), { force: true });
  } catch {
    // the folder is gone or unreadable: nothing of ours to remove
  }
}

function inProcess(): PdfThread {
  const renderer = import('./render-pdf.js');
  void renderer.then((m) => m.prepareRenderer(), () => undefined);
  return {
    draw: async (model, out, onProgress) => (await renderer).renderPdf(model, out, { onProgress }),
    close: () => undefined,
  };
}
