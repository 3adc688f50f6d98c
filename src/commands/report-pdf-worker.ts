// The thread `irbook report -f pdf` draws in: it loads pdfkit and reads the fonts while the main
// thread reads the journal and builds the model (each on its own core), then draws the model it is
// sent and posts back the result, progress on the way, or the error.
import { parentPort } from 'node:worker_threads';
import { prepareRenderer, renderPdf } from '../adapters/render-pdf.js';
import type { ReportModel } from '../core/report/model.js';
import { UserError } from '../errors.js';
import type { FromPdfThread } from '../adapters/pdf-thread.js';

prepareRenderer();
parentPort?.once('message', ({ model, out }: { model: ReportModel; out: string }) => {
  const post = (m: FromPdfThread) => parentPort?.postMessage(m);
  renderPdf(model, out, { onProgress: (done, total) => post({ progress: [done, total] }) }).then(
    (result) => post({ result }),
    (e: unknown) => post(e instanceof UserError
      ? { user: { exit: e.exit, code: e.code, params: e.params, ...(e.hint ? { hint: e.hint } : {}) } }
      : { error: { message: e instanceof Error ? e.message : String(e), ...((e as NodeJS.ErrnoException).code ? { code: (e as NodeJS.ErrnoException).code } : {}) } }),
  );
});
