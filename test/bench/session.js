// Time to the first prompt of `irbook start` (in a pseudo-terminal made by script(1)), and
// `irbook status` on a 10,000-event journal. Needs npm run build.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Journal, createIncident } from '../../dist/adapters/journal.js';
import { sourceShas } from '../../dist/adapters/pinned.js';
import { catalogFor, loadPlaybook } from '../../dist/adapters/playbook-fs.js';
import { median, ms, wall } from './lib.js';

function firstPrompt(store) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const cmd = `${process.execPath} bin/irbook.js start chat-leak --lang en --tz Asia/Shanghai --actor bench`;
    const child = spawn('script', ['-qfec', cmd, '/dev/null'], { env: { ...process.env, IRBOOK_STORE: store, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let seen = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`no prompt within 10 s: ${seen}`)); }, 10_000);
    child.stdout.on('data', (d) => {
      seen += d.toString();
      if (seen.includes('reportable anomaly')) {
        const elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolve(elapsed);
      }
    });
  });
}

export async function sessionBench() {
  const store = mkdtempSync(join(tmpdir(), 'irbook-bench-'));
  try {
    const base = wall(['-e', '0']);
    if (spawnSync('script', ['--version']).status === 0) {
      const times = [];
      for (let i = 0; i < 7; i++) times.push(await firstPrompt(store));
      console.log(`start → first prompt ${ms(median(times))}  (node -e 0: ${ms(base)}; goal ≤ 300 ms)`);
    } else console.log('start → first prompt  skipped: script(1) not installed');

    const { id, dir } = createIncident(store, '20261123');
    const j = Journal.open(dir, { create: true });
    const at = (i) => new Date(Date.UTC(2026, 10, 23, 2) + i * 1000).toISOString();
    // As `start` writes it: the validated model pinned, so status reads no playbook file.
    const { playbook } = loadPlaybook('chat-leak', 'playbooks');
    const { clocks, parties } = catalogFor('playbooks');
    const pinned = { playbook, clocks, parties, sha256: sourceShas('playbooks/chat-leak.yaml') };
    j.append({ at: at(0), tz: 'Asia/Shanghai', actor: 'bench', type: 'session.started', data: { incident: id, playbook: { id: 'chat-leak', version: playbook.version, sha256: pinned.sha256.playbook, file: 'playbooks/chat-leak.yaml' }, pinned, responder: 'bench', locale: 'en', timezone: 'Asia/Shanghai', exercise: false } });
    for (let i = 1; i < 10_000; i++) j.append({ at: at(i), tz: 'Asia/Shanghai', actor: 'bench', type: 'note.added', data: { text: `note ${i}: 漏えいの経過を記録 / 泄露经过记录` } });
    j.close();
    const status = wall(['bin/irbook.js', 'status', id], { runs: 7, env: { IRBOOK_STORE: store } });
    console.log(`status, 10,000 events ${ms(status)}  (node -e 0: ${ms(base)}; goal ≤ 200 ms)`);
  } finally {
    rmSync(store, { recursive: true, force: true });
  }
}
