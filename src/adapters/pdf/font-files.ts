// The shipped faces are gzipped (19 MB instead of 31 MB installed), and inflating one costs
// 30–60 ms on every report. The first report keeps the inflated copy in the user's cache folder
// (fonts/ in the folder cache.ts names); later ones read that. A copy is used
// only when its size is the one the gzip file records, and its name carries the gzip file's size,
// so a changed font replaces it; where the folder cannot be written, each report inflates again.
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { cacheDir } from '../cache.js';

/** Where the inflated faces are kept: fonts/ in irbook's cache folder. */
export const fontCacheDir = (env: NodeJS.ProcessEnv = process.env): string => join(cacheDir(env), 'fonts');

// A gzip member ends with the inflated size mod 2^32 (the faces are far below 4 GB).
const cachedName = (gz: string, dir: string, size: number) => join(dir, `${basename(gz, '.gz')}.${size}`);

/** The gzip file's size, and the inflated size its last four bytes record. */
function sizes(gz: string): { size: number; inflatedSize: number } {
  const fd = openSync(gz, 'r');
  try {
    const size = fstatSync(fd).size;
    const tail = Buffer.alloc(4);
    readSync(fd, tail, 0, 4, size - 4);
    return { size, inflatedSize: tail.readUInt32LE(0) };
  } finally {
    closeSync(fd);
  }
}

/** The inflated bytes of the gzip file `gz`, from the cache when it holds them. */
export function inflatedFont(gz: string, dir = fontCacheDir()): Buffer {
  const { size, inflatedSize } = sizes(gz);
  const cached = cachedName(gz, dir, size);
  try {
    if (statSync(cached).size === inflatedSize) return readFileSync(cached);
  } catch {
    // not cached yet
  }
  const bytes = gunzipSync(readFileSync(gz));
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, cached);
  } catch {
    // a read-only or full cache folder only costs the next report the inflating
  }
  return bytes;
}

/** The cached inflated copy of `gz` read in the background (the read runs off the main thread, so
 *  it overlaps whatever the command does meanwhile), or undefined when there is none: the caller
 *  then takes inflatedFont's path, which also fills the cache. */
export async function cachedFont(gz: string, dir = fontCacheDir()): Promise<Buffer | undefined> {
  try {
    // The header is four bytes (read at once); the face itself, megabytes, is read off the thread.
    const { size, inflatedSize } = sizes(gz);
    const cached = cachedName(gz, dir, size);
    if ((await stat(cached)).size !== inflatedSize) return undefined;
    const bytes = await readFile(cached);
    return bytes.length === inflatedSize ? bytes : undefined;
  } catch {
    return undefined;
  }
}
