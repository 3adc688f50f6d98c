// Numbers in an answers-file run: each is said back with its unit (and 万 reading in zh/ja), and
// the playbook thresholds it crosses are noted — not asked, since nobody is at the terminal.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const store = mkdtempSync(join(tmpdir(), 'irbook-num-'));
const env = { ...process.env, IRBOOK_STORE: store, NO_COLOR: '1', IRBOOK_PLAYBOOKS: 'playbooks', IRBOOK_TEMPLATES: 'templates' };
const irbook = (...args: string[]) => spawnSync(process.execPath, ['bin/irbook.js', ...args], { encoding: 'utf8', env, input: '' });
afterAll(() => rmSync(store, { recursive: true, force: true }));

/** The chat-leak answers with another persons_affected, as typed. */
function answers(persons: string): string {
  const file = join(store, `answers-${persons}.yaml`);
  writeFileSync(file, readFileSync('test/fixtures/answers/chat-leak.yaml', 'utf8').replace('persons_affected: 1500', `persons_affected: "${persons}"`));
  return file;
}

describe('number echo in an answers-file run', () => {
  it.each([
    ['1500', 'zh', '= 1,500人', /⚠ {2}1,500人 超过 1,000人：向日本个人信息保护委员会的速报/, '1,000,000'],
    ['128万', 'zh', '= 1,280,000人（128万人）', /⚠ {2}1,280,000人（128万人） 达到或超过 1,000,000人（100万人） \(policy\.grade_relatively_major_persons\)：较大/, undefined],
    ['999999', 'ja', '= 999,999人（99.9999万人）', /⚠ {2}999,999人（99.9999万人） は 1,000人 を超えています/, '1,000,000'],
    ['1000', 'en', '= 1,000 persons', /⚠ {2}1,000 persons is at or above 1,000 persons \(policy\.expert_persons · policy\.public_announce_persons\)/, 'is above 1,000'],
  ])('%s (%s)', (typed, lang, echo, crossing, absent) => {
    const r = irbook('start', 'chat-leak', '--answers', answers(typed), '--lang', lang);
    const out = r.stdout;
    expect(out, r.stderr).toContain(echo);
    expect(out).toMatch(crossing);
    if (absent) expect(out.slice(out.indexOf(echo)).split('\n').slice(0, 6).join('\n')).not.toContain(absent);
  });
});
