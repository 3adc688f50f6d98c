// What is still owed on an incident, computed from the journal (never stored): deferred steps,
// decisions to review after an amended fact, corrections owed to a party told a fact since
// amended, facts answered "unknown", and answers that conflict (conflicts.ts). status, the walk's menu and the HQ report's
// 今後の対応・残課題 show this list; keep it pure and its shape stable.
import { isOpen, type ClockView } from '../clocks/clocks.js';
import type { Playbook } from '../playbook/schema.js';
import type { Evaluator } from './evaluator.js';
import { formatTime } from '../time/format.js';
import { conflicts } from './conflicts.js';
import { checkItems } from './kinds/check.js';
import { locate } from './next.js';
import { missingLangs } from './translate.js';
import type { Amendment, State } from './state.js';

export type OpenItemKind = 'deferred' | 'review' | 'correction' | 'unknown' | 'translate' | 'conflict';

export interface OpenItem {
  kind: OpenItemKind;
  step?: string;
  fact?: string;
  party?: string;
  reason?: string;
  owner?: string;
  /** ISO time: the clock's due time of a deferred notification, or the `until` of a deferral. */
  due?: string;
  /** A conflict's two answers: the one that stands first, then the one it was not written against. */
  answers?: { value: unknown; who: string; at: string }[];
}

/** The key `item.resolved` and `incident.closed` name an item by: kind:step, kind:fact or kind:step:fact. */
export const itemKey = (i: OpenItem): string => [i.kind, i.step, i.fact].filter((x) => x !== undefined).join(':');

const RANK: Record<OpenItemKind, number> = { review: 0, correction: 1, deferred: 2, unknown: 3, translate: 4, conflict: 5 };

/** Most urgent first: items with a due time (earliest first), then by kind. */
export function byUrgency(a: OpenItem, b: OpenItem): number {
  if (a.due && b.due) return Date.parse(a.due) - Date.parse(b.due);
  if (a.due || b.due) return a.due ? -1 : 1;
  return RANK[a.kind] - RANK[b.kind];
}

export function openItems(pb: Playbook, s: State, clocks: readonly ClockView[], ev: Evaluator): OpenItem[] {
  if (s.incidentClosed) return [];
  const settled = (key: string, after: number) => (s.resolved.get(key) ?? -1) > after;
  const factAmendments = (names: readonly string[], after: number): Amendment[] =>
    s.amendments.filter((a) => a.kind === 'fact' && a.ord > after && names.includes(a.what));
  const items: OpenItem[] = [];

  for (const [step, d] of s.deferred) {
    const satisfies = locate(pb, step)?.step.notify?.satisfies ?? [];
    const dues = clocks.filter((v) => satisfies.includes(v.clock.id) && isOpen(v) && v.due).map((v) => v.due as string).sort();
    const due = dues[0] ?? d.until;
    const item: OpenItem = { kind: 'deferred', step, reason: d.reason, ...(d.owner ? { owner: d.owner } : {}), ...(due ? { due } : {}) };
    if (!settled(itemKey(item), -1)) items.push(item);
  }
  for (const [step, later] of s.notYet) {
    const total = locate(pb, step) ? checkItems(locate(pb, step)!.step).length : 0;
    for (const i of later) {
      const item: OpenItem = { kind: 'deferred', step, reason: `not yet (${i + 1}/${total})` };
      if (!settled(itemKey(item), -1)) items.push(item);
    }
  }
  for (const d of s.decisions) {
    if (d.expr === undefined) continue;
    const changed = factAmendments(Object.keys(d.facts), d.ord);
    const last = changed.at(-1);
    if (!last) continue;
    const now = ev.run(d.expr, s.facts);
    if (now.error || now.value === d.recommended || now.value === d.answer) continue;
    const item: OpenItem = { kind: 'review', step: d.step, fact: last.what, reason: `${show(d.recommended)} → ${show(now.value)}` };
    if (!settled(itemKey(item), last.ord) && !settled(`review:${d.step}`, last.ord)) items.push(item);
  }
  for (const n of s.notices) {
    for (const a of factAmendments(n.told, n.ord)) {
      // A later notice to the same party after the amendment is the correction.
      if (s.notices.some((m) => m.party === n.party && m.ord > a.ord)) continue;
      const item: OpenItem = { kind: 'correction', step: n.step, fact: a.what, party: n.party, reason: `${show(a.from)} → ${show(a.to)}` };
      if (!settled(itemKey(item), a.ord) && !settled(`correction:${n.step}`, a.ord) && !items.some((x) => itemKey(x) === itemKey(item))) items.push(item);
    }
  }
  for (const fact of s.unknown) {
    const step = [...s.asked].find(([, f]) => f.has(fact))?.[0];
    const item: OpenItem = { kind: 'unknown', fact, ...(step ? { step } : {}) };
    if (!settled(itemKey(item), -1)) items.push(item);
  }
  // One item per record (its key is kind:step), naming the languages still missing: 'zh' or 'ja, zh'.
  for (const step of s.records.keys()) {
    const missing = missingLangs(pb, s, step);
    const item: OpenItem = { kind: 'translate', step, reason: missing.join(', ') };
    if (missing.length && !settled(itemKey(item), -1)) items.push(item);
  }
  // Keyed by the fact, or the decision's step; settled by resolve or by a later answer that saw both.
  for (const c of conflicts(s.answers, s.links)) {
    const [kind, name] = [c.key.slice(0, c.key.indexOf(':')), c.key.slice(c.key.indexOf(':') + 1)];
    const tz = s.started?.timezone ?? 'UTC';
    const answers = [c.stands, c.other].map((a) => ({ value: a.value, who: a.who, at: a.at }));
    const item: OpenItem = {
      kind: 'conflict', ...(kind === 'fact' ? { fact: name } : { step: name }), answers,
      reason: answers.map((a) => `${show(a.value)} (${a.who} ${formatTime(a.at, tz, 'none')})`).join(' ≠ '),
    };
    if (!settled(itemKey(item), Math.max(c.stands.ord, c.other.ord))) items.push(item);
  }
  return items.sort(byUrgency);
}

const show = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));
