// The incident store: where incidents live, their ids, and the small file-system helpers the
// journal shares (mode 0700/0600, flushing a folder after a new name in it).
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT, UserError } from '../errors.js';
import { acquireLock } from './lock.js';

// INC-YYYYMMDD-NNN, or INC-YYYYMMDD-SITE-NNN where several sites share a store through git.
const INCIDENT_ID = /^INC-(\d{8})-(?:([A-Z0-9]{2,8})-)?(\d{3})$/;
export const SITE_CODE = /^[A-Z0-9]{2,8}$/;
/** Per site, the highest number given out for each day: numbers are never reused, even after the highest folder is deleted. One file per site, so two sites never edit the same file. */
export const COUNTERS_DIR = '.irbook-counters';

/** --store option, else env IRBOOK_STORE, else ./incidents (resolved absolute). */
export function storeDir(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (option) return resolve(option);
  if (env.IRBOOK_STORE) return resolve(env.IRBOOK_STORE);
  return resolve('incidents');
}

/**
 * New incident folder INC-YYYYMMDD[-SITE]-NNN, created atomically (a racing process takes the next
 * number), mode 0700; the number comes after the highest ever given out at this site that day.
 */
export function createIncident(store: string, day: string, site?: string): { id: string; dir: string } {
  if (!/^\d{8}$/.test(day)) throw new TypeError(`createIncident: day must be YYYYMMDD, not ${day}`);
  if (site !== undefined && !SITE_CODE.test(site)) throw new TypeError(`createIncident: bad site code ${site}`);
  try {
    if (mkdirSync(store, { recursive: true, mode: 0o700 }) !== undefined) chmodSync(store, 0o700);
  } catch (e) {
    throw storageError(store, e);
  }
  const prefix = `INC-${day}-${site ? `${site}-` : ''}`;
  const counter = join(store, COUNTERS_DIR, `${site ?? 'local'}.json`);
  makeDir(join(store, COUNTERS_DIR));
  const lock = acquireLock(`${counter}.lock`);
  try {
    const given = readCounters(counter);
    const used = listIncidents(store).filter((id) => id.startsWith(prefix) && /^\d{3}$/.test(id.slice(prefix.length))).map((id) => Number(id.slice(prefix.length)));
    const made = mkdirNext(store, prefix, Math.max(0, given[prefix] ?? 0, ...used) + 1);
    if (!made) throw new UserError(EXIT.storage, 'incident-day-full', { day, store });
    writeCounters(counter, { ...given, [prefix]: Number(made.id.slice(prefix.length)) });
    return made;
  } finally {
    lock.release();
  }
}

function readCounters(file: string): Record<string, number> {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, number>) : {};
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw storageError(file, e);
  }
}

// Written to a temporary file and renamed over, so a crash leaves the old or the new counters.
function writeCounters(file: string, counters: Record<string, number>): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, `${JSON.stringify(counters, Object.keys(counters).sort(), 1)}\n`, { mode: 0o600 });
    const fd = openSync(tmp, 'r');
    try { fsyncSync(fd); } finally { closeSync(fd); }
    renameSync(tmp, file);
    fsyncDir(join(file, '..'));
  } catch (e) {
    throw storageError(file, e);
  }
}

function mkdirNext(store: string, prefix: string, from: number): { id: string; dir: string } | undefined {
  for (let n = from; n <= 999; n++) {
    const id = `${prefix}${String(n).padStart(3, '0')}`;
    const dir = join(store, id);
    try {
      mkdirSync(dir, { mode: 0o700 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw storageError(dir, e);
    }
    chmodSync(dir, 0o700);
    fsyncDir(store);
    return { id, dir };
  }
  return undefined;
}

/** The folder of an existing incident; only ids of the form INC-YYYYMMDD[-SITE]-NNN (no paths). */
export function incidentDir(store: string, id: string): string {
  const dir = join(store, id);
  if (!INCIDENT_ID.test(id) || !isDirectory(dir)) {
    throw new UserError(EXIT.usage, 'incident-not-found', { id, store }, { code: 'hint-incidents' });
  }
  return dir;
}

/** Ids of the incidents in the store, sorted; [] if the store does not exist. */
export function listIncidents(store: string): string[] {
  try {
    return readdirSync(store, { withFileTypes: true })
      .filter((e) => e.isDirectory() && INCIDENT_ID.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw storageError(store, e);
  }
}

export function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A new folder (0700, whatever the umask), flushed into its parent. */
export function makeDir(dir: string): void {
  try {
    if (mkdirSync(dir, { recursive: true, mode: 0o700 }) !== undefined) {
      chmodSync(dir, 0o700);
      fsyncDir(join(dir, '..'));
    }
  } catch (e) {
    throw storageError(dir, e);
  }
}

// A new name in a folder survives a power cut only once the folder itself is flushed.
export function fsyncDir(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch (e) {
    if (['EISDIR', 'EPERM', 'EACCES'].includes((e as NodeJS.ErrnoException).code ?? '')) return;
    throw storageError(dir, e);
  }
  try {
    fsyncSync(fd);
  } catch (e) {
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EBADF'].includes((e as NodeJS.ErrnoException).code ?? '')) throw storageError(dir, e);
  } finally {
    closeSync(fd);
  }
}

export function storageError(file: string, e: unknown, code = 'journal-unreadable'): UserError {
  return new UserError(EXIT.storage, code, { file, detail: e instanceof Error ? e.message : String(e) });
}
