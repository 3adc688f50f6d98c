// Start-up (`--help`, `list`) against `node -e 0`, and validate throughput on generated playbooks.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ms, wall } from './lib.js';

export function startup() {
  const base = wall(['-e', '0']);
  const help = wall(['bin/irbook.js', '--help']);
  const list = wall(['bin/irbook.js', 'list'], { env: { IRBOOK_PLAYBOOKS: 'playbooks' } });
  console.log(`node -e 0            ${ms(base)}`);
  console.log(`irbook --help        ${ms(help)}  (${(help / base).toFixed(2)}× node; goal ≤ 2.5×)`);
  console.log(`irbook list          ${ms(list)}  (${(list / base).toFixed(2)}× node; goal ≤ 2.5×)`);
}

export function validateThroughput() {
  const source = readFileSync('playbooks/chat-leak.yaml', 'utf8');
  const result = {};
  for (const n of [100, 1000]) {
    const dir = mkdtempSync(join(tmpdir(), 'irbook-bench-'));
    for (let i = 0; i < n; i++) writeFileSync(join(dir, `pb-${i}.yaml`), source.replace(/^id: chat-leak$/m, `id: pb-${i}`));
    result[n] = wall(['bin/irbook.js', 'validate', dir, '--quiet'], { runs: 3 });
    rmSync(dir, { recursive: true, force: true });
  }
  const perFile = (n) => result[n] / n;
  console.log(`validate 100         ${ms(result[100])}  (${ms(perFile(100))} per playbook)`);
  console.log(`validate 1,000       ${ms(result[1000])}  (${ms(perFile(1000))} per playbook; goal ≤ 2 s)`);
  console.log(`linearity            ${(result[1000] / result[100]).toFixed(2)}× for 10× the files (10× = linear; start-up makes it less)`);
}
