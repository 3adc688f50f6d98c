// An incident's chains on disk, read-only: one hash chain per writer (journal/<actor>@<host>.jsonl,
// DESIGN.md "Session journal (v2)"), or the v1 journal.jsonl read as the single chain `v1`; the
// checks a read or `verify` makes across them; the incident's heads. Appending is journal.ts.
import { readdirSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { checkChain, checkSeen, merge, unknownTypes, type Bad, type Chain } from '../core/journal/chain.js';
import { GENESIS, hashInput, type JournalEvent } from '../core/journal/event.js';
import { formatHead, type Head } from '../core/journal/heads.js';
import { readChainBytes, scan, sha256, type Torn } from './chain-file.js';
import { matches, readCheckpoint, type ChainMark, type Checkpoint } from './checkpoint.js';
import { listSeals } from './seal.js';
import { storageError } from './store.js';


/** The v1 layout: one chain in the incident folder, read and verified as the writer `v1`. */
export const JOURNAL_FILE = 'journal.jsonl';
export const LEGACY_WRITER = 'v1';
export const CHAINS_DIR = 'journal';

export type Verdict = { ok: true; events: number; last: string } | { ok: false; line: number; reason: string; detail?: string };
export type IncidentVerdict =
  | { ok: true; events: number; heads: Head[]; warnings: { file: string; line: number; type: string }[] }
  | { ok: false; file: string; line: number; reason: string; detail?: string };

/** sha256 hex of the RFC 8785 form of the event without `hash`. */
/** sha256 of what an event's hash covers; `data`: its data's canonical text, where already made. */
export const hashEvent = (e: Omit<JournalEvent, 'hash'> & { hash?: string }, data?: string): string => sha256(hashInput(e, data));

/** The chain name of a writer: `<actor>@<host>`, lower case, letters/digits/._- only (a file name on every system, no `:` or spaces, so heads split cleanly). */
export function writerId(actor: string, host = hostname()): string {
  const clean = (s: string) => s.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '').slice(0, 48) || 'x';
  return `${clean(actor)}@${clean(host.split('.')[0] ?? host)}`;
}

/** The writer of this process: --actor / IRBOOK_ACTOR / the login name, at this host. */
export const defaultActor = (env: NodeJS.ProcessEnv = process.env): string => env.IRBOOK_ACTOR ?? userInfo().username;

// ---- Chains on disk ----

interface ChainState {
  writer: string; file: string; events: JournalEvent[]; size: number; torn?: Torn; bad?: { line: number; reason: string; detail?: string };
  /** A complete last event without its newline: checked, not yet taken in. */
  tail?: JournalEvent;
  /** The first events a checkpoint vouches for (their bytes hash as when they were checked): not hashed again. */
  trusted?: number;
  /** The bytes read (for a new checkpoint); dropped once it is written. */
  buf?: Buffer;
  /** The file's inode at the last look (a journal keeps descriptors only while it is the same). */
  ino?: number;
}

const chainFile = (dir: string, writer: string) => (writer === LEGACY_WRITER ? join(dir, JOURNAL_FILE) : join(dir, CHAINS_DIR, `${writer}.jsonl`));

/** The writers with a chain in an incident folder (the v1 file as `v1`; `v1: false` when it is known not to be there). */
export function writersOf(dir: string, o: { v1?: boolean } = {}): string[] {
  const out: string[] = [];
  try {
    if (o.v1 !== false) for (const e of readdirSync(dir, { withFileTypes: true })) if (e.name === JOURNAL_FILE) out.push(LEGACY_WRITER);
    for (const name of readdirSync(join(dir, CHAINS_DIR))) if (name.endsWith('.jsonl')) out.push(name.slice(0, -'.jsonl'.length));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw storageError(dir, e);
  }
  return out.sort();
}

function load(dir: string, writer: string, mark?: ChainMark, keep = false): ChainState {
  const file = chainFile(dir, writer);
  const buf = readChainBytes(file);
  // The lines a still-matching checkpoint mark covers are neither shape-checked nor hashed again.
  const vouched = mark?.seq && matches(buf, mark) ? mark.seq : 0;
  const s = scan(buf, 1, vouched);
  // Complete lines only: a torn tail is a write in progress, or a crash its writer will repair.
  const size = s.bad ? s.size : s.torn ? s.size - s.torn.bytes : s.size;
  const tail = s.torn?.complete ? s.events.at(-1) : undefined;
  const events = tail ? s.events.slice(0, -1) : s.events;
  // (Bytes that match but end elsewhere than the mark says: not what it was taken of, read it all.)
  if (vouched && events[vouched - 1]?.hash !== mark?.hash) return load(dir, writer, undefined, keep);
  return { writer, file, events, size, ...(keep && { buf }), ...(vouched && { trusted: vouched }), ...(s.torn && { torn: s.torn }), ...(s.bad && { bad: s.bad }), ...(tail && { tail }) };
}

/** An incident's chains, each vouched for up to its checkpoint mark where `checkpoint` is set and the mark still matches. */
function loadAll(dir: string, o: { checkpoint?: boolean; read?: Checkpoint } = {}): ChainState[] {
  // (`read`: the checkpoint the caller has already read, for its fold too.)
  const marks = o.checkpoint ? new Map((o.read ?? readCheckpoint(dir))?.chains.map((m) => [m.writer, m])) : undefined;
  // The bytes are kept (for a new checkpoint) only by a read that may write one.
  return writersOf(dir).map((w) => load(dir, w, marks?.get(w), o.checkpoint));
}

