// `irbook simulate` as a user runs it: the built binary, facts inline or from a file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const irbook = (args: string[]) =>
  spawnSync(process.execPath, ['bin/irbook.js', ...args], { encoding: 'utf8', env: { ...process.env, IRBOOK_LANG: '', LC_ALL: '', LANG: 'C', NO_COLOR: '1' } });

const cardLeak = { aware_at: '2026-11-23T09:00:00+08:00', data_categories: ['financial'], persons_affected: 300, appi_applies: true, pi_in_china: true };

describe('irbook simulate', () => {
  it('--json gives decisions, skipped steps, parties and every clock', () => {
    const r = irbook(['simulate', 'payment-fraud', '--facts', JSON.stringify(cardLeak), '--answer', 'report-hq=no', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { decisions: Record<string, { recommended?: unknown; answer: unknown }>; skipped: string[]; notified: string[]; clocks: { id: string; applies: boolean; due: string | null }[] };
    expect(out.decisions['report-hq']).toEqual({ recommended: true, answer: false });
    expect(out.skipped).toContain('notify-hq');
    expect(out.notified).toEqual(['cac', 'ppc', 'individuals']);
    expect(out.clocks.find((c) => c.id === 'appi-preliminary')).toMatchObject({ applies: true, due: '2026-11-28T01:00:00.000Z' });
    expect(out.clocks.find((c) => c.id === 'cac-4h')).toMatchObject({ applies: false, due: null });
    expect(out.clocks).toHaveLength(11);
  });

  it('reads facts from a YAML file and prints in the UI language', () => {
    const dir = mkdtempSync(join(tmpdir(), 'irbook-sim-'));
    const file = join(dir, 'facts.yaml');
    writeFileSync(file, 'aware_at: 2026-11-23T09:00:00+08:00\ndata_categories: [personal]\npersons_affected: 1000000\npi_in_china: true\n');
    const r = irbook(['simulate', 'chat-leak', '--facts', file, '--lang', 'ja', '--tz', 'Asia/Shanghai']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('grade: 推奨 relatively_major · 回答 relatively_major');
    expect(r.stdout).toContain('（認知日時 2026-11-23 09:00 +08:00）');
    expect(r.stdout).toMatch(/cac-4h {2}適用 · 期限 2026-11-23 13:00 \+08:00 · 充足 notify-cac/);
  });

  it.each([
    [['--facts', '{"nope": 1}'], /the playbook has no fact "nope"/],
    [['--facts', '[1, 2]'], /not a mapping of fact names to values/],
    [['--facts', '{}', '--answer', 'grade=huge'], /--answer grade: the answer must be one of general, relatively_major, major, especially_major/],
  ])('refuses %j with exit 2 and no stack trace', (args, message) => {
    const r = irbook(['simulate', 'chat-leak', ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('has help in Chinese', () => {
    const r = irbook(['simulate', '--help', '--lang', 'zh']);
    expect(r.stdout).toMatch(/用给定的事实和推荐答案走一遍剧本[\s\S]*未给出的事实按/);
  });
});
