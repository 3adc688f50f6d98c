// Conflicting answers (DESIGN.md "Session journal (v2)"): two writers answered the same fact or
// decision differently, and neither had seen the other's answer when writing. Whether one writer
// had seen an event is read from the journal itself: an event's causal past is what its `prev`
// (its own chain) and its `seen` references (other chains' heads it had read) lead back to. An
// answer made after seeing another is a deliberate change, never a conflict. The later answer in
// the incident's order stands; the conflict stays an open item until resolved or amended again.
import type { SessionEvent } from './events.js';

/** One answer to a fact (fact.recorded / fact.amended) or a decision (decision.made / decision.revised). */
export interface Answer { value: unknown; who: string; at: string; ord: number; hash?: string }

/** What is known of who saw what: per event hash, the events right before it (prev, then seen heads). */
export type Links = Map<string, string | readonly string[]>;

export interface Conflict {
  /** `fact:NAME` or `decision:STEP`. */
  key: string;
  /** The answer that stands (the later in the incident's order) and the one it was not written against. */
  stands: Answer;
  other: Answer;
}

/** The key an answer event counts under, or undefined for other events. */
export function answerKey(e: Pick<SessionEvent, 'type' | 'data'>): string | undefined {
  const d = e.data as { fact?: unknown; step?: unknown };
  if (e.type === 'fact.recorded' || e.type === 'fact.amended') return typeof d.fact === 'string' ? `fact:${d.fact}` : undefined;
  if (e.type === 'decision.made' || e.type === 'decision.revised') return typeof d.step === 'string' ? `decision:${d.step}` : undefined;
  return undefined;
}

/** Record an event's links (it is a stored journal event: it has a hash). */
export function link(links: Links, e: SessionEvent): void {
  const x = e as SessionEvent & { hash?: unknown; prev?: unknown; seen?: Record<string, string> };
  if (typeof x.hash !== 'string' || typeof x.prev !== 'string') return;
  links.set(x.hash, x.seen ? [x.prev, ...Object.values(x.seen)] : x.prev);
}

/** Which of `targets` are in `from`'s causal past; the walk back stops once all are found. */
function seenAmong(links: Links, from: string, targets: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  if (targets.has(from)) found.add(from);
  const visited = new Set<string>([from]);
  const todo = [from];
  while (todo.length && found.size < targets.size) {
    const l = links.get(todo.pop()!);
    if (l === undefined) continue;
    for (const h of typeof l === 'string' ? [l] : l) {
      if (visited.has(h)) continue;
      visited.add(h);
      if (targets.has(h)) found.add(h);
      todo.push(h);
    }
  }
  return found;
}

/** Whether the writer of `from` had seen `target` (it is in `from`'s causal past). */
export const hadSeen = (links: Links, from: string, target: string): boolean => seenAmong(links, from, new Set([target])).size > 0;

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * The conflicts among answers (each key's answers in the incident's order): the standing answer
 * against the latest earlier answer with another value that it had not seen and that had not
 * seen it. Answers without a hash (not yet journaled, e.g. in memory) are never in conflict.
 */
export function conflicts(answers: ReadonlyMap<string, readonly Answer[]>, links: Links): Conflict[] {
  const out: Conflict[] = [];
  for (const [key, list] of answers) {
    const stands = list.at(-1);
    if (!stands?.hash || list.length < 2) continue;
    const differing = list.slice(0, -1).filter((a) => a.hash !== undefined && !same(a.value, stands.value));
    if (!differing.length) continue;
    // One walk back from the standing answer for all of them (most were seen: an amended fact).
    const seen = seenAmong(links, stands.hash, new Set(differing.map((a) => a.hash!)));
    const other = differing.findLast((a) => !seen.has(a.hash!) && !hadSeen(links, a.hash!, stands.hash!));
    if (other) out.push({ key, stands, other });
  }
  return out;
}
