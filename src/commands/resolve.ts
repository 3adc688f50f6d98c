// irbook resolve INCIDENT ITEM --reason R: settle an open item (as `status` names it, e.g.
// review:grade) without answering again — "reviewed: the grade stays 一般".
import { userInfo } from 'node:os';
import type { Context } from '../cli/context.js';
import { changeIncident } from '../adapters/incident.js';
import { resolve } from '../core/session/changes.js';
import { evaluatorFor } from '../core/session/evaluator.js';
import { openItems } from '../core/session/open-items.js';
import { EXIT } from '../errors.js';

export async function run(ctx: Context, id: string, item: string, o: { reason?: string; actor?: string }): Promise<number> {
  const actor = o.actor ?? ctx.env.IRBOOK_ACTOR ?? userInfo().username;
  await changeIncident(ctx, id, actor, (inc) => resolve(inc.state, openItems(inc.playbook, inc.state, inc.clocks, evaluatorFor(inc.playbook)), item, o.reason ?? ''));
  ctx.out(ctx.t('resolved', { id, item }));
  return EXIT.ok;
}
