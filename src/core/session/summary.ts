// Where an incident stands, for `status` and `incidents`: stage, next step, clocks (most urgent
// first) and open items. Pure: the caller reads the journal and the playbook.
import { isOpen, type ClockView } from '../clocks/clocks.js';
import { pick, type Lang } from '../i18n/lang.js';
import type { Playbook } from '../playbook/schema.js';
import { evaluatorFor } from './evaluator.js';
import { next } from './next.js';
import { openItems, type OpenItem } from './open-items.js';
import type { State } from './state.js';

/** Clock lines are read by time left: overdue first, then the nearest deadline; closed clocks last. */
export function byTimeLeft(a: ClockView, b: ClockView): number {
  const rank = (v: ClockView) => (isOpen(v) ? 0 : v.status === 'late' || v.status === 'met' || v.status === 'waived' ? 1 : 2);
  return rank(a) - rank(b) || (a.leftMs ?? Infinity) - (b.leftMs ?? Infinity);
}

export function summarize(inc: { id: string; state: State; playbook?: Playbook; clocks: readonly ClockView[] }, lang: Lang) {
  const s = inc.state;
  const ev = inc.playbook ? evaluatorFor(inc.playbook) : undefined;
  const n = inc.playbook && ev && !s.closedAt ? next(inc.playbook, s, ev) : undefined;
  const stage = n && 'stage' in n ? n.stage : [...s.entered.keys()].pop();
  const step = n && 'step' in n ? n.step.id : undefined;
  const items: OpenItem[] = inc.playbook && ev ? openItems(inc.playbook, s, inc.clocks, ev) : [];
  const clocks = inc.clocks.filter((c) => c.status !== 'not-applicable').sort(byTimeLeft);
  return {
    id: inc.id,
    playbook: s.started?.playbook.id,
    version: s.started?.playbook.version,
    title: inc.playbook ? pick(inc.playbook.title, lang) : s.started?.playbook.id,
    // The walk ended with nothing owed, or `close` waived what was: closed.
    state: s.incidentClosed || (s.closedAt && !items.length) ? 'closed' : s.closedAt ? 'open-items' : 'open',
    exercise: s.started?.exercise ?? false,
    startedAt: s.started?.at,
    responder: s.started?.responder,
    timezone: s.started?.timezone,
    stage,
    next: step,
    events: s.count,
    lastAt: s.lastAt,
    clocks: clocks.map((c) => ({ id: c.clock.id, status: c.status, start: c.start, due: c.due, satisfiedAt: c.satisfiedAt, leftMs: c.leftMs })),
    openClocks: inc.clocks.filter(isOpen).length,
    open_items: items,
  };
}
