// Checks on chains already parsed: each chain's own links, the `seen` references between chains,
// and the merged order of an incident (at, writer, seq). Pure; the hash function is passed in.
import { GENESIS, hashInput, knownType, type JournalEvent } from './event.js';
import { canonical } from './jcs.js';

export interface Chain { writer: string; events: readonly JournalEvent[] }
/** Where a check failed: the chain (writer), the 1-based line, a message code, and what was found. */
export interface Bad { writer: string; line: number; reason: string; detail?: string }
export type Hash = (text: string) => string;

/**
 * The first broken link of one chain, or undefined. From event `from` on (the ones before are
 * vouched for: already checked by this process, or by a checkpoint's prefix hash); `c.events` may
 * also be the chain's tail alone, its first event being line `firstSeq` after `prevHash`.
 */
export function checkChain(c: Chain, hash: Hash, from = 0, prevHash = GENESIS, firstSeq = 1): Bad | undefined {
  let prev = from ? (c.events[from - 1]?.hash ?? prevHash) : prevHash;
  for (let i = from; i < c.events.length; i++) {
    const e = c.events[i]!;
    const line = firstSeq + i;
    const at = (reason: string, detail: string): Bad => ({ writer: c.writer, line, reason, detail });
    if (e.seq !== line) return at('verify-bad-seq', `seq ${e.seq}`);
    if (e.prev !== prev) return at('verify-bad-prev', `prev ${e.prev.slice(0, 12)}…, line ${i}'s hash ${prev.slice(0, 12)}…`);
    let h: string;
    try {
      // Events here passed shapeProblem: the envelope can be written around the data's encoding.
      h = hash(hashInput(e, canonical(e.data)));
    } catch (err) {
      return at('verify-bad-fields', (err as Error).message);
    }
    if (e.hash !== h) return at('verify-bad-hash', `hash ${e.hash.slice(0, 12)}…, content hashes to ${h.slice(0, 12)}…`);
    prev = e.hash;
  }
  return undefined;
}

/**
 * Every `seen` reference must name an event that is still in the other writer's chain, and a
 * chain's references to one writer never go back: a cut tail or a recomputed chain breaks the
 * references other writers made to it.
 */
export function checkSeen(chains: readonly Chain[]): Bad | undefined {
  const byWriter = new Map(chains.map((c) => [c.writer, c.events]));
  for (const c of chains) {
    // References to one writer never go back, so one forward walk of its chain finds them all.
    const next = new Map<string, number>();
    for (const e of c.events) {
      if (!e.seen) continue;
      for (const [w, h] of Object.entries(e.seen)) {
        const at = (reason: string, detail: string): Bad => ({ writer: c.writer, line: e.seq, reason, detail });
        if (w === c.writer) return at('verify-seen-self', w);
        const target = byWriter.get(w) ?? [];
        let i = next.get(w) ?? 0;
        while (i < target.length && target[i]!.hash !== h) i++;
        if (i === target.length) {
          const earlier = target.findIndex((x) => x.hash === h);
          return earlier === -1 ? at('verify-seen-missing', `${w} ${h.slice(0, 12)}…`) : at('verify-seen-backwards', `${w} seq ${earlier + 1}`);
        }
        next.set(w, i);
      }
    }
  }
  return undefined;
}

/** Types this version does not know, once each, with where they first appear (verify warns). */
export function unknownTypes(chains: readonly Chain[]): { writer: string; line: number; type: string }[] {
  const found = new Map<string, { writer: string; line: number; type: string }>();
  for (const c of chains) for (const e of c.events) if (!knownType(e.type) && !found.has(e.type)) found.set(e.type, { writer: c.writer, line: e.seq, type: e.type });
  return [...found.values()];
}

/** The incident's order: by `at` (as an instant), then writer, then seq. */
export function compareEvents(a: { e: JournalEvent; writer: string }, b: { e: JournalEvent; writer: string }): number {
  const ta = Date.parse(a.e.at);
  const tb = Date.parse(b.e.at);
  if (ta !== tb) return ta - tb;
  if (a.writer !== b.writer) return a.writer < b.writer ? -1 : 1;
  return a.e.seq - b.e.seq;
}

/** All chains' events in the incident's order. */
export function merge(chains: readonly Chain[]): JournalEvent[] {
  if (chains.length === 1) return [...chains[0]!.events];
  // Each instant parsed once, not once per comparison.
  const all = chains.flatMap((c) => c.events.map((e) => ({ e, writer: c.writer, t: Date.parse(e.at) })));
  return all.sort((a, b) => a.t - b.t || (a.writer < b.writer ? -1 : a.writer > b.writer ? 1 : a.e.seq - b.e.seq)).map((x) => x.e);
}
