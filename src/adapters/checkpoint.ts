// A checkpoint beside an incident's chains (DESIGN.md "Session journal (v2)"): what a full read of
// them found, so the next read checks each chain's bytes with one sha256 and parses, hashes and
// folds only the lines added since. It is a cache, never a trust anchor: `verify` and `report`
// never read it, any mismatch (a byte changed before the mark, a shorter file, a chain gone, a
// garbled file, another irbook version) sends the reader back to the full walk, and a store where
// it cannot be written is read the slow way. It lives in the incident's `.cache/` folder, which
// carries its own `.gitignore` (`*`), so neither `irbook sync` nor a `git add -A` shares it.
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { sha256 } from './chain-file.js';
import { irbookVersion } from './dirs.js';
import type { JournalEvent } from '../core/journal/event.js';
import type { Pinned } from '../core/session/events.js';
import type { Shas } from '../core/session/plan.js';
import type { State } from '../core/session/state.js';

export const CACHE_DIR = '.cache';
const FILE = 'checkpoint.v8';
// Bumped whenever what is stored, or how the state is folded, changes meaning.
const FORMAT = 1;
/** Events a read may find past the checkpoint before it writes a new one. */
export const CHECKPOINT_EVERY = 256;

/** Where one chain stood: its first `bytes` (complete lines) hash to `sha256`; `seq` events, the last one `hash`. */
export interface ChainMark { writer: string; bytes: number; seq: number; hash: string; sha256: string }

/** What the read commands need of the events up to the marks, so they need not parse them. */
export interface Fold {
  /** reduce() of the merged events. */
  state: State;
  /** pinnedOf() of the merged events. */
  pin?: { pinned?: Pinned; sha256: Shas };
  /** The last merged event: later lines that sort before it send the reader to the full walk. */
  last: { at: string; writer: string; seq: number };
  /** verify's warnings (types this version does not know). */
  warnings: { writer: string; line: number; type: string }[];
  /** Per chain, per writer it referenced in `seen`: the 0-based index of the last event referenced. */
  seenAt: Record<string, Record<string, number>>;
  /** Sealed heads (`writer:seq:hash`) the marked prefix was checked to contain. */
  anchors: string[];
}

export interface Checkpoint { format: number; irbook: string; chains: ChainMark[]; fold: Fold }

/** The fold's last event as compareEvents takes it: a line after the marks must sort after it. */
export const foldLast = (f: Fold): { e: JournalEvent; writer: string } => ({ e: { at: f.last.at, seq: f.last.seq } as JournalEvent, writer: f.last.writer });

/** Whether a chain's bytes still begin with exactly what its mark was taken of (one sha256 over them). */
export const matches = (buf: Uint8Array, m: ChainMark): boolean =>
  buf.length >= m.bytes && (m.bytes === 0 || (buf[m.bytes - 1] === 0x0a && sha256(buf.subarray(0, m.bytes)) === m.sha256));

/** Where an incident's checkpoint is. */
export const checkpointFile = (dir: string): string => join(dir, CACHE_DIR, FILE);
const file = checkpointFile;

/** The incident's checkpoint, or undefined when there is none or it is not one this version wrote. */
export function readCheckpoint(dir: string): Checkpoint | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file(dir));
  } catch {
    return undefined;
  }
  try {
    const v: unknown = deserialize(bytes);
    return isCheckpoint(v) && v.format === FORMAT && v.irbook === irbookVersion() ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Write the checkpoint (temp file and rename: a reader sees the old one or the new one). Best effort: a read-only store stays read the slow way. */
export function writeCheckpoint(dir: string, c: Omit<Checkpoint, 'format' | 'irbook'>): boolean {
  const cache = join(dir, CACHE_DIR);
  const tmp = join(cache, `.${FILE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    mkdirSync(cache, { recursive: true, mode: 0o700 });
    writeFileSync(join(cache, '.gitignore'), '*\n', { mode: 0o600, flag: 'wx' });
  } catch { /* exists already, or the store is read-only (the write below says which) */ }
  try {
    // No fsync: a checkpoint lost or cut by a crash is found wrong and rebuilt, never trusted.
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      writeSync(fd, serialize({ format: FORMAT, irbook: irbookVersion(), ...c }));
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file(dir));
    return true;
  } catch {
    try { rmSync(tmp, { force: true }); } catch { /* there is no such file */ }
    return false;
  }
}

// ---- Shape (a checkpoint is read back from disk: never assume) ----

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isHex = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
const MAPS = ['asked', 'checks', 'notYet', 'entered', 'completed', 'deferred', 'resolved', 'records'] as const;
const SETS = ['unknown', 'done', 'injects'] as const;

function isState(v: unknown): v is State {
  if (!isObj(v) || !isObj(v.facts) || !isObj(v.factOrd) || !isCount(v.count)) return false;
  if (!Array.isArray(v.decisions) || !Array.isArray(v.notices) || !Array.isArray(v.waivers) || !Array.isArray(v.amendments)) return false;
  return MAPS.every((k) => v[k] instanceof Map) && SETS.every((k) => v[k] instanceof Set);
}

function isMark(v: unknown): v is ChainMark {
  return isObj(v) && typeof v.writer === 'string' && isCount(v.bytes) && isCount(v.seq) && isHex(v.hash) && isHex(v.sha256) && (v.seq > 0) === (v.bytes > 0);
}

function isFold(v: unknown): v is Fold {
  if (!isObj(v) || !isState(v.state) || !isObj(v.last) || !isObj(v.seenAt) || !Array.isArray(v.warnings) || !Array.isArray(v.anchors)) return false;
  const { last } = v;
  if (typeof last.at !== 'string' || typeof last.writer !== 'string' || !isCount(last.seq)) return false;
  if (v.pin !== undefined && !(isObj(v.pin) && isObj(v.pin.sha256))) return false;
  return Object.values(v.seenAt).every((m) => isObj(m) && Object.values(m).every(isCount)) && v.anchors.every((a) => typeof a === 'string');
}

function isCheckpoint(v: unknown): v is Checkpoint {
  return isObj(v) && typeof v.format === 'number' && typeof v.irbook === 'string' && Array.isArray(v.chains) && v.chains.every(isMark) && isFold(v.fold);
}
