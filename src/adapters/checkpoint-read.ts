// Reading an incident through its checkpoint (checkpoint.ts): each chain's bytes up to its mark
// are checked with one sha256 and not parsed at all; only the lines after the marks are parsed,
// linked, hashed and folded onto the checkpoint's state. Anything this path cannot decide from
// those lines alone — a mark that no longer matches, a chain gone, a bad or torn line, a line that
// sorts before the checkpoint's last event, a `seen` reference or a seal into the marked prefix
// that the checkpoint does not vouch for — returns undefined, and the caller walks every chain.
import { createHash, type Hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { checkChain, compareEvents, merge, unknownTypes, type Chain } from '../core/journal/chain.js';
import { GENESIS, type JournalEvent } from '../core/journal/event.js';
import { formatHead, type Head } from '../core/journal/heads.js';
import type { SessionEvent } from '../core/session/events.js';
import { pinnedOf } from '../core/session/plan.js';
import { apply, type State } from '../core/session/state.js';
import { chainFile, writersOf, type ChainState, type IncidentVerdict } from './chains.js';
import { readChainBytes, scan, sha256 } from './chain-file.js';
import { CHECKPOINT_EVERY, checkpointFile, foldLast, readCheckpoint, writeCheckpoint, type ChainMark, type Checkpoint, type Fold } from './checkpoint.js';
import { listSeals } from './seal.js';

export interface Folded { state: State; pin: Fold['pin']; heads: Head[]; verdict: Extract<IncidentVerdict, { ok: true }> }

interface Tail extends Chain { mark: ChainMark; events: JournalEvent[]; hash: Hash; rest: Buffer; complete: number }

const EMPTY_SHA = sha256('');

/**
 * The incident's state, pin, heads and verdict from its checkpoint and the lines after it; else
 * walk every chain: `undefined` when there is no checkpoint, `stale` when there is one this read
 * could not use (the full read then writes a new one, so the next read need not walk again).
 */
export function readFolded(dir: string): Folded | 'stale' | undefined {
  const cp = readCheckpoint(dir);
  if (!cp) return existsSync(checkpointFile(dir)) ? 'stale' : undefined;
  return foldOnto(dir, cp) ?? 'stale';
}

function foldOnto(dir: string, cp: Checkpoint): Folded | undefined {
  const writers = writersOf(dir);
  const marks = new Map(cp.chains.map((m) => [m.writer, m]));
  if (cp.chains.some((m) => !writers.includes(m.writer))) return undefined;
  const tails: Tail[] = [];
  for (const writer of writers) {
    const mark = marks.get(writer) ?? { writer, bytes: 0, seq: 0, hash: GENESIS, sha256: EMPTY_SHA };
    const buf = readChainBytes(chainFile(dir, writer));
    if (buf.length < mark.bytes || (mark.bytes && buf[mark.bytes - 1] !== 0x0a)) return undefined;
    // One pass: the digest at the mark is compared, and the same hash goes on over the new lines.
    const hash = createHash('sha256').update(buf.subarray(0, mark.bytes));
    if (hash.copy().digest('hex') !== mark.sha256) return undefined;
    const rest = buf.subarray(mark.bytes);
    const s = scan(rest, mark.seq + 1);
    if (s.bad || s.torn?.complete) return undefined;
    const tail: Tail = { writer, mark, events: s.events, hash, rest, complete: rest.length - (s.torn?.bytes ?? 0) };
    if (checkChain(tail, sha256, 0, mark.seq ? mark.hash : GENESIS, mark.seq + 1)) return undefined;
    tails.push(tail);
  }
  const last = foldLast(cp.fold);
  if (tails.some((t) => t.events.some((e) => compareEvents({ e, writer: t.writer }, last) <= 0))) return undefined;
  const seenAt = seenAfter(tails, cp.fold.seenAt);
  if (!seenAt) return undefined;
  const heads = tails.filter((t) => t.mark.seq + t.events.length > 0).map((t) => ({ writer: t.writer, seq: t.mark.seq + t.events.length, hash: t.events.at(-1)?.hash ?? t.mark.hash }));
  const anchors = listSeals(dir).flatMap((s) => s.heads);
  if (!anchors.every((h) => contains(tails.find((t) => t.writer === h.writer), h, cp.fold.anchors))) return undefined;

  const news = merge(tails);
  const state = (news as SessionEvent[]).reduce(apply, cp.fold.state);
  if (!state.started) return undefined;
  const pin = pinnedOf(news as SessionEvent[]) ?? cp.fold.pin;
  const known = new Set(cp.fold.warnings.map((w) => w.type));
  const warnings = [...cp.fold.warnings, ...unknownTypes(tails).filter((w) => !known.has(w.type))];
  if (news.length >= CHECKPOINT_EVERY) {
    const lastNew = latest(tails)!;
    writeCheckpoint(dir, {
      chains: tails.map((t) => ({ writer: t.writer, bytes: t.mark.bytes + t.complete, seq: t.mark.seq + t.events.length, hash: t.events.at(-1)?.hash ?? t.mark.hash, sha256: t.hash.update(t.rest.subarray(0, t.complete)).digest('hex') })),
      fold: { state, ...(pin && { pin }), last: { at: lastNew.e.at, writer: lastNew.writer, seq: lastNew.e.seq }, warnings, seenAt, anchors: anchors.map(formatHead) },
    });
  }
  const events = heads.reduce((n, h) => n + h.seq, 0);
  return { state, pin, heads, verdict: { ok: true, events, heads, warnings: warnings.map((w) => ({ file: chainFile(dir, w.writer), line: w.line, type: w.type })) } };
}

/** The last event of the chains in the incident's order (at, writer, seq), with its writer. */
function latest(chains: readonly { writer: string; events: readonly JournalEvent[] }[]): { e: JournalEvent; writer: string } | undefined {
  return chains.map((c) => ({ e: c.events.at(-1), writer: c.writer })).filter((x): x is { e: JournalEvent; writer: string } => x.e !== undefined).sort(compareEvents).at(-1);
}

// A head the chains must contain: after the mark it is checked in the new lines, at or before it
// only if the checkpoint says the prefix was checked for it.
function contains(t: Tail | undefined, h: Head, vouched: readonly string[]): boolean {
  if (!t) return false;
  if (h.seq > t.mark.seq) return t.events[h.seq - t.mark.seq - 1]?.hash === h.hash;
  return h.seq === t.mark.seq ? t.mark.hash === h.hash : vouched.includes(formatHead(h));
}

/**
 * checkSeen for the lines after the marks: a reference names the other chain's event at its mark
 * or after it, never going back from the checkpoint's positions. Returns the new positions, or
 * undefined for anything else (the full walk decides whether it is wrong).
 */
function seenAfter(tails: readonly Tail[], was: Fold['seenAt']): Fold['seenAt'] | undefined {
  const by = new Map(tails.map((t) => [t.writer, t]));
  const out: Fold['seenAt'] = {};
  for (const t of tails) {
    const next: Record<string, number> = { ...was[t.writer] };
    for (const e of t.events) {
      if (e.seen) for (const w in e.seen) {
        const h = e.seen[w]!;
        const target = by.get(w);
        if (!target || w === t.writer) return undefined;
        const base = target.mark.seq;
        let at: number;
        if (base && h === target.mark.hash) at = base - 1;
        else {
          let i = Math.max(0, (next[w] ?? 0) - base);
          while (i < target.events.length && target.events[i]!.hash !== h) i++;
          if (i === target.events.length) return undefined;
          at = base + i;
        }
        if (at < (next[w] ?? 0)) return undefined;
        next[w] = at;
      }
    }
    out[t.writer] = next;
  }
  return out;
}

/** After a full read that verified: a new checkpoint when at least `every` events were not vouched for by the last one. */
export function saveCheckpoint(dir: string, chains: readonly ChainState[], folded: () => Pick<Fold, 'state' | 'pin'> & { anchors?: readonly Head[] }, every = CHECKPOINT_EVERY): void {
  const fresh = chains.reduce((n, c) => n + c.events.length - (c.trusted ?? 0), 0);
  const last = latest(chains);
  if (fresh < Math.max(1, every) || !last || chains.some((c) => !c.buf)) return;
  const { state, pin, anchors = [] } = folded();
  const seenAt: Fold['seenAt'] = {};
  for (const c of chains) {
    const pos: Record<string, string> = {};
    for (const e of c.events) if (e.seen) for (const w in e.seen) pos[w] = e.seen[w]!;
    seenAt[c.writer] = Object.fromEntries(Object.entries(pos).map(([w, h]) => [w, chains.find((x) => x.writer === w)?.events.findLastIndex((x) => x.hash === h) ?? -1]));
  }
  writeCheckpoint(dir, {
    chains: chains.map((c) => ({ writer: c.writer, bytes: c.size, seq: c.events.length, hash: c.events.at(-1)?.hash ?? GENESIS, sha256: sha256(c.buf!.subarray(0, c.size)) })),
    fold: { state, ...(pin && { pin }), last: { at: last.e.at, writer: last.writer, seq: last.e.seq }, warnings: unknownTypes(chains), seenAt, anchors: anchors.map(formatHead) },
  });
}
