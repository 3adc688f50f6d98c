// `irbook sync`: the store as a private git repository shared by the sites of one incident. This
// host's chains (journal/*@<host>.jsonl), seals and id counter are committed, then `git pull
// --rebase` and `git push`. It cannot conflict: every file it commits has one writer — a chain
// its writer, a seal its sealer, a counter file its site. This host's chains stay locked from
// staging until the rebase is done: no half-written line is committed, and no append can land in
// a file git is rewriting (an append waits, for seconds at most, or fails with exit 4 — never lost).
// Before pulling, the remote's new chains are checked: an incident id that another clone also gave
// out (the same site code) stops the sync with exit 4 before two incidents merge into one, and so
// does a chain with new lines on both sides (one writer name in two clones). A pull that fails
// anyway is undone (git rebase --abort): the store is never left in the middle of a rebase.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import { EXIT, UserError } from '../errors.js';
import { CHAINS_DIR, Journal, listIncidents, writerId } from './journal.js';
import { acquireLock, chainLock, type Lock } from './lock.js';
import { SEALS_DIR } from './seal.js';
import { COUNTERS_DIR } from './store.js';

export interface SyncResult { committed: number; files: string[]; pulled: number; pushed: boolean; remote: string }

function git(cwd: string, args: string[], o: { allowFail?: boolean } = {}): { ok: boolean; out: string; err: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  if (r.error) throw new UserError(EXIT.storage, 'sync-git-missing', { detail: r.error.message });
  const res = { ok: r.status === 0, out: r.stdout.trim(), err: r.stderr.trim() };
  if (!res.ok && !o.allowFail) throw new UserError(EXIT.storage, 'sync-git-failed', { command: `git ${args.join(' ')}`, detail: res.err.split('\n').slice(-3).join(' ') });
  return res;
}

const top = (dir: string): string | undefined => {
  if (!existsSync(dir)) return undefined;
  const r = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' });
  return r.status === 0 ? realpathSync(r.stdout.trim()) : undefined;
};

/** Commit this host's new lines, pull with rebase, push. `incident` limits the commit to one incident. */
export function syncStore(store: string, o: { playbooks: string; incident?: string; host?: string }): SyncResult {
  const root = top(store);
  if (!root || root !== realpathSync(store)) throw new UserError(EXIT.usage, 'sync-not-git', { store }, { code: 'hint-sync-init', params: { store } });
  // Personal data never goes into the playbook repository (it is shared far more widely).
  if (top(o.playbooks) === root) throw new UserError(EXIT.usage, 'sync-playbook-repo', { store });
  const remote = git(root, ['remote']).out.split('\n').filter(Boolean)[0];
  if (!remote) throw new UserError(EXIT.usage, 'sync-no-remote', { store }, { code: 'hint-sync-remote', params: { store } });

  const host = writerId('x', o.host ?? hostname()).split('@')[1]!;
  const ids = o.incident ? [o.incident] : listIncidents(store);
  const files: string[] = [];
  const locks: Lock[] = [];
  // symbolic-ref, not rev-parse: a fresh clone of an empty repository has no commit yet.
  const branch = git(root, ['symbolic-ref', '--short', 'HEAD']).out;
  const head = () => git(root, ['rev-parse', '--verify', '-q', 'HEAD'], { allowFail: true }).out;
  let staged: string[] = [];
  let committed = 0;
  let before = '';
  let pulled = 0;
  try {
    for (const id of ids) {
      const dir = join(store, id);
      const mine = readdirSafe(join(dir, CHAINS_DIR)).filter((n) => n.endsWith(`@${host}.jsonl`));
      // A torn tail left by a crash is cut (and the repair recorded) before anything is shared.
      if (mine.length) Journal.open(dir, { host: o.host }).close();
      for (const n of mine) {
        locks.push(acquireLock(chainLock(join(dir, CHAINS_DIR), n.slice(0, -'.jsonl'.length))));
        files.push(join(dir, CHAINS_DIR, n));
      }
      for (const n of readdirSafe(join(dir, SEALS_DIR))) if (n.includes(`@${host}.heads`)) files.push(join(dir, SEALS_DIR, n));
    }
    for (const n of readdirSafe(join(store, COUNTERS_DIR))) if (n.endsWith('.json')) files.push(join(store, COUNTERS_DIR, n));
    if (files.length) git(root, ['add', '--', ...files.map((f) => relative(root, f))]);
    staged = git(root, ['diff', '--cached', '--numstat']).out.split('\n').filter(Boolean);
    committed = staged.reduce((n, l) => n + (Number(l.split('\t')[0]) || 0), 0);
    if (staged.length) git(root, [...who(root, host), 'commit', '-q', '-m', `irbook sync from ${host}: ${staged.length} file(s), ${committed} line(s)`]);
    before = head();
    if (git(root, ['ls-remote', '--exit-code', '--heads', remote, branch], { allowFail: true }).ok) {
      // Two clones that gave out one id (the same site code) would merge two incidents into one: stop before.
      git(root, ['fetch', '-q', remote, branch]);
      const mb = git(root, ['merge-base', 'HEAD', 'FETCH_HEAD'], { allowFail: true });
      const base = mb.ok ? mb.out : undefined;
      // Nothing new there (what was fetched is already here): nothing to check or pull.
      if (base !== git(root, ['rev-parse', 'FETCH_HEAD']).out) {
        // The chains the remote changed since the common commit, with how (A: added).
        const theirs = git(root, ['diff', '--name-status', base ?? EMPTY_TREE, 'FETCH_HEAD']).out.split('\n')
          .map((l) => l.split('\t')).filter(([, f]) => f !== undefined && CHAIN_PATH.test(f)).map(([how, f]) => ({ how: how!, file: f! }));
        const clash = idCollision(root, theirs.filter((c) => c.how === 'A').map((c) => c.file));
        if (clash) throw new UserError(EXIT.storage, 'sync-id-collision', clash, { code: 'hint-sync-id-collision', params: { id: clash.id, store } });
        const twice = base ? divergedChain(root, base, theirs.map((c) => c.file)) : undefined;
        if (twice) throw new UserError(EXIT.storage, 'sync-chain-diverged', twice, { code: 'hint-sync-chain-diverged', params: { ...twice, store } });
        // --autostash: anything else changed in the work tree is set aside and put back.
        const pull = git(root, [...who(root, host), 'pull', '-q', '--rebase', '--autostash', remote, branch], { allowFail: true });
        if (!pull.ok) {
          // Never leave the store in the middle of a rebase: back to this clone's commit, then say why.
          git(root, ['rebase', '--abort'], { allowFail: true });
          throw new UserError(EXIT.storage, 'sync-git-failed', { command: `git pull --rebase ${remote} ${branch}`, detail: `${pull.err.split('\n').slice(-3).join(' ')} (undone: git rebase --abort)` });
        }
        pulled = Number(git(root, ['rev-list', '--count', before ? `${before}..HEAD` : 'HEAD'], { allowFail: true }).out) || 0;
      }
    }
  } finally {
    for (const l of locks) l.release();
  }
  const ahead = git(root, ['rev-list', '--count', `${remote}/${branch}..HEAD`], { allowFail: true });
  const pushed = Boolean(head()) && (!ahead.ok || Number(ahead.out) > 0);
  if (pushed) git(root, ['push', '-q', remote, `HEAD:${branch}`]);
  return { committed, files: staged.map((l) => l.split('\t')[2]!), pulled, pushed, remote };
}

