// Pinned verdicts through the built binary: session.started embeds the validated playbook, clocks
// and parties, so editing the playbooks folder after an incident never changes its status or report;
// resume refuses a changed playbook unless told to take it, and then journals the newer model.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { incidentEvents } from '../support/chains.js';

const root = mkdtempSync(join(tmpdir(), 'irbook-pin-'));
const store = join(root, 'store');
const playbooks = join(root, 'playbooks');
cpSync('playbooks', playbooks, { recursive: true });
const env = { ...process.env, IRBOOK_STORE: store, NO_COLOR: '1', IRBOOK_LANG: 'en', IRBOOK_PLAYBOOKS: playbooks, IRBOOK_TEMPLATES: 'templates', IRBOOK_ACTOR: 'li' };
const irbook = (...args: string[]) => spawnSync(process.execPath, ['bin/irbook.js', ...args], { encoding: 'utf8', env, input: '' });
const ANSWERS = 'test/fixtures/answers/chat-leak.yaml';
const idOf = (out: string) => /INC-\d{8}-\d{3}/.exec(out)![0];
type Ev = { type: string; data: Record<string, unknown> };
const journal = (id: string) => incidentEvents(store, id) as unknown as Ev[];
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Edit a file of the copied playbooks folder in place. */
const edit = (name: string, change: (text: string) => string) => {
  const file = join(playbooks, name);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
};
const status = (id: string) => {
  const r = irbook('status', id, '--json');
  expect(r.status, r.stderr).toBe(0);
  const s = JSON.parse(r.stdout) as { title: string; clocks: { id: string; status: string; due: string }[] };
  return { title: s.title, clocks: s.clocks };
};
const report = (id: string) => {
  const r = irbook('report', id, '-t', 'hq', '-f', 'json', '-o', '-');
  expect(r.status, r.stderr).toBe(0);
  // Only the time it was drawn may differ between two reports of the same journal.
  return JSON.parse(r.stdout, (k, v: unknown) => (k.startsWith('generatedAt') ? undefined : v)) as unknown;
};

describe('pinned verdicts', () => {
  const a = irbook('start', 'chat-leak', '--answers', ANSWERS);
  const id = idOf(a.stdout);

  it('session.started embeds the validated model with the sha256 of each file', () => {
    expect(a.status, a.stderr).toBe(0);
    const started = journal(id)[0]!.data as { playbook: { sha256: string }; pinned: { playbook: { id: string }; clocks: { clocks: { id: string }[] }; parties: { id: string }[]; sha256: Record<string, string> } };
    expect(started.pinned.playbook.id).toBe('chat-leak');
    expect(started.pinned.clocks.clocks.map((c) => c.id)).toContain('pipl-authority');
    expect(started.pinned.parties.map((p) => p.id)).toContain('cac');
    expect(started.pinned.sha256.playbook).toBe(started.playbook.sha256);
    expect(Object.values(started.pinned.sha256).every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
  });

  it('status and report keep their verdicts and titles after clocks.yaml and the playbook are edited', () => {
    const before = { status: status(id), report: report(id) };
    expect(before.status.clocks.find((c) => c.id === 'appi-preliminary')?.status).toBe('met');
    edit('clocks.yaml', (t) => t.replace(/(- id: pipl-authority[\s\S]*?due: )P1D/, '$1PT1M').replace(/(- id: appi-preliminary[\s\S]*?due: )P5D/, '$1PT1M'));
    edit('chat-leak.yaml', (t) => t.replace('en: Information leak via a chat tool', 'en: Chat leak (renamed)').replace('ja: チャットツール経由の情報漏えい', 'ja: 改名したプレイブック'));
    expect(status(id)).toEqual(before.status);
    expect(report(id)).toEqual(before.report);
    expect(irbook('timeline', id).status).toBe(0);

    // The edit is real: a session started now is judged by it.
    const b = irbook('start', 'chat-leak', '--answers', ANSWERS);
    expect(b.status, b.stderr).toBe(0);
    const now = status(idOf(b.stdout));
    expect(now.title).toBe('Chat leak (renamed)');
    expect(now.clocks.find((c) => c.id === 'appi-preliminary')?.status).toBe('late');
  });
});

describe('resume with a changed playbook', () => {
  const fixture = load(readFileSync(ANSWERS, 'utf8')) as { answers: Record<string, unknown> };
  const partial = { ...fixture.answers };
  delete partial['report-hq'];
  const file = join(root, 'partial.yaml');
  writeFileSync(file, dump({ ...fixture, answers: partial }));

  it('is refused, then taken with --allow-changed-playbook and journaled with the newer model', () => {
    const a = irbook('start', 'chat-leak', '--answers', file);
    expect(a.status).toBe(2);
    const id = idOf(a.stdout);
    const title = status(id).title;
    edit('chat-leak.yaml', (t) => t.replace(/en: (Information leak via a chat tool|Chat leak \(renamed\))/, 'en: Chat leak (second edit)'));
    const count = journal(id).length;

    const refused = irbook('resume', id, '--answers', ANSWERS);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/changed since the session started/);
    expect(refused.stderr).toMatch(/--allow-changed-playbook/);
    expect(journal(id)).toHaveLength(count);
    expect(status(id).title).toBe(title);

    const r = irbook('resume', id, '--answers', ANSWERS, '--allow-changed-playbook');
    expect(r.status, r.stderr).toBe(0);
    const changed = journal(id).filter((e) => e.type === 'playbook.changed');
    expect(changed).toHaveLength(1);
    const data = changed[0]!.data as { was: string; now: string; pinned: { playbook: { title: { en: string } }; sha256: { playbook: string } } };
    expect(data.was).not.toBe(data.now);
    expect(data.pinned.sha256.playbook).toBe(data.now);
    expect(data.pinned.playbook.title.en).toBe('Chat leak (second edit)');
    // From then on the incident is judged by the newer model.
    expect(status(id).title).toBe('Chat leak (second edit)');
    expect(irbook('verify', id).status).toBe(0);
  });
});
