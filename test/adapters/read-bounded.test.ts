import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readBounded } from '../../src/adapters/read-bounded.js';

const dir = mkdtempSync(join(tmpdir(), 'irbook-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The buffer is sized from fstat: files at, just under and over the limit, empty, and multi-byte text.
it.each([
  { name: 'empty', text: '', max: 16, ok: true },
  { name: 'under', text: 'a'.repeat(15), max: 16, ok: true },
  { name: 'at', text: 'a'.repeat(16), max: 16, ok: true },
  { name: 'over', text: 'a'.repeat(17), max: 16, ok: false },
  { name: 'cjk', text: '漏えい泄露'.repeat(1000), max: 1 << 20, ok: true },
])('$name', ({ name, text, max, ok }) => {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  const r = readBounded(file, max);
  expect(r).toEqual(ok ? { ok: true, text } : { ok: false, code: 'yaml-too-large', params: { bytes: text.length, max } });
});

it('refuses what is not a regular file without reading it', () => {
  expect(readBounded('/dev/zero', 16)).toEqual({ ok: false, code: 'file-not-regular', params: { type: 'device' } });
  expect(readBounded(dir, 16)).toEqual({ ok: false, code: 'file-not-regular', params: { type: 'directory' } });
});
