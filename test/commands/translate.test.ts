// A record written in Japanese, its Chinese text given in the answers file, through the built
// binary: the CAC report quotes the Chinese, unmarked; without it, `status` lists a translate item.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const store = mkdtempSync(join(tmpdir(), 'irbook-translate-'));
const env = { ...process.env, IRBOOK_STORE: store, NO_COLOR: '1', IRBOOK_LANG: 'en', IRBOOK_PLAYBOOKS: 'playbooks', IRBOOK_TEMPLATES: 'templates' };
const irbook = (...args: string[]) => spawnSync(process.execPath, ['bin/irbook.js', '--profile', 'test/fixtures/profile/irbook.yaml', ...args], { encoding: 'utf8', env, input: '' });
afterAll(() => rmSync(store, { recursive: true, force: true }));

const CAUSE_JA = '営業担当者が顧客名簿を社外の WeChat グループに転送した。';
const CAUSE_ZH = '销售人员将客户名单转发至包含外部人员的微信群。';
// The fixture's own translations are cut off: each case gives its own.
const fixture = readFileSync('test/fixtures/answers/chat-leak.yaml', 'utf8').replace(/\n# The records in the languages[\s\S]*$/, '\n').replace(/^  cause: .*$/m, `  cause: "${CAUSE_JA}"`);

function start(translations: string): string {
  const file = join(store, `answers-${translations ? 'zh' : 'none'}.yaml`);
  writeFileSync(file, fixture + translations);
  const r = irbook('start', 'chat-leak', '--answers', file);
  expect(r.status, r.stderr).toBe(0);
  return /INC-\d{8}-(?:[A-Z0-9]+-)?\d{3}/.exec(r.stdout)![0];
}

describe('a Japanese cause for a playbook that notifies the CAC', () => {
  it('with translations.cause.zh: the CAC Markdown report has the Chinese text and no 〔原文・日本語〕', () => {
    const id = start(`translations:\n  cause: {zh: "${CAUSE_ZH}"}\n`);
    const r = irbook('report', id, '-t', 'cac', '-f', 'md', '-o', '-');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(CAUSE_ZH);
    expect(r.stdout).not.toContain('〔原文・日本語〕');
    const status = JSON.parse(irbook('status', id, '--json').stdout) as { open_items: { kind: string; step?: string; reason?: string }[] };
    expect(status.open_items).not.toContainEqual(expect.objectContaining({ kind: 'translate', step: 'cause', reason: 'zh' }));
  });

  it('without: the report marks it 〔原文・日本語〕 and status lists the translate item', () => {
    const id = start('');
    const r = irbook('report', id, '-t', 'cac', '-f', 'md', '-o', '-');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`〔原文・日本語〕${CAUSE_JA}`);
    const status = JSON.parse(irbook('status', id, '--json').stdout) as { open_items: { kind: string; step?: string; reason?: string }[] };
    expect(status.open_items).toContainEqual(expect.objectContaining({ kind: 'translate', step: 'cause', reason: 'zh' }));
  });
});
