// verify of 10,000 events across 3 chains (whole process: `irbook verify`), and `irbook sync` of
// 1,000 new events to a bare repository in the same temp folder. Needs npm run build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Journal, createIncident } from '../../dist/adapters/journal.js';
import { median, ms, wall } from './lib.js';

const started = (id) => ({ incident: id, playbook: { id: 'chat-leak', version: '1.0.0', sha256: createHash('sha256').update(readFileSync('playbooks/chat-leak.yaml')).digest('hex'), file: 'playbooks/chat-leak.yaml' }, responder: 'a', locale: 'en', timezone: 'Asia/Shanghai', exercise: false });

/** An incident of n events spread round-robin over `writers` chains. */
function incident(store, n, writers) {
  const { id, dir } = createIncident(store, '20261123');
  const js = writers.map((actor, i) => Journal.open(dir, { create: i === 0, actor }));
  const at = (i) => new Date(Date.UTC(2026, 10, 23, 2) + i * 1000).toISOString();
  js[0].append({ at: at(0), tz: 'Asia/Shanghai', actor: writers[0], type: 'session.started', data: started(id) });
  for (let i = 1; i < n; i++) js[i % js.length].append({ at: at(i), tz: 'Asia/Shanghai', actor: writers[i % js.length], type: 'note.added', data: { text: `note ${i}: 漏えいの経過を記録 / 泄露经过记录` } });
  return { id, dir };
}

export function chainsBench() {
  const store = mkdtempSync(join(tmpdir(), 'irbook-bench-'));
  try {
    const base = wall(['-e', '0'], { runs: 7 });
    const { id } = incident(store, 10_000, ['zhang', 'li', 'wang']);
    const verify = wall(['bin/irbook.js', 'verify', id], { runs: 7, env: { IRBOOK_STORE: store } });
    const status = wall(['bin/irbook.js', 'status', id], { runs: 7, env: { IRBOOK_STORE: store } });
    console.log(`verify, 10,000 events in 3 chains ${ms(verify)}; status ${ms(status)}  (node -e 0: ${ms(base)})`);

    const git = (cwd, ...args) => spawnSync('git', args, { cwd, encoding: 'utf8' });
    const times = [];
    for (let r = 0; r < 3; r++) {
      const root = mkdtempSync(join(tmpdir(), 'irbook-bench-sync-'));
      git(root, 'init', '-q', '--bare', '-b', 'main', 'store.git');
      git(root, 'clone', '-q', 'store.git', 'site');
      const site = join(root, 'site');
      git(site, 'checkout', '-q', '-B', 'main');
      incident(site, 1000, ['zhang']);
      const t0 = process.hrtime.bigint();
      const out = spawnSync(process.execPath, ['bin/irbook.js', 'sync'], { env: { ...process.env, IRBOOK_STORE: site }, encoding: 'utf8' });
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (out.status !== 0) throw new Error(out.stderr);
      rmSync(root, { recursive: true, force: true });
    }
    console.log(`sync of 1,000 new events (commit, pull --rebase, push to a local bare repository) ${ms(median(times))}`);
  } finally {
    rmSync(store, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) chainsBench();
