// Sync through git with real processes: a bare repository and two clones in a temp folder, a
// writer in each, interleaved events and `irbook sync` both ways. Both clones end with the same
// merged timeline, verify passes on both, and git never reports a conflict.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'irbook-sync-'));
const bare = join(root, 'store.git');
const sh = join(root, 'shanghai');
const tk = join(root, 'tokyo');
const git = (cwd: string, ...args: string[]) => {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};
const irbook = (store: string, site: string, actor: string, ...args: string[]) =>
  spawnSync(process.execPath, ['bin/irbook.js', ...args], { encoding: 'utf8', input: '', env: { ...process.env, IRBOOK_STORE: store, IRBOOK_SITE: site, IRBOOK_ACTOR: actor, NO_COLOR: '1', IRBOOK_LANG: 'en', IRBOOK_PLAYBOOKS: 'playbooks' } });
const ok = (r: ReturnType<typeof irbook>) => {
  expect(r.status, r.stdout + r.stderr).toBe(0);
  return r.stdout;
};

beforeAll(() => {
  git(root, 'init', '-q', '--bare', '-b', 'main', bare);
  for (const c of [sh, tk]) {
    git(root, 'clone', '-q', bare, c);
    git(c, 'config', 'user.name', c === sh ? 'zhang' : 'li');
    git(c, 'config', 'user.email', 'x@example.cn');
    git(c, 'checkout', '-q', '-B', 'main');
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A bare repository and two clones of it under root, each on main with a git identity. */
function twoClones(name: string): [string, string] {
  const bare = join(root, `${name}.git`);
  git(root, 'init', '-q', '--bare', '-b', 'main', bare);
  const pair: [string, string] = [join(root, `${name}-a`), join(root, `${name}-b`)];
  for (const c of pair) {
    git(root, 'clone', '-q', bare, c);
    git(c, 'config', 'user.name', 'x');
    git(c, 'config', 'user.email', 'x@example.cn');
    git(c, 'checkout', '-q', '-B', 'main');
  }
  return pair;
}

describe('irbook sync', () => {
  it('two sites work one incident: identical merged timelines, verify passes on both, no conflict', () => {
    const start = ok(irbook(sh, 'SH', 'zhang', 'start', 'chat-leak', '--answers', 'test/fixtures/answers/chat-leak.yaml'));
    const id = /INC-\d{8}-SH-\d{3}/.exec(start)![0];
    ok(irbook(sh, 'SH', 'zhang', 'sync'));
    ok(irbook(tk, 'TK', 'li', 'sync'));
    // Interleaved: notes on both sides, syncs in both directions, a second incident in Tokyo.
    for (let round = 0; round < 4; round++) {
      ok(irbook(tk, 'TK', 'li', 'note', id, `Tokyo note ${round}`));
      ok(irbook(sh, 'SH', 'zhang', 'note', id, `Shanghai note ${round}`));
      ok(irbook(round % 2 ? sh : tk, round % 2 ? 'SH' : 'TK', round % 2 ? 'zhang' : 'li', 'sync'));
      ok(irbook(round % 2 ? tk : sh, round % 2 ? 'TK' : 'SH', round % 2 ? 'li' : 'zhang', 'sync'));
    }
    const tkStart = ok(irbook(tk, 'TK', 'li', 'start', 'chat-leak', '--answers', 'test/fixtures/answers/chat-leak.yaml'));
    expect(tkStart).toMatch(/INC-\d{8}-TK-001/);
    ok(irbook(tk, 'TK', 'li', 'sync', id)); // one incident only: the new one stays local
    ok(irbook(sh, 'SH', 'zhang', 'sync'));
    ok(irbook(tk, 'TK', 'li', 'sync'));
    ok(irbook(sh, 'SH', 'zhang', 'sync'));

    const a = JSON.parse(ok(irbook(sh, 'SH', 'zhang', 'timeline', id, '--json'))) as unknown[];
    const b = JSON.parse(ok(irbook(tk, 'TK', 'li', 'timeline', id, '--json'))) as unknown[];
    expect(a).toEqual(b);
    expect(a.filter((e) => (e as { type: string }).type === 'note.added')).toHaveLength(8);
    for (const [store, site, actor] of [[sh, 'SH', 'zhang'], [tk, 'TK', 'li']] as const) {
      ok(irbook(store, site, actor, 'verify', id));
      expect(git(store, 'status', '--porcelain')).not.toMatch(/^(UU|AA|DU|UD) /m);
      expect(readdirSync(store).filter((n) => n.startsWith('INC-')).sort()).toEqual(readdirSync(sh).filter((n) => n.startsWith('INC-')).sort());
    }
    expect(git(sh, 'log', '--oneline').split('\n').filter(Boolean).length).toBeGreaterThan(4);
  }, 120_000);

  it('a conflicting answer in each clone: both end with the same timeline and a conflict item, no git conflict', () => {
    const id = /INC-\d{8}-SH-\d{3}/.exec(ok(irbook(sh, 'SH', 'zhang', 'start', 'chat-leak', '--answers', 'test/fixtures/answers/chat-leak.yaml')))![0];
    ok(irbook(sh, 'SH', 'zhang', 'sync', id));
    ok(irbook(tk, 'TK', 'li', 'sync'));
    // Neither has seen the other's correction when making it.
    ok(irbook(tk, 'TK', 'li', 'amend', id, 'persons_affected', '1800', '--reason', 'Tokyo recount'));
    ok(irbook(sh, 'SH', 'zhang', 'amend', id, 'persons_affected', '2000', '--reason', 'Shanghai recount'));
    for (const [store, site, actor] of [[tk, 'TK', 'li'], [sh, 'SH', 'zhang'], [tk, 'TK', 'li']] as const) ok(irbook(store, site, actor, 'sync', id));

    const timeline = (store: string) => JSON.parse(ok(irbook(store, 'XX', 'x', 'timeline', id, '--json'))) as unknown[];
    expect(timeline(sh)).toEqual(timeline(tk));
    const items = (store: string) => (JSON.parse(ok(irbook(store, 'XX', 'x', 'status', id, '--json'))) as { open_items: { kind: string; fact?: string; answers?: { value: unknown; who: string }[] }[] }).open_items.filter((i) => i.kind === 'conflict');
    const both = [items(sh), items(tk)];
    expect(both[0]).toEqual(both[1]);
    expect(both[0]).toHaveLength(1);
    expect(both[0]![0]!.fact).toBe('persons_affected');
    // The later in the incident's order stands (Shanghai amended second).
    expect(both[0]![0]!.answers?.map((a) => [a.value, a.who])).toEqual([[2000, 'zhang'], [1800, 'li']]);
    for (const store of [sh, tk]) {
      ok(irbook(store, 'XX', 'x', 'verify', id));
      expect(git(store, 'status', '--porcelain')).not.toMatch(/^(UU|AA|DU|UD) /m);
    }
    expect(ok(irbook(tk, 'TK', 'li', 'status', id))).toMatch(/conflicting answers \(the first stands\)\s+persons_affected\s+2000 \(zhang [^)]+\) ≠ 1800 \(li /);

    // A correction made after seeing both settles it, on both sides once synced.
    ok(irbook(tk, 'TK', 'li', 'amend', id, 'persons_affected', '1900', '--reason', 'agreed with Shanghai'));
    ok(irbook(tk, 'TK', 'li', 'sync', id));
    ok(irbook(sh, 'SH', 'zhang', 'sync', id));
    expect([items(sh), items(tk)]).toEqual([[], []]);
  }, 120_000);

  it('notes appended while sync runs are never lost: each waits for the chain lock, and the next sync carries them', async () => {
    const id = /INC-\d{8}-SH-\d{3}/.exec(ok(irbook(sh, 'SH', 'zhang', 'start', 'chat-leak', '--answers', 'test/fixtures/answers/chat-leak.yaml')))![0];
    const bg = (args: string[]) => new Promise<number | null>((res) => {
      const c = spawn(process.execPath, ['bin/irbook.js', ...args], { stdio: 'ignore', env: { ...process.env, IRBOOK_STORE: sh, IRBOOK_SITE: 'SH', IRBOOK_ACTOR: 'zhang', IRBOOK_PLAYBOOKS: 'playbooks' } });
      c.once('close', res);
    });
    const codes = await Promise.all([bg(['sync']), ...Array.from({ length: 10 }, (_, i) => bg(['note', id, `during sync ${i}`]))]);
    expect(codes).toEqual(Array(11).fill(0));
    ok(irbook(sh, 'SH', 'zhang', 'sync'));
    ok(irbook(tk, 'TK', 'li', 'sync'));
    const notes = (JSON.parse(ok(irbook(tk, 'TK', 'li', 'timeline', id, '--json'))) as { type: string; data: { text?: string } }[]).filter((e) => e.type === 'note.added').map((e) => e.data.text).sort();
    expect(notes).toEqual(Array.from({ length: 10 }, (_, i) => `during sync ${i}`).sort());
    ok(irbook(tk, 'TK', 'li', 'verify', id));
    expect(git(sh, 'status', '--porcelain', '--', `${id}/journal`)).toBe(''); // every line committed
  }, 120_000);

  it('says what to run without a repository or a remote, and refuses the playbook repository', () => {
    const plain = join(root, 'plain');
    mkdirSync(plain);
    const r1 = irbook(plain, 'SH', 'zhang', 'sync');
    expect([r1.status, r1.stderr]).toEqual([2, expect.stringContaining(`git -C ${plain} init`)]);
    git(plain, 'init', '-q');
    const r2 = irbook(plain, 'SH', 'zhang', 'sync');
    expect([r2.status, r2.stderr]).toEqual([2, expect.stringContaining('remote add origin')]);
    const inRepo = spawnSync(process.execPath, ['bin/irbook.js', 'sync'], { encoding: 'utf8', env: { ...process.env, IRBOOK_STORE: process.cwd(), IRBOOK_PLAYBOOKS: 'playbooks', IRBOOK_LANG: 'en' } });
    expect([inRepo.status, inRepo.stderr]).toEqual([2, expect.stringContaining('playbook repository')]);
  });

  it.each<[string, string[], boolean]>([
    ['the same writer name in both, fresh clones', [], false],
    ['another writer, after both had synced an earlier incident', ['--actor', 'li'], true],
  ])('an id given out by two clones (the same site code), %s: sync stops before two incidents merge, saying what to do', (_name, actor, shared) => {
    const bare2 = join(root, `same-site-${actor.length}.git`);
    const [a, b] = twoClones(`same-site-${actor.length}`);
    if (shared) {
      // A first incident both clones hold (and the site's id counter with it): the clones share a commit.
      ok(irbook(a, 'SH', 'zhang', 'start', 'chat-leak', '--answers', 'test/fixtures/answers/chat-leak.yaml'));
      ok(irbook(a, 'SH', 'zhang', 'sync'));
      ok(irbook(b, 'SH', 'li', 'sync'));
    }
    const idA = /INC-\d{8}-SH-\d{3}/.exec(ok(irbook(a, 'SH', 'zhang', 'start', 'chat-leak', '--answers', 'test/fixtures/answers/chat-leak.yaml')))![0];
    ok(irbook(a, 'SH', 'zhang', 'sync'));
    const idB = /INC-\d{8}-SH-\d{3}/.exec(ok(irbook(b, 'SH', 'li', 'start', 'chat-leak', '--answers', 'test/fixtures/answers/chat-leak.yaml', ...actor)))![0];
    expect(idB).toBe(idA);
    const r = irbook(b, 'SH', 'li', 'sync');
    expect(r.status, r.stderr).toBe(4);
    expect(r.stderr).toMatch(new RegExp(`${idA} was started both here \\([^ ]+@[^ ]+ [^)]+\\) and in another clone \\([^ ]+@[^ ]+ [^)]+\\)`));
    expect(r.stderr).toContain('site code SH. Nothing was pulled or pushed.');
    expect(r.stderr).toContain('give each clone its own site code');
    // Nothing merged here, nothing sent there: each clone holds its own incident only.
    expect(git(b, 'log', '--format=%s').trim().split('\n')).toHaveLength(shared ? 2 : 1); // the shared commit and its own: nothing pulled
    expect(git(b, 'status', '--porcelain')).not.toMatch(/^(UU|AA|DU|UD) /m);
    expect(git(a, 'ls-remote', bare2, 'main').split('\t')[0]).toBe(git(a, 'rev-parse', 'HEAD').trim());
    ok(irbook(b, 'SH', 'li', 'verify', idA));
    const ja = spawnSync(process.execPath, ['bin/irbook.js', 'sync'], { encoding: 'utf8', env: { ...process.env, IRBOOK_STORE: b, IRBOOK_SITE: 'SH', IRBOOK_ACTOR: 'li', NO_COLOR: '1', IRBOOK_LANG: 'ja', IRBOOK_PLAYBOOKS: 'playbooks' } });
    expect([ja.status, ja.stderr]).toEqual([4, expect.stringContaining('両方で開始されています')]);
  }, 60_000);

  it('an id given out by two clones: the hint\'s steps, followed as printed, recover both incidents and lose nothing', () => {
    const [a, b] = twoClones('same-id-steps');
    const id = /INC-\d{8}-SH-\d{3}/.exec(ok(irbook(a, 'SH', 'zhang', 'start', 'chat-leak', '--answers', 'test/fixtures/answers/chat-leak.yaml')))![0];
    ok(irbook(a, 'SH', 'zhang', 'sync'));
    expect(ok(irbook(b, 'SH', 'li', 'start', 'chat-leak', '--answers', 'test/fixtures/answers/chat-leak.yaml'))).toContain(id);
    ok(irbook(b, 'SH', 'li', 'note', id, 'only in clone b'));
    const r = irbook(b, 'SH', 'li', 'sync');
    expect(r.status, r.stderr).toBe(4);
    expect(r.stderr).toContain(`mv ${b}/${id} FOLDER`);
    expect(r.stderr).toContain(`git -C ${b} reset -q FETCH_HEAD && git -C ${b} checkout -- ${id}`);
    // 1. a new site code (TK below); 2. the folder out; 3. the other clone's history and its incident.
    const aside = join(root, 'same-id-steps-aside');
    mkdirSync(aside);
    renameSync(join(b, id), join(aside, id));
    git(b, 'reset', '-q', 'FETCH_HEAD');
    git(b, 'checkout', '--', id);
    // 4. started again under the new code; 5. the old journal as evidence; 6. sync.
    const again = /INC-\d{8}-TK-\d{3}/.exec(ok(irbook(b, 'TK', 'li', 'start', 'chat-leak', '--answers', 'test/fixtures/answers/chat-leak.yaml')))![0];
    const old = readdirSync(join(aside, id, 'journal')).filter((f) => f.endsWith('.jsonl')).map((f) => join(aside, id, 'journal', f));
    for (const f of old) ok(irbook(b, 'TK', 'li', 'evidence', again, f));
    ok(irbook(b, 'TK', 'li', 'sync'));
    ok(irbook(a, 'SH', 'zhang', 'sync'));
    for (const c of [a, b]) {
      expect(readdirSync(c).filter((d) => d.startsWith('INC-')).sort()).toEqual([id, again].sort());
      ok(irbook(c, 'SH', 'x', 'verify', id));
      ok(irbook(c, 'SH', 'x', 'verify', again));
      const events = JSON.parse(ok(irbook(c, 'SH', 'x', 'timeline', again, '--json'))) as { type: string; data: { path?: string } }[];
      expect(events.filter((e) => e.type === 'evidence.added').map((e) => e.data.path).sort()).toEqual(old.sort());
    }
    expect(old.map((f) => readFileSync(f, 'utf8')).join('')).toContain('only in clone b');
  }, 90_000);

  it('one writer name writing in two clones: sync stops before pulling, the hint\'s steps recover, nothing is lost', () => {
    const bare3 = join(root, 'twice.git');
    const [a, b] = twoClones('twice');
    const id = /INC-\d{8}-SH-\d{3}/.exec(ok(irbook(a, 'SH', 'zhang', 'start', 'chat-leak', '--answers', 'test/fixtures/answers/chat-leak.yaml')))![0];
    ok(irbook(a, 'SH', 'zhang', 'sync'));
    ok(irbook(b, 'SH', 'zhang', 'sync'));
    // b's own incident, committed by the failing sync below: it must survive the recovery.
    const own = /INC-\d{8}-SH-\d{3}/.exec(ok(irbook(b, 'SH', 'zhang', 'start', 'chat-leak', '--answers', 'test/fixtures/answers/chat-leak.yaml')))![0];
    ok(irbook(a, 'SH', 'zhang', 'note', id, 'written in clone a'));
    ok(irbook(b, 'SH', 'zhang', 'note', id, 'written in clone b'));
    ok(irbook(a, 'SH', 'zhang', 'sync'));
    const r = irbook(b, 'SH', 'zhang', 'sync');
    expect(r.status, r.stderr).toBe(4);
    const writer = /the chain (\S+) of /.exec(r.stderr)?.[1] ?? '';
    expect(writer).toMatch(/^zhang@/);
    expect(r.stderr).toContain(`the chain ${writer} of ${id} has new lines both here and in another clone`);
    expect(r.stderr).toContain('Nothing was pulled or pushed.');
    expect(existsSync(join(b, '.git', 'rebase-merge')) || existsSync(join(b, '.git', 'rebase-apply'))).toBe(false);
    expect(git(a, 'ls-remote', bare3, 'main').split('\t')[0]).toBe(git(a, 'rev-parse', 'HEAD').trim());

    // The hint's steps, as it gives them.
    const chainPath = `${id}/journal/${writer}.jsonl`;
    expect(r.stderr).toContain(`git -C ${b} show HEAD:${chainPath} > FILE`);
    expect(r.stderr).toContain(`git -C ${b} reset -q FETCH_HEAD`);
    expect(r.stderr).toContain(`git -C ${b} checkout -- ${chainPath}`);
    const saved = join(root, 'twice-b-saved.jsonl');
    writeFileSync(saved, git(b, 'show', `HEAD:${chainPath}`));
    git(b, 'reset', '-q', 'FETCH_HEAD');
    git(b, 'checkout', '--', chainPath);
    ok(irbook(b, 'SH', 'li', 'evidence', id, saved));
    ok(irbook(b, 'SH', 'li', 'sync'));
    ok(irbook(a, 'SH', 'zhang', 'sync'));
    for (const c of [a, b]) {
      ok(irbook(c, 'SH', 'x', 'verify', id));
      ok(irbook(c, 'SH', 'x', 'verify', own));
      const events = JSON.parse(ok(irbook(c, 'SH', 'x', 'timeline', id, '--json'))) as { type: string; data: { text?: string; path?: string } }[];
      expect(events.filter((e) => e.type === 'note.added').map((e) => e.data.text)).toEqual(['written in clone a']);
      expect(events.filter((e) => e.type === 'evidence.added').map((e) => e.data.path)).toEqual([saved]);
    }
    expect(readFileSync(saved, 'utf8')).toContain('written in clone b');
  }, 90_000);

  it('a pull that fails anyway is undone: the store is never left in the middle of a rebase', () => {
    const [a, b] = twoClones('other-file');
    ok(irbook(a, 'SH', 'zhang', 'start', 'chat-leak', '--answers', 'test/fixtures/answers/chat-leak.yaml'));
    ok(irbook(a, 'SH', 'zhang', 'sync'));
    ok(irbook(b, 'TK', 'li', 'sync'));
    // A file of the team's own, committed in both clones: not irbook's, and it conflicts.
    for (const c of [a, b]) {
      writeFileSync(join(c, 'contacts.txt'), `on call: ${c}\n`);
      git(c, 'add', 'contacts.txt');
      git(c, 'commit', '-q', '-m', 'contacts');
    }
    ok(irbook(a, 'SH', 'zhang', 'sync'));
    const before = git(b, 'rev-parse', 'HEAD');
    const r = irbook(b, 'TK', 'li', 'sync');
    expect(r.status, r.stderr).toBe(4);
    expect(r.stderr).toContain('(undone: git rebase --abort)');
    expect(existsSync(join(b, '.git', 'rebase-merge')) || existsSync(join(b, '.git', 'rebase-apply'))).toBe(false);
    expect(git(b, 'rev-parse', 'HEAD')).toBe(before);
    expect(readFileSync(join(b, 'contacts.txt'), 'utf8')).toBe(`on call: ${b}\n`);
  }, 60_000);
});
