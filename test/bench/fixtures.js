// The incidents `npm run bench` times, made as a user makes them: the demo session answered from
// the shipped answers file by the built CLI, then grown with notes by fill.js. Built lazily (only
// what the selected rows need) in one temp folder, removed at the end.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, here, irbook, measure } from './lib.js';

// Git commits in the sync rows need an identity, whatever the machine's git config says.
export const GIT_ENV = { GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid' };

function sh(file, args, o = {}) {
  const r = spawnSync(file, args, { cwd: o.cwd ?? ROOT, env: { ...process.env, ...GIT_ENV, ...o.env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${file} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

const incidentsIn = (store) => readdirSync(store).filter((n) => n.startsWith('INC-'));

function newIncident(store, before) {
  const made = incidentsIn(store).filter((n) => !before.includes(n));
  if (made.length !== 1) throw new Error(`expected one new incident in ${store}, found ${made.join(', ') || 'none'}`);
  return { store, id: made[0], dir: join(store, made[0]) };
}

/** The closed demo session (84 events as of this writing), answered by the shipped chat-leak answers file. */
export function demoIncident(store) {
  mkdirSync(store, { recursive: true });
  const before = incidentsIn(store);
  sh(process.execPath, [BIN, 'start', 'chat-leak', '--answers', 'test/fixtures/answers/chat-leak.yaml', '--exercise', '--clock', '2026-11-23T10:00:00+08:00', '--pace', 'PT2M'], { env: { IRBOOK_STORE: store } });
  return newIncident(store, before);
}

/** An open session: `start` interrupted (Ctrl-C) at its first prompt. */
export async function openIncident(store) {
  mkdirSync(store, { recursive: true });
  const before = incidentsIn(store);
  await measure(irbook(['start', 'chat-leak', '--tz', 'Asia/Shanghai', '--actor', 'bench'], { pty: true, env: { IRBOOK_STORE: store } }));
  return newIncident(store, before);
}

/** Grow an incident's journal to `total` events, notes by `actors` in turn (one chain each). */
export function fill(inc, total, actors) {
  sh(process.execPath, [here('./fill.js'), inc.dir, String(total), actors.join(',')]);
  return inc;
}

/** The session's actor (the writer of its first chain). */
export const actorOf = (inc) => readdirSync(join(inc.dir, 'journal'))[0].split('@')[0];

export class Fixtures {
  constructor() {
    this.root = mkdtempSync(join(tmpdir(), 'irbook-bench-'));
    this.made = new Map();
  }

  /** A folder of its own under the temp root. */
  dir(name) {
    const d = join(this.root, name);
    mkdirSync(d, { recursive: true });
    return d;
  }

  /** Built once per run, by key. */
  async once(key, make) {
    if (!this.made.has(key)) this.made.set(key, await make());
    return this.made.get(key);
  }

  /** A closed demo session of `total` events (the demo alone when total is 0), alone in its store. */
  session(total, actors) {
    return this.once(`session-${total}-${actors ?? ''}`, () => {
      const inc = demoIncident(this.dir(`store-${total}-${actors?.length ?? 1}`));
      return total ? fill(inc, total, actors ?? [actorOf(inc)]) : inc;
    });
  }

  /** An open session (resume has a next prompt) of `total` events. */
  open(total) {
    return this.once(`open-${total}`, async () => fill(await openIncident(this.dir(`open-${total}`)), total, ['bench']));
  }

  /**
   * `n` copies of the chat-leak playbook under distinct ids; `distinct`: every top-level entry also
   * ends its first line with a comment naming the copy, so no two files share an entry's text
   * (validate remembers entries it parsed and checked by their text: this is its worst case).
   */
  playbooks(n, { distinct = false } = {}) {
    const name = `playbooks-${n}${distinct ? '-distinct' : ''}`;
    return this.once(name, () => {
      const d = this.dir(name);
      const source = readFileSync(join(ROOT, 'playbooks/chat-leak.yaml'), 'utf8');
      for (let i = 0; i < n; i++) {
        const text = source.replace(/^id: chat-leak$/mu, `id: pb-${i}`);
        writeFileSync(join(d, `pb-${i}.yaml`), distinct ? text.replace(/^([a-z_]+:.*)$/gmu, `$1 # copy ${i}`) : text);
      }
      return d;
    });
  }

  /**
   * A clone of a bare repository whose store holds a synced demo session, then `events` more
   * notes written and not yet synced: a fresh copy of one synced base per call (a sync changes it).
   */
  async unsynced(events) {
    const base = await this.once('synced', () => {
      const root = this.dir('synced');
      sh('git', ['init', '-q', '--bare', '-b', 'main', 'store.git'], { cwd: root });
      sh('git', ['clone', '-q', 'store.git', 'site'], { cwd: root });
      const site = join(root, 'site');
      sh('git', ['checkout', '-q', '-B', 'main'], { cwd: site });
      const inc = demoIncident(site);
      sh(process.execPath, [BIN, 'sync'], { env: { IRBOOK_STORE: site } });
      return { root, inc };
    });
    const root = mkdtempSync(join(this.root, 'sync-'));
    cpSync(base.root, root, { recursive: true });
    const site = join(root, 'site');
    sh('git', ['remote', 'set-url', 'origin', join(root, 'store.git')], { cwd: site });
    const inc = { ...base.inc, store: site, dir: join(site, base.inc.id) };
    fill(inc, countEvents(inc) + events, [actorOf(inc)]);
    return site;
  }

  remove() {
    rmSync(this.root, { recursive: true, force: true });
  }
}

function countEvents(inc) {
  const d = join(inc.dir, 'journal');
  return readdirSync(d).filter((f) => f.endsWith('.jsonl')).reduce((n, f) => n + readFileSync(join(d, f), 'utf8').split('\n').filter(Boolean).length, 0);
}
