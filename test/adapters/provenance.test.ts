import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { gitInfo, sha256File } from '../../src/adapters/provenance.js';

const dir = mkdtempSync(join(tmpdir(), 'irbook-git-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { encoding: 'utf8' }).trim();

it('records the commit of the playbooks folder and whether the file differs from it', async () => {
  const file = join(dir, 'pb.yaml');
  writeFileSync(file, 'id: pb\n');
  expect(await gitInfo(file)).toEqual({}); // not a repository yet
  git('init', '-q');
  expect(await gitInfo(file)).toEqual({}); // no commit yet
  git('add', 'pb.yaml');
  git('commit', '-qm', 'pb');
  const head = git('rev-parse', 'HEAD');
  expect(await gitInfo(file)).toEqual({ commit: head, dirty: false });
  appendFileSync(file, 'version: 1.0.0\n');
  expect(await gitInfo(file)).toEqual({ commit: head, dirty: true });
  expect(sha256File(file)).toMatch(/^[0-9a-f]{64}$/);
});
