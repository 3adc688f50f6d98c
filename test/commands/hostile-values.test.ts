// Values in an answers file are typed strictly: a list or a mapping is never read as a number or a
// text, claimed times before 2000 or past year 9999 are refused with a message (no RangeError), and
// a notice claimed before aware_at needs `confirm_before_aware: true`. Nothing is journaled past
// the refused answer.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { incidentEvents } from '../support/chains.js';

const tmp = mkdtempSync(join(tmpdir(), 'irbook-val-'));
const store = join(tmp, 'store');
const env = { ...process.env, IRBOOK_STORE: store, NO_COLOR: '1', IRBOOK_LANG: 'en', IRBOOK_PLAYBOOKS: 'playbooks', IRBOOK_TEMPLATES: 'templates' };
const ANSWERS = readFileSync('test/fixtures/answers/chat-leak.yaml', 'utf8');
let n = 0;
/** Run the chat-leak answers with one line changed; returns the run and the incident's events. */
function run(from: string, to: string) {
  expect(ANSWERS).toContain(from);
  const file = join(tmp, `answers-${++n}.yaml`);
  writeFileSync(file, ANSWERS.replace(from, to));
  const before = new Set(readdirSync(tmp).includes('store') ? readdirSync(store) : []);
  const r = spawnSync(process.execPath, ['bin/irbook.js', 'start', 'chat-leak', '--answers', file], { encoding: 'utf8', env, input: '', timeout: 30_000 });
  const id = readdirSync(store).find((d) => d.startsWith('INC-') && !before.has(d)) ?? '';
  const events = incidentEvents(store, id) as { type: string; data: Record<string, unknown> }[];
  return { ...r, events };
}
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('answers typed strictly', () => {
  it.each([
    ['persons_affected: [1,2]', '    persons_affected: 1500', '    persons_affected: [1, 2]', 'scope', 'a single value is needed here, not a list'],
    ['persons_affected: {x: 1}', '    persons_affected: 1500', '    persons_affected: {x: 1}', 'scope', 'a single value is needed here, not a mapping'],
    ['persons_affected: "1,5"', '    persons_affected: 1500', '    persons_affected: "1,5"', 'scope', '"1,5" can be read two ways'],
    ['channel: {x: 1}', 'notify-hq: {channel: email,', 'notify-hq: {channel: {x: 1},', 'notify-hq', '"channel" must be text, not a mapping'],
    ['aware_at in 1900', 'aware_at: 2026-11-23T09:40:00+08:00', 'aware_at: 1900-01-01T00:00:00+08:00', 'scope', 'a time before 2000-01-01 cannot be right here'],
    ['aware_at: +275760-09-13', 'aware_at: 2026-11-23T09:40:00+08:00', 'aware_at: "+275760-09-13"', 'scope', 'enter a date and time'],
    ['a notice before aware_at', 'at: "2026-11-23T10:40:00+08:00"}', 'at: "2026-11-23T09:00:00+08:00"}', 'notify-hq', 'notified at 2026-11-23T09:00:00.000+08:00, before the incident was known (2026-11-23T09:40:00.000+08:00): if that is right, add confirm_before_aware: true'],
  ])('%s is refused with exit 2 naming the step, and not journaled', (_, from, to, step, message) => {
    const r = run(from, to);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain(`"${step}"`);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/    at |RangeError|\[object Object\]/);
    const fact = /^\s*(\w+):/.exec(to)?.[1];
    expect(r.events.some((e) => e.data.step === step && (e.type === 'notify.sent' || (e.type === 'fact.recorded' && e.data.fact === fact)))).toBe(false);
    expect(r.events.some((e) => e.type === 'fact.recorded' && e.data.step === 'scope')).toBe(fact !== 'aware_at');
  });

  it('a notice before aware_at is taken with confirm_before_aware: true', () => {
    const r = run('at: "2026-11-23T10:40:00+08:00"}', 'at: "2026-11-23T09:00:00+08:00", confirm_before_aware: true}');
    expect(r.status, r.stderr).toBe(0);
    expect(r.events.find((e) => e.type === 'notify.sent' && e.data.step === 'notify-hq')?.data.at).toBe('2026-11-23T09:00:00.000+08:00');
  });

  it('numbers are read as people write them', () => {
    const r = run('    persons_affected: 1500', '    persons_affected: 約１，５００人');
    expect(r.status, r.stderr).toBe(0);
    expect(r.events.find((e) => e.type === 'fact.recorded' && e.data.fact === 'persons_affected')?.data.value).toBe(1500);
  });
});