/** The first problem of an incident's chains (a read or verify), or its heads. */
/** Heads an anchor says the chains contain: `source` names it (--expect, a report file, a seal). */
export interface Anchor { source: string; heads: readonly Head[] }

function judge(dir: string, chains: readonly ChainState[], o: { strict: boolean; expect?: readonly Anchor[] }): IncidentVerdict {
  const fail = (b: Bad): IncidentVerdict => ({ ok: false, file: chainFile(dir, b.writer), line: b.line, reason: b.reason, ...(b.detail !== undefined && { detail: b.detail }) });
  for (const c of chains) {
    const broken = checkChain(c.tail ? { writer: c.writer, events: [...c.events, c.tail] } : c, sha256, c.trusted ?? 0);
    if (broken) return fail(broken);
    if (c.bad) return fail({ writer: c.writer, ...c.bad });
    if (o.strict && c.torn && !c.torn.complete) return fail({ writer: c.writer, line: c.torn.line, reason: 'verify-torn', detail: `${c.torn.bytes} bytes` });
  }
  const seen = checkSeen(chains);
  if (seen) return fail(seen);
  const total = chains.reduce((n, c) => n + c.events.length, 0);
  if (!total) return { ok: false, file: chains[0]?.file ?? join(dir, CHAINS_DIR), line: 0, reason: 'verify-empty' };
  if (!chains.some((c) => c.events.some((e) => e.type === 'session.started'))) return { ok: false, file: join(dir, CHAINS_DIR), line: 0, reason: 'verify-no-start' };
  const heads = headsOf(chains);
  for (const a of o.expect ?? []) {
    for (const h of a.heads) {
      const c = chains.find((x) => x.writer === h.writer);
      const e = c?.events[h.seq - 1];
      const detail = `${a.source}: ${formatHead(h)}`;
      if (!c?.events.length) return { ok: false, file: chainFile(dir, h.writer), line: 0, reason: 'verify-chain-missing', detail };
      if (!e) return { ok: false, file: c.file, line: h.seq, reason: 'verify-head-missing', detail };
      if (e.hash !== h.hash) return { ok: false, file: c.file, line: h.seq, reason: 'verify-head-changed', detail };
    }
  }
  const warnings = unknownTypes(chains).map((u) => ({ file: chainFile(dir, u.writer), line: u.line, type: u.type }));
  return { ok: true, events: total, heads, warnings };
}

export const headsOf = (chains: readonly Chain[]): Head[] =>
  chains.filter((c) => c.events.length).map((c) => ({ writer: c.writer, seq: c.events.length, hash: c.events.at(-1)!.hash }));

/**
 * Read-only: an incident's merged events, its heads, and whether its chains verify (torn tails of
 * writes in progress are left out, not failed, unless `strict`: a report is drawn only from
 * chains that verify as `verify` would). `checkpoint`: the events a checkpoint vouches for are not
 * hashed again (never for verify or a report).
 */
export function readIncidentJournal(dir: string, o: { strict?: boolean; checkpoint?: boolean } = {}): { events: JournalEvent[]; heads: Head[]; verdict: IncidentVerdict; chains: ChainState[] } {
  const chains = loadAll(dir, o);
  // The heads a seal names are anchors too (their signatures are verify's job: ssh-keygen is slow).
  const verdict = judge(dir, chains, { strict: o.strict ?? false, expect: listSeals(dir).map((s) => ({ source: s.file, heads: s.heads })) });
  return { events: merge(chains), heads: headsOf(chains), verdict, chains };
}

/** Every chain, every `seen` reference, a session.started, and the expected heads; the first problem, or the heads. */
export function verifyIncident(dir: string, o: { expect?: readonly Anchor[] } = {}): IncidentVerdict {
  const chains = loadAll(dir);
  return judge(dir, chains, { strict: true, ...o });
}

/** One chain file, read-only: every well-formed line up to the first malformed one (`bad`); a torn last line is reported, not returned. */
export function readJournal(file: string): { events: JournalEvent[]; torn?: Torn; bad?: { line: number; reason: string; detail?: string } } {
  const { events, torn, bad } = scan(readChainBytes(file));
  return { events, ...(torn && { torn }), ...(bad && { bad }) };
}

/** One chain file: walk it and name the first bad line (1-based), or the number of events and the last hash. */
export function verifyJournal(file: string): Verdict {
  const s = scan(readChainBytes(file));
  const broken = checkChain({ writer: '', events: s.events }, sha256);
  if (broken) return { ok: false, line: broken.line, reason: broken.reason, ...(broken.detail !== undefined && { detail: broken.detail }) };
  if (s.bad) return { ok: false, ...s.bad };
  if (s.torn && !s.torn.complete) return { ok: false, line: s.torn.line, reason: 'verify-torn', detail: `${s.torn.bytes} bytes` };
  return { ok: true, events: s.events.length, last: s.events.at(-1)?.hash ?? GENESIS };
}

export { chainFile, judge as judgeChains, loadAll as loadChains };
export type { ChainState };

/** A journal that fails verification, as the error a command stops with. */
export function corrupt(v: Extract<IncidentVerdict, { ok: false }>, exit: 4 | 5): UserError {
  return new UserError(exit, 'journal-corrupt', { file: v.file, line: v.line, reason: v.reason, detail: v.detail ?? '' }, { code: 'hint-verify', params: { file: v.file } });
}
