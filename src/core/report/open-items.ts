// What is still owed, as the HQ report lists it (今後の対応・残課題). The session core computes the
// full list (deferred steps, reviews, corrections, translations); until a caller passes it in,
// the report works it out from what every journal has: open clocks and unfinished stages.
import { isOpen, type ClockView } from '../clocks/clocks.js';
import type { Playbook } from '../playbook/schema.js';
import type { State } from '../session/state.js';

export interface OpenItem { kind: string; step?: string; fact?: string; party?: string; reason?: string; owner?: string; due?: string }

export function openItemsFromState(pb: Playbook, s: State, views: readonly ClockView[]): OpenItem[] {
  const clocks = views.filter(isOpen).sort((a, b) => (a.due ?? '').localeCompare(b.due ?? ''))
    .map((v): OpenItem => ({ kind: v.status === 'overdue' ? 'overdue' : 'clock', party: v.clock.authority, reason: v.clock.id, ...(v.due ? { due: v.due } : {}) }));
  const stages = s.closedAt ? [] : pb.stages.filter((st) => !s.completed.has(st.id as never))
    .map((st): OpenItem => ({ kind: 'stage', step: st.id }));
  return [...clocks, ...stages];
}
