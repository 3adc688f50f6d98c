// irbook status [INCIDENT]: where an incident stands — stage, next step, clocks with time left.
import type { Context } from '../cli/context.js';
import { readIncident, summary } from '../cli/incident.js';
import { clockLine } from '../adapters/presenter.js';
import { listIncidents, storeDir } from '../adapters/journal.js';
import { formatHead } from '../core/journal/heads.js';
import { formatTime } from '../core/time/format.js';
import { EXIT } from '../errors.js';

export async function run(ctx: Context, id: string | undefined, o: { json?: boolean }): Promise<number> {
  const store = storeDir(ctx.opts.store, ctx.env);
  const ids = id ? [id] : listIncidents(store);
  const incidents = (await Promise.all(ids.map((x) => readIncident(ctx, x)))).filter((inc) => id || (!inc.state.closedAt && !inc.state.started?.exercise));
  if (o.json) {
    const list = incidents.map((inc) => ({ ...summary(ctx, inc), heads: inc.heads }));
    ctx.out(JSON.stringify(id ? list[0] : list, null, 2));
    return EXIT.ok;
  }
  if (!incidents.length) ctx.err(ctx.t('no-incidents', { store }));
  for (const inc of incidents) {
    const s = summary(ctx, inc);
    const tz = s.timezone ?? 'UTC';
    const mark = s.exercise ? ctx.c.magenta(` [${ctx.t('exercise-mark')}]`) : '';
    ctx.out(ctx.c.bold(ctx.t('status-line', { id: s.id, title: s.title ?? '', state: ctx.t(`status-${s.state}`) })) + mark);
    if (s.startedAt) ctx.out(`  ${ctx.t('status-started', { at: formatTime(s.startedAt, tz), actor: s.responder ?? '' })}`);
    if (s.stage) ctx.out(`  ${ctx.t('status-stage', { stage: ctx.t(`stage-${s.stage}`) })}`);
    if (s.next) ctx.out(`  ${ctx.t('status-next', { step: s.next })}`);
    const lines = inc.clocks.map((v) => clockLine(v, ctx.lang, tz, ctx.c)).filter((l): l is string => l !== undefined);
    if (lines.length) ctx.out(`  ${ctx.t('clocks-heading')}:`);
    for (const l of lines) ctx.out(`    ${l}`);
    if (inc.heads.length) ctx.out(`  ${ctx.t('status-heads', { heads: inc.heads.map(formatHead).join(' ') })}`);
    ctx.out('');
  }
  return EXIT.ok;
}
