// irbook amend INCIDENT FACT VALUE --reason R: correct an earlier answer. A fact becomes
// `fact.amended`; a decision (by step id or its `sets:` fact) becomes `decision.revised`.
import { userInfo } from 'node:os';
import type { Context } from '../cli/context.js';
import { changeIncident } from '../adapters/incident.js';
import { amend } from '../core/session/changes.js';
import { EXIT } from '../errors.js';

export async function run(ctx: Context, id: string, name: string, value: string, o: { reason?: string; actor?: string }): Promise<number> {
  const actor = o.actor ?? ctx.env.IRBOOK_ACTOR ?? userInfo().username;
  const e = await changeIncident(ctx, id, actor, (inc) => amend(inc.playbook, inc.state, name, value, o.reason ?? '', { now: new Date(), tz: inc.state.started?.timezone ?? 'UTC' }));
  const d = e.data as { fact?: string; step?: string; previous: unknown; value?: unknown; answer?: unknown };
  const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') : String(v));
  ctx.out(ctx.t('amended', { id, name: d.fact ?? d.step ?? name, from: show(d.previous), to: show(d.value ?? d.answer), seq: e.seq }));
  return EXIT.ok;
}
