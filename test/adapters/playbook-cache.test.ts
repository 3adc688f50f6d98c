import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadValidated } from '../../src/adapters/playbook-cache.js';
import { loadPlaybook } from '../../src/adapters/playbook-fs.js';

let root: string, pb: string, env: NodeJS.ProcessEnv;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'irbook-cache-'));
  pb = join(root, 'playbooks');
  mkdirSync(pb);
  for (const f of ['chat-leak.yaml', 'clocks.yaml', 'parties.yaml']) copyFileSync(join('playbooks', f), join(pb, f));
  env = { IRBOOK_CACHE_DIR: join(root, 'cache') };
});
afterEach(() => {
  chmodSync(root, 0o700);
  rmSync(root, { recursive: true, force: true });
});

const load = () => loadValidated('chat-leak', pb, join(root, 'templates'), env);
const entries = () => readdirSync(env.IRBOOK_CACHE_DIR!).filter((f) => f.endsWith('.json'));
/** Mark the cached model (its key left as it is), so that a hit shows: only a hit returns the mark. */
function mark(): void {
  const [name] = entries();
  const file = join(env.IRBOOK_CACHE_DIR!, name!);
  const e = JSON.parse(readFileSync(file, 'utf8')) as { value: { playbook: { title: Record<string, string> } } };
  e.value.playbook.title.en = 'FROM THE CACHE';
  writeFileSync(file, JSON.stringify(e));
}
const title = async () => ((await load()).playbook.title as Record<string, string>).en;
const edit = (file: string, from: string, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));

it('stores the validated model on a miss and serves it while nothing it was made from changes', async () => {
  const fresh = await load();
  expect(entries()).toHaveLength(1);
  // The same model as the validator gives, and the sha256 of the files as start pins them.
  const direct = loadPlaybook('chat-leak', pb);
  expect(fresh.playbook).toEqual(JSON.parse(JSON.stringify(direct.playbook)));
  expect(fresh.clocks).toEqual(JSON.parse(JSON.stringify(direct.catalog.clocks)));
  expect(fresh.sha256?.playbook).toMatch(/^[0-9a-f]{64}$/);
  mark();
  expect(await title()).toBe('FROM THE CACHE');
  expect((await load()).sha256).toEqual(fresh.sha256);
});

// Each change to something validation reads is a miss: the real playbook again, never the marked one.
it.each([
  { what: 'one byte of the playbook', change: () => edit(join(pb, 'chat-leak.yaml'), 'version: 1.1.0', 'version: 1.1.1') },
  { what: 'a comment in the playbook', change: () => writeFileSync(join(pb, 'chat-leak.yaml'), readFileSync(join(pb, 'chat-leak.yaml'), 'utf8') + '# x\n') },
  { what: 'clocks.yaml', change: () => writeFileSync(join(pb, 'clocks.yaml'), readFileSync(join(pb, 'clocks.yaml'), 'utf8') + '# x\n') },
  { what: 'parties.yaml', change: () => writeFileSync(join(pb, 'parties.yaml'), readFileSync(join(pb, 'parties.yaml'), 'utf8') + '# x\n') },
  { what: "the team's clocks.yaml removed (the shipped one is read)", before: () => writeFileSync(join(pb, 'clocks.yaml'), readFileSync(join(pb, 'clocks.yaml'), 'utf8') + '# team\n'), change: () => rmSync(join(pb, 'clocks.yaml')) },
  { what: 'a draft added', change: () => { mkdirSync(join(root, 'templates', 'drafts'), { recursive: true }); writeFileSync(join(root, 'templates', 'drafts', 'new-draft.yaml'), 'x: 1\n'); } },
  { what: 'the cache entry corrupted', change: () => writeFileSync(join(env.IRBOOK_CACHE_DIR!, entries()[0]!), '{"key":') },
  { what: 'the cache entry emptied', change: () => writeFileSync(join(env.IRBOOK_CACHE_DIR!, entries()[0]!), '') },
])('misses after $what', async ({ before, change }: { before?: () => void; change: () => void }) => {
  before?.();
  await load();
  mark();
  change();
  expect(await title()).toBe('Information leak via a chat tool');
  // The entry is written again and serves the next run.
  mark();
  expect(await title()).toBe('FROM THE CACHE');
});

it('a playbook that became invalid is refused, not served from the cache', async () => {
  await load();
  edit(join(pb, 'chat-leak.yaml'), 'version: 1.1.0', 'version: one');
  await expect(load()).rejects.toMatchObject({ code: 'playbook-invalid' });
});

it('works without a cache it can write, and says nothing about it', async () => {
  mkdirSync(env.IRBOOK_CACHE_DIR!);
  chmodSync(env.IRBOOK_CACHE_DIR!, 0o500);
  const a = await load();
  const b = await load();
  expect(b.playbook).toEqual(a.playbook);
  // Root may write anyway; an ordinary user leaves no entry.
  if (process.getuid?.() !== 0) expect(entries()).toHaveLength(0);
  env.IRBOOK_CACHE_DIR = join(root, 'playbooks', 'chat-leak.yaml', 'cache'); // below a file: cannot exist
  expect((await load()).playbook).toEqual(a.playbook);
});

it('an unknown playbook is the same user error as before', async () => {
  await expect(loadValidated('chat-lek', pb, undefined, env)).rejects.toMatchObject({ code: 'playbook-not-found', hint: { params: { name: 'chat-leak' } } });
});
