// irbook timeline INCIDENT: every event with its time, as a table (or JSON).
import type { Context } from '../cli/context.js';
import { readIncident } from '../adapters/incident.js';
import { table } from '../cli/table.js';
import { resolveTz } from '../cli/session.js';
import { describeEvent } from '../core/session/describe.js';
import { formatTime } from '../core/time/format.js';
import { sanitize } from '../core/text/sanitize.js';
import { EXIT } from '../errors.js';

export async function run(ctx: Context, id: string, o: { json?: boolean; tz?: string }): Promise<number> {
  const inc = await readIncident(ctx, id);
  if (o.json) {
    ctx.out(JSON.stringify(inc.events, null, 2));
    return EXIT.ok;
  }
  const tz = resolveTz(o.tz ?? inc.state.started?.timezone, ctx.env);
  const head = ['#', ctx.t('col-time'), ctx.t('col-actor'), ctx.t('col-event'), ctx.t('col-detail')];
  const rows = inc.events.map((e) => [String(e.seq), formatTime(e.at, tz, 'none'), sanitize(e.actor), sanitize(e.type), sanitize(describeEvent(e, ctx.lang, tz))]);
  ctx.out(ctx.c.dim(`${id} · ${tz}`));
  for (const line of table([head, ...rows])) ctx.out(line);
  return EXIT.ok;
}
