// `irbook validate` reports a clock-coverage gap at the clock's `applies` in clocks.yaml.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it.each([[[]], [['--deep']]])('validate %j: a playbook without its GDPR step fails at clocks.yaml:line:col of the applies', (flags) => {
  const dir = mkdtempSync(join(tmpdir(), 'irbook-cov-'));
  for (const f of ['clocks.yaml', 'parties.yaml']) copyFileSync(join('playbooks', f), join(dir, f));
  writeFileSync(join(dir, 'chat-leak.yaml'), readFileSync('playbooks/chat-leak.yaml', 'utf8').replace(/      - id: notify-eu\n.*\n.*\n/, ''));
  const r = spawnSync(process.execPath, ['bin/irbook.js', 'validate', dir, ...flags, '--lang', 'en'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(r.status).toBe(3);
  const line = readFileSync(join(dir, 'clocks.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('applies: "eu_data')) + 1;
  expect(r.stdout).toContain(`${join(dir, 'clocks.yaml')}:${line}:14 error clock "gdpr-72h" applies but no step that is presented satisfies it, e.g. with data_categories = [personal], eu_data = true (in chat-leak) [clock-not-covered]`);
});
