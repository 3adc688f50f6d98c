// irbook incidents: the incidents in the store with state and open clocks (drills only on request).
import type { Context } from '../cli/context.js';
import { readIncident } from '../adapters/incident.js';
import { summarize } from '../core/session/summary.js';
import { table } from '../cli/table.js';
import { listIncidents, storeDir } from '../adapters/journal.js';
import { sanitize } from '../core/text/sanitize.js';
import { EXIT } from '../errors.js';

export async function run(ctx: Context, o: { json?: boolean; exercises?: boolean }): Promise<number> {
  const store = storeDir(ctx.opts.store, ctx.env);
  // A journal that fails verification is listed as such, never summarised as if it were fact.
  const all = (await Promise.all(listIncidents(store).map((id) => readIncident(ctx, id, { lenient: true })))).map((inc) =>
    inc.verdict.ok ? { ...summarize(inc, ctx.lang), verified: true } : { id: inc.id, exercise: false, verified: false, failure: inc.verdict });
  const rows = all.filter((s) => o.exercises || !s.exercise);
  if (o.json) {
    ctx.out(JSON.stringify(rows, null, 2));
    return EXIT.ok;
  }
  if (!rows.length) {
    ctx.err(ctx.t('no-incidents', { store }));
    return EXIT.ok;
  }
  const head = [ctx.t('col-incident'), ctx.t('col-state'), ctx.t('col-playbook'), ctx.t('col-stage'), ctx.t('col-clocks'), ctx.t('col-title')];
  const body = rows.map((s) => !('state' in s) ? [s.id, ctx.c.red(ctx.t('status-failing')), '', '', '', ''] : [
    s.id + (s.exercise ? ` ${ctx.t('exercise-mark')}` : ''),
    ctx.t(`status-${s.state}`),
    sanitize(`${s.playbook ?? '?'} ${s.version ?? ''}`),
    s.stage ? ctx.t(`stage-${s.stage}`) : '',
    s.openClocks ? ctx.c.yellow(String(s.openClocks)) : '0',
    sanitize(s.title ?? ''),
  ]);
  for (const line of table([head, ...body])) ctx.out(line);
  return EXIT.ok;
}
