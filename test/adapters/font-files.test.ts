// The inflated-font cache: a good copy is read instead of inflating, a copy of the wrong size is
// replaced, and a folder that cannot be written still gives the right bytes; the background read
// serves only a good copy.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedFont, fontCacheDir, inflatedFont } from '../../src/adapters/pdf/font-files.js';

const root = mkdtempSync(join(tmpdir(), 'irbook-font-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const FONT = Buffer.from('a font file, inflated '.repeat(500));

function gz(name: string, body = FONT): string {
  const file = join(root, `${name}.ttf.gz`);
  writeFileSync(file, gzipSync(body));
  return file;
}

describe('inflatedFont', () => {
  it('inflates once, keeps the copy, and reads the copy the next time', () => {
    const dir = join(root, 'a');
    const file = gz('A');
    expect(inflatedFont(file, dir).equals(FONT)).toBe(true);
    const [copy, ...more] = readdirSync(dir);
    expect(more).toEqual([]);
    expect(copy).toMatch(/^A\.ttf\.\d+$/);
    // A copy of the right size is what is read: change its bytes and the change comes back.
    const marked = Buffer.from(FONT);
    marked.write('MARK', 0);
    writeFileSync(join(dir, copy ?? ''), marked);
    expect(inflatedFont(file, dir).subarray(0, 4).toString()).toBe('MARK');
  });

  it('replaces a copy of the wrong size (a truncated write)', () => {
    const dir = join(root, 'b');
    const file = gz('B');
    inflatedFont(file, dir);
    const copy = join(dir, readdirSync(dir)[0] ?? '');
    writeFileSync(copy, FONT.subarray(0, 100));
    expect(inflatedFont(file, dir).equals(FONT)).toBe(true);
    expect(readFileSync(copy).equals(FONT)).toBe(true);
  });

  it('names the copy by the gzip file, so a changed font is not served from an old copy', () => {
    const dir = join(root, 'c');
    const other = Buffer.from('another font of another length');
    inflatedFont(gz('C'), dir);
    expect(inflatedFont(gz('C', other), dir).equals(other)).toBe(true);
  });

  it.skipIf(process.getuid?.() === 0)('still inflates where the cache folder cannot be written', () => {
    const dir = join(root, 'ro');
    mkdirSync(dir);
    chmodSync(dir, 0o500);
    expect(inflatedFont(gz('D'), join(dir, 'fonts')).equals(FONT)).toBe(true);
  });

  it('still inflates where the cache folder is a file', () => {
    const file = join(root, 'not-a-dir');
    writeFileSync(file, 'x');
    expect(inflatedFont(gz('E'), join(file, 'fonts')).equals(FONT)).toBe(true);
  });

  it.each([
    [{ IRBOOK_CACHE_DIR: '/y/c', XDG_CACHE_HOME: '/x/cache' }, '/y/c/fonts'],
    [{ XDG_CACHE_HOME: '/x/cache' }, '/x/cache/irbook/fonts'],
    [{ XDG_CACHE_HOME: '' }, join(homedir(), '.cache', 'irbook', 'fonts')],
    [{}, join(homedir(), '.cache', 'irbook', 'fonts')],
  ])('fontCacheDir(%j) = %s', (env, want) => {
    expect(fontCacheDir(env)).toBe(want);
  });
});

describe('cachedFont (the background read)', () => {
  it('gives a good copy and nothing else: no copy, a copy of the wrong size, no gzip file', async () => {
    const dir = join(root, 'bg');
    const file = gz('F');
    expect(await cachedFont(file, dir)).toBeUndefined();
    inflatedFont(file, dir);
    expect((await cachedFont(file, dir))?.equals(FONT)).toBe(true);
    const copy = join(dir, readdirSync(dir)[0] ?? '');
    writeFileSync(copy, FONT.subarray(0, 100));
    expect(await cachedFont(file, dir)).toBeUndefined();
    expect(await cachedFont(join(root, 'missing.ttf.gz'), dir)).toBeUndefined();
  });
});
