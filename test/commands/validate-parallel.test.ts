// A large set of playbooks is shared across worker threads: every file is still checked, and
// problems come back in file order.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'irbook-par-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('finds problems in every part of a 300-file set, in file order', () => {
  const source = readFileSync('playbooks/chat-leak.yaml', 'utf8');
  const name = (i: number) => `pb-${String(i).padStart(3, '0')}`;
  for (let i = 0; i < 300; i++) writeFileSync(join(dir, `${name(i)}.yaml`), source.replace(/^id: chat-leak$/m, `id: ${name(i)}`));
  // Broken files at the start, middle and end, so each worker's share has one.
  for (const i of [3, 151, 298]) writeFileSync(join(dir, `${name(i)}.yaml`), source.replace(/^id: chat-leak$/m, `id: ${name(i)}\ncolour: red`));
  const r = spawnSync(process.execPath, ['bin/irbook.js', 'validate', dir, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 << 20 });
  expect(r.status).toBe(3);
  const report = JSON.parse(r.stdout) as { files: number; errors: number; problems: { file: string; code: string; line: number }[] };
  expect(report.files).toBe(300);
  expect(report.problems.filter((p) => !p.code.startsWith('yaml11-')).map((p) => [p.file.slice(-11), p.code, p.line])).toEqual([
    ['pb-003.yaml', 'unknown-key', 6], ['pb-151.yaml', 'unknown-key', 6], ['pb-298.yaml', 'unknown-key', 6],
  ]);
});