/**
 * An incident started both here and in another clone: a chain the remote added (new here, or one
 * this clone added too — the same writer name on both) that begins with a session.started, in an
 * incident folder whose own chains begin with a different one.
 */
function idCollision(root: string, incoming: readonly string[]): { id: string; here: string; there: string; site: string } | undefined {
  // `incoming`: the chains the remote added since the common commit (one that only grew there is not one).
  for (const file of incoming) {
    const dir = join(root, file, '..', '..');
    const id = relative(root, dir);
    if (id.includes('/') || !existsSync(dir)) continue;
    const there = startOf(git(root, ['show', `FETCH_HEAD:${file}`]).out);
    if (!there) continue;
    for (const mine of readdirSafe(join(dir, CHAINS_DIR)).filter((n) => n.endsWith('.jsonl'))) {
      const here = startOf(firstLine(join(dir, CHAINS_DIR, mine)));
      if (here && here.hash !== there.hash) {
        return { id, here: `${mine.slice(0, -'.jsonl'.length)} ${here.at}`, there: `${file.split('/').pop()!.slice(0, -'.jsonl'.length)} ${there.at}`, site: /^INC-\d{8}-([A-Z0-9]+)-\d+$/.exec(id)?.[1] ?? '—' };
      }
    }
  }
  return undefined;
}

/**
 * A chain with new lines both here and on the remote since the common commit: one writer name
 * (actor@host) writing in two clones. Its two versions cannot be merged (each line names the one
 * before it), and a rebase would stop half done.
 */
function divergedChain(root: string, base: string, theirs: readonly string[]): { id: string; writer: string } | undefined {
  if (!theirs.length) return undefined;
  const here = new Set(git(root, ['diff', '--name-only', base, 'HEAD']).out.split('\n').filter((f) => CHAIN_PATH.test(f)));
  const blob = (rev: string, f: string) => git(root, ['rev-parse', `${rev}:${f}`], { allowFail: true }).out;
  // (The same version on both sides, once this clone took the other's: nothing to merge.)
  const file = theirs.find((f) => here.has(f) && blob('HEAD', f) !== blob('FETCH_HEAD', f));
  if (!file) return undefined;
  const parts = file.split('/');
  return { id: parts.at(-3)!, writer: parts.at(-1)!.slice(0, -'.jsonl'.length) };
}

const CHAIN_PATH = new RegExp(`(^|/)INC-[^/]+/${CHAINS_DIR}/[^/]+\\.jsonl$`);

// git's empty tree: what the remote is compared with when the two share no commit.
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/** The session.started a chain begins with (its first line), if it does. */
function startOf(text: string): { hash: string; at: string } | undefined {
  const end = text.indexOf('\n');
  try {
    const e = JSON.parse(end < 0 ? text : text.slice(0, end)) as { type?: unknown; hash?: unknown; at?: unknown };
    return e.type === 'session.started' && typeof e.hash === 'string' ? { hash: e.hash, at: String(e.at) } : undefined;
  } catch {
    return undefined;
  }
}

// A commit needs an author: the user's git identity, else this host's writer name.
const who = (root: string, host: string): string[] =>
  (git(root, ['config', 'user.name'], { allowFail: true }).ok ? [] : ['-c', `user.name=irbook@${host}`, '-c', `user.email=irbook@${host}`]);

// The first line of a chain file, read in pieces (a session.started with its pinned model is ~40 KB; the chain may be MBs).
function firstLine(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    for (let pos = 0; ;) {
      const buf = Buffer.alloc(65_536);
      const n = readSync(fd, buf, 0, buf.length, pos);
      const nl = buf.subarray(0, n).indexOf(10);
      chunks.push(buf.subarray(0, nl < 0 ? n : nl));
      if (n === 0 || nl >= 0) return Buffer.concat(chunks).toString('utf8');
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
