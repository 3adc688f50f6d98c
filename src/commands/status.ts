// irbook status [INCIDENT]: where an incident stands — stage, next step, clocks by time left, and
// what is still owed (open items).
import type { Context } from '../cli/context.js';
import { readIncidentState } from '../adapters/incident.js';
import { clockLine, itemLine } from '../adapters/presenter.js';
import { listIncidents, storeDir } from '../adapters/journal.js';
import { byTimeLeft, summarize } from '../core/session/summary.js';
import { formatHead } from '../core/journal/heads.js';
import { formatTime } from '../core/time/format.js';
import { EXIT } from '../errors.js';

export async function run(ctx: Context, id: string | undefined, o: { json?: boolean }): Promise<number> {
  const store = storeDir(ctx.opts.store, ctx.env);
  const ids = id ? [id] : listIncidents(store);
  const all = (await Promise.all(ids.map((x) => readIncidentState(ctx, x)))).map((inc) => ({ inc, s: summarize(inc, ctx.lang) }));
  const incidents = all.filter(({ inc, s }) => id || (s.state !== 'closed' && !inc.state.started?.exercise));
  if (o.json) {
    const list = incidents.map(({ inc, s }) => ({ ...s, heads: inc.heads }));
    ctx.out(JSON.stringify(id ? list[0] : list, null, 2));
    return EXIT.ok;
  }
  if (!incidents.length) {
    // Say what the store does hold: "no incidents" next to closed ones misleads.
    const drills = all.filter(({ inc }) => inc.state.started?.exercise).length;
    ctx.err(all.length ? ctx.t('no-open-incidents', { store, closed: all.length - drills, drills }) : ctx.t('no-incidents', { store }));
  }
  for (const { inc, s } of incidents) {
    const tz = s.timezone ?? 'UTC';
    const mark = s.exercise ? ctx.c.magenta(` [${ctx.t('exercise-mark')}]`) : '';
    ctx.out(ctx.c.bold(ctx.t('status-line', { id: s.id, title: s.title ?? '', state: ctx.t(`status-${s.state}`) })) + mark);
    if (s.startedAt) ctx.out(`  ${ctx.t('status-started', { at: formatTime(s.startedAt, tz), actor: s.responder ?? '' })}`);
    if (s.stage) ctx.out(`  ${ctx.t('status-stage', { stage: ctx.t(`stage-${s.stage}`) })}`);
    if (s.next) ctx.out(`  ${ctx.t('status-next', { step: s.next })}`);
    const lines = [...inc.clocks].sort(byTimeLeft).map((v) => clockLine(v, ctx.lang, tz, ctx.c)).filter((l): l is string => l !== undefined);
    if (lines.length) ctx.out(`  ${ctx.t('clocks-heading', { tz })}:`);
    for (const l of lines) ctx.out(`    ${l}`);
    if (s.open_items.length) ctx.out(`  ${ctx.t('items-heading', { n: s.open_items.length })}:`);
    for (const item of s.open_items) ctx.out(`    ${itemLine(item, ctx.lang, tz, ctx.c)}`);
    if (inc.heads.length) ctx.out(`  ${ctx.t('status-heads', { heads: inc.heads.map(formatHead).join(' ') })}`);
    ctx.out('');
  }
  return EXIT.ok;
}
