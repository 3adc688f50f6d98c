// A cache of work irbook can redo at any time (validated playbooks, what `list` shows), in the
// user's cache folder. It is only ever a shortcut: every entry names the inputs it was made from
// and is used only when they are the same; a missing, unreadable, corrupt or foreign entry is a
// miss, and a cache that cannot be written is left alone (the command works as without it).
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { irbookVersion } from './dirs.js';

/** IRBOOK_CACHE_DIR, else $XDG_CACHE_HOME/irbook, else ~/.cache/irbook. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.IRBOOK_CACHE_DIR) return env.IRBOOK_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'irbook');
}

let build: string | undefined;
/**
 * This irbook: its version, and the size and time of the code running now, so that a rebuilt
 * checkout (same version, other rules) never reads what an older build wrote.
 */
export function buildId(): string {
  if (build === undefined) {
    let version = '?';
    try { version = irbookVersion(); } catch { /* a key without it still differs by build */ }
    let code = '';
    try { const st = statSync(fileURLToPath(import.meta.url)); code = `${st.size}:${st.mtimeMs}`; } catch { /* keyed by version only */ }
    build = `${version}|${code}`;
  }
  return build;
}

/** sha256 over the parts, each length-prefixed so that no two lists of parts give the same bytes. */
export function cacheKey(parts: readonly (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    const b = typeof p === 'string' ? Buffer.from(p) : p;
    h.update(`${b.length}:`).update(b);
  }
  return h.digest('hex');
}

interface Entry<T> { key: string; value: T }

/** The value stored under `name` if it was stored for `key`; anything else is a miss. */
export function readCache<T>(name: string, key: string, env: NodeJS.ProcessEnv = process.env): T | undefined {
  try {
    const e = JSON.parse(readFileSync(join(cacheDir(env), name), 'utf8')) as Entry<T>;
    return e && typeof e === 'object' && e.key === key && e.value !== undefined ? e.value : undefined;
  } catch {
    return undefined;
  }
}

/** Store `value` under `name` for `key`: a temp file renamed over the entry, so a reader sees the
 *  old entry or the new one. Errors are ignored: the cache is an optimisation. */
export function writeCache(name: string, key: string, value: unknown, env: NodeJS.ProcessEnv = process.env): void {
  const dir = cacheDir(env);
  const tmp = join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(tmp, JSON.stringify({ key, value } satisfies Entry<unknown>), { mode: 0o600, flag: 'wx' });
    renameSync(tmp, join(dir, name));
  } catch {
    try { rmSync(tmp, { force: true }); } catch { /* nothing was written */ }
  }
}
