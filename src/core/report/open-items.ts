// What is still owed, as the HQ report lists it (今後の対応・残課題): the session's open items
// (deferred steps, reviews, corrections, unknown facts — computed by the session core), then the
// reporting deadlines still running that no deferred item already names, then unfinished stages.
import { isOpen, type ClockView } from '../clocks/clocks.js';
import type { Playbook } from '../playbook/schema.js';
import { evaluatorFor } from '../session/evaluator.js';
import { openItems } from '../session/open-items.js';
import type { State } from '../session/state.js';

/** The session's item kinds plus the report's own: a running or overdue clock, an unfinished stage. */
export interface OpenItem { kind: string; step?: string; fact?: string; party?: string; reason?: string; owner?: string; due?: string }

export function reportOpenItems(pb: Playbook, s: State, views: readonly ClockView[]): OpenItem[] {
  const items: OpenItem[] = openItems(pb, s, views, evaluatorFor(pb));
  const notifyParty = new Map(pb.stages.flatMap((st) => st.steps).flatMap((st) => (st.notify ? [[st.id, st.notify.party] as const] : [])));
  const named = new Set(items.filter((i) => i.kind === 'deferred' && i.step).map((i) => notifyParty.get(i.step ?? '')));
  const clocks = views.filter((v) => isOpen(v) && !named.has(v.clock.authority)).sort((a, b) => (a.due ?? '').localeCompare(b.due ?? ''))
    .map((v): OpenItem => ({ kind: v.status === 'overdue' ? 'overdue' : 'clock', party: v.clock.authority, reason: v.clock.id, ...(v.due ? { due: v.due } : {}) }));
  const stages = s.closedAt ? [] : pb.stages.filter((st) => !s.completed.has(st.id as never))
    .map((st): OpenItem => ({ kind: 'stage', step: st.id }));
  return [...items, ...clocks, ...stages];
}
