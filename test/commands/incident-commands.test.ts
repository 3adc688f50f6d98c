// The incident commands through the built binary: a scripted session, then status, timeline,
// note, evidence, verify, report and incidents, and a drill with its after-action report.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainPath, incidentEvents } from '../support/chains.js';

const store = mkdtempSync(join(tmpdir(), 'irbook-cmd-'));
const env = { ...process.env, IRBOOK_STORE: store, NO_COLOR: '1', IRBOOK_LANG: 'en', IRBOOK_PLAYBOOKS: 'playbooks', IRBOOK_TEMPLATES: 'templates' };
const irbook = (...args: string[]) => spawnSync(process.execPath, ['bin/irbook.js', ...args], { encoding: 'utf8', env, input: '' });
const ANSWERS = 'test/fixtures/answers/chat-leak.yaml';
const journal = (id: string) => incidentEvents(store, id);
let real = '';
let drill = '';

beforeAll(() => {
  const a = irbook('start', 'chat-leak', '--answers', ANSWERS);
  expect(a.status, a.stderr).toBe(0);
  real = /INC-\d{8}-\d{3}/.exec(a.stdout)![0];
  const b = irbook('start', 'chat-leak', '--answers', ANSWERS, '--exercise', '--clock', '2026-11-23T10:00:00+08:00', '--pace', 'PT2M');
  expect(b.status, b.stderr).toBe(0);
  drill = /INC-\d{8}-\d{3}/.exec(b.stdout)![0];
});
afterAll(() => rmSync(store, { recursive: true, force: true }));

describe('incident commands', () => {
  it('refuses to prompt without a terminal and says to use --answers', () => {
    const r = irbook('start', 'chat-leak');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--answers/);
    expect(r.stderr).not.toMatch(/    at /);
  });

  it('status --json gives the state and the clocks', () => {
    const r = irbook('status', real, '--json');
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ id: real, playbook: 'chat-leak', state: 'closed', exercise: false });
    expect(s.clocks.map((c: { id: string }) => c.id)).toContain('appi-preliminary');
  });

  it('timeline --json is the journal', () => {
    const r = irbook('timeline', real, '--json');
    expect(JSON.parse(r.stdout)).toHaveLength(journal(real).length);
    expect(irbook('timeline', real).stdout).toMatch(/session\.started/);
  });

  it('note and evidence append, with sha256 and size', () => {
    expect(irbook('note', real, 'called', 'the', 'DPO').status).toBe(0);
    const file = join(store, 'export.txt');
    writeFileSync(file, 'chat export');
    expect(irbook('evidence', real, file).status).toBe(0);
    // Merged by time: the answers file's simulated clock runs ahead of the note's real time.
    const last = ['note.added', 'evidence.added'].map((t) => journal(real).findLast((e) => e.type === t));
    expect(last[0]).toMatchObject({ type: 'note.added', data: { text: 'called the DPO' } });
    expect(last[1]).toMatchObject({ type: 'evidence.added', data: { path: file, bytes: 11, sha256: createHash('sha256').update('chat export').digest('hex') } });
    expect(irbook('evidence', real, join(store, 'missing.txt')).status).toBe(2);
  });

  it('verify exits 0 on an intact chain and 5 naming the first bad line after tampering', () => {
    expect(irbook('verify', real).status).toBe(0);
    const file = chainPath(store, real);
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    lines[9] = lines[9]!.replace('"actor":"zhang"', '"actor":"mallory"');
    writeFileSync(file, lines.join('\n'));
    const r = irbook('verify', real, '--json');
    expect(r.status).toBe(5);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, line: 10 });
    // No report is drawn from a journal that does not verify.
    expect(irbook('report', real, '-t', 'hq', '-f', 'md', '-o', '-').status).toBe(5);
    writeFileSync(file, text);
  });

  it('writes reports, refuses to overwrite without --force, and keeps them private', () => {
    for (const f of ['md', 'json', 'pdf']) expect(irbook('report', real, '-t', 'hq', '-f', f).status).toBe(0);
    const pdf = join(store, real, 'report-hq.pdf');
    expect(statSync(pdf).mode & 0o777).toBe(0o600);
    expect(irbook('report', real, '-t', 'hq', '-f', 'md').status).toBe(2);
    expect(irbook('report', real, '-t', 'hq', '-f', 'md', '--force').status).toBe(0);
    expect(irbook('report', real, '-t', 'nope', '-f', 'md').status).toBe(2);
    const md = irbook('--profile', 'test/fixtures/profile/irbook.yaml', 'report', real, '-t', 'cac', '-f', 'md', '-o', '-');
    expect(md.stdout).toMatch(/网络安全事件报告/);
  });
});

describe('drills', () => {
  it('mark every event of a drill as an exercise', () => {
    const events = journal(drill);
    expect(events.length).toBeGreaterThan(50);
    expect(events.every((e) => e.data.exercise === true)).toBe(true);
    expect(journal(real).some((e) => e.data.exercise === true)).toBe(false);
  });

  it('are not listed as incidents unless asked', () => {
    const plain = JSON.parse(irbook('incidents', '--json').stdout).map((x: { id: string }) => x.id);
    expect(plain).toContain(real);
    expect(plain).not.toContain(drill);
    expect(JSON.parse(irbook('incidents', '--json', '--exercises').stdout).map((x: { id: string }) => x.id)).toContain(drill);
  });

  it('get an after-action report that states its scoring rule, and compare', () => {
    const r = irbook('report', drill, '-t', 'drill', '-f', 'md', '-o', '-', '--lang', 'ja');
    expect(r.stdout).toMatch(/訓練/);
    expect(r.stdout).toMatch(/100 × 目標 ÷ 実績/);
    const c = irbook('drill', 'compare', drill, drill, '-f', 'json');
    expect(c.status).toBe(0);
    expect(JSON.parse(c.stdout).sections[0].rows).toHaveLength(2);
  });

  it('refuse a speed that is not a positive number', () => {
    expect(irbook('start', 'chat-leak', '--answers', ANSWERS, '--speed', '0').status).toBe(2);
  });
});
