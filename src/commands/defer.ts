// irbook defer INCIDENT STEP --reason R [--owner P] [--until T]: put a step off, or hand it to
// someone; it stays an open item (its clock keeps running) until it is done.
import { userInfo } from 'node:os';
import type { Context } from '../cli/context.js';
import { changeIncident } from '../adapters/incident.js';
import { defer } from '../core/session/changes.js';
import { EXIT } from '../errors.js';

export async function run(ctx: Context, id: string, step: string, o: { reason?: string; owner?: string; until?: string; actor?: string }): Promise<number> {
  const actor = o.actor ?? ctx.env.IRBOOK_ACTOR ?? userInfo().username;
  const e = await changeIncident(ctx, id, actor, (inc) => defer(inc.playbook, inc.state, step, o.reason ?? '', {
    tz: inc.state.started?.timezone ?? 'UTC', ...(o.owner !== undefined ? { owner: o.owner } : {}), ...(o.until !== undefined ? { until: o.until } : {}),
  }));
  ctx.out(ctx.t('deferred', { id, step, owner: o.owner ? ctx.t('deferred-owner', { owner: o.owner }) : '', seq: e.seq }));
  return EXIT.ok;
}
