// What a responder coming back to an incident sees before the next question: the stage, the last
// answers, the deadlines by time left and what is still owed.
import { clockEngine, clockViews, isOpen } from '../core/clocks/clocks.js';
import type { ClockSet, Playbook } from '../core/playbook/schema.js';
import { describeEvent } from '../core/session/describe.js';
import { evaluatorFor } from '../core/session/evaluator.js';
import { openItems } from '../core/session/open-items.js';
import type { State } from '../core/session/state.js';
import { byTimeLeft } from '../core/session/summary.js';
import type { SessionEvent } from '../core/session/events.js';
import type { Context } from '../cli/context.js';
import { clockLine, itemLine } from './presenter.js';

const ANSWERS = new Set(['fact.recorded', 'fact.amended', 'check.done', 'decision.made', 'decision.revised', 'notify.sent', 'notify.waived', 'record.written', 'step.deferred']);

export function recap(ctx: Context, o: { playbook: Playbook; clocks: ClockSet; state: State; events: readonly SessionEvent[]; now: Date; tz: string }): void {
  const s = o.state;
  const stage = [...s.entered.keys()].filter((k) => !s.completed.has(k)).pop() ?? [...s.entered.keys()].pop();
  if (stage) ctx.out(`  ${ctx.t('status-stage', { stage: ctx.t(`stage-${stage}`) })}`);
  for (const e of o.events.filter((x) => ANSWERS.has(x.type)).slice(-3)) ctx.out(ctx.c.dim(`  ↩ ${describeEvent(e, ctx.lang, o.tz)}`));
  const views = clockViews(clockEngine(o.clocks), s, o.now).filter(isOpen).sort(byTimeLeft);
  if (views.length) ctx.out(`  ${ctx.t('clocks-heading', { tz: o.tz })}:`);
  for (const v of views) ctx.out(`    ${clockLine(v, ctx.lang, o.tz, ctx.c) ?? ''}`);
  const items = openItems(o.playbook, s, views, evaluatorFor(o.playbook));
  if (items.length) ctx.out(`  ${ctx.t('items-heading', { n: items.length })}:`);
  for (const i of items) ctx.out(`    ${itemLine(i, ctx.lang, o.tz, ctx.c)}`);
}
