// irbook close INCIDENT --reason R [--waive]: close an incident whose walk is over. Open items
// refuse it, unless --waive waives them with the reason (listed in `incident.closed`).
import { userInfo } from 'node:os';
import type { Context } from '../cli/context.js';
import { changeIncident } from '../adapters/incident.js';
import { close } from '../core/session/changes.js';
import { evaluatorFor } from '../core/session/evaluator.js';
import { openItems } from '../core/session/open-items.js';
import { EXIT } from '../errors.js';

export async function run(ctx: Context, id: string, o: { reason?: string; waive?: boolean; actor?: string }): Promise<number> {
  const actor = o.actor ?? ctx.env.IRBOOK_ACTOR ?? userInfo().username;
  const e = await changeIncident(ctx, id, actor, (inc) => close(inc.state, openItems(inc.playbook, inc.state, inc.clocks, evaluatorFor(inc.playbook)), o.reason ?? '', o.waive ?? false));
  ctx.out(ctx.t('incident-closed', { id, seq: e.seq }));
  return EXIT.ok;
}
