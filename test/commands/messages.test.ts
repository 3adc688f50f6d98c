// Messages a user meets when something is off: each names the problem and the way out.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const store = mkdtempSync(join(tmpdir(), 'irbook-msg-'));
const env = { ...process.env, IRBOOK_STORE: store, NO_COLOR: '1', IRBOOK_LANG: 'en', IRBOOK_PLAYBOOKS: 'playbooks', IRBOOK_TEMPLATES: 'templates' };
const irbook = (...args: string[]) => spawnSync(process.execPath, ['bin/irbook.js', ...args], { encoding: 'utf8', env, input: '' });
const ANSWERS = 'test/fixtures/answers/chat-leak.yaml';
let real = '';
let drill = '';

beforeAll(() => {
  for (const extra of [[], ['--exercise']]) {
    const r = irbook('start', 'chat-leak', '--answers', ANSWERS, ...extra);
    expect(r.status, r.stderr).toBe(0);
    const id = /INC-\d{8}-\d{3}/.exec(r.stdout)![0];
    if (extra.length) drill = id;
    else real = id;
  }
});
afterAll(() => rmSync(store, { recursive: true, force: true }));

describe('messages', () => {
  it('status without an incident counts the closed ones instead of saying "no incidents"', () => {
    const r = irbook('status');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('no open incidents');
    expect(r.stderr).toContain('1 closed incident, 1 drill');
  });

  it('start <typo> without a terminal names the unknown playbook first, with a suggestion', () => {
    const r = irbook('start', 'chat-lek');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no playbook "chat-lek" (known: account-takeover, chat-leak,');
    expect(r.stderr).toContain('did you mean "chat-leak"?');
    expect(r.stderr).not.toMatch(/terminal/);
  });

  it('an unknown template lists the known ones and suggests the nearest', () => {
    const r = irbook('report', real, '-t', 'hqq', '-f', 'md', '-o', '-');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no template "hqq" \(known: [^)]*\bcac\b[^)]*\bhq\b/);
    expect(r.stderr).toContain('did you mean "hq"?');
  });

  it('drill compare refuses a time zone that does not exist', () => {
    const r = irbook('drill', 'compare', drill, drill, '--tz', 'Mars/Olympus');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Mars/Olympus');
    expect(irbook('drill', 'compare', drill, drill, '--tz', 'Asia/Tokyo').status).toBe(0);
  });

  it('validate warns on scalars that YAML 1.1 readers see differently', () => {
    const file = join(store, 'yaml11.yaml');
    writeFileSync(file, 'id: yaml11\nversion: 1.0.0\nflag: no\nquoted: "no"\ntitle: {en: Leaked?, ja: "漏えい?"}\nlist: [on, "off", a:b]\n');
    const r = irbook('validate', file, '--format', 'json');
    const got = (JSON.parse(r.stdout) as { problems: { code: string; line: number; col: number; params: { value?: string } }[] }).problems
      .filter((p) => p.code.startsWith('yaml11-')).map((p) => `${p.code} ${p.line}:${p.col} ${p.params.value}`);
    expect(got).toEqual(['yaml11-bool 3:7 no', 'yaml11-flow-scalar 5:13 Leaked?', 'yaml11-bool 6:8 on', 'yaml11-flow-scalar 6:19 a:b']);
  });
});
