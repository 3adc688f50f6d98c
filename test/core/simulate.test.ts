// simulate() on the shipped playbooks at the legal thresholds: what a session would decide, skip,
// notify and which clocks would run.
import { describe, expect, it } from 'vitest';
import { catalogFor, loadPlaybook } from '../../src/adapters/playbook-fs.js';
import { clockEngine } from '../../src/core/clocks/clocks.js';
import { evaluatorFor } from '../../src/core/session/evaluator.js';
import { parseAnswers, parseFacts, simulate } from '../../src/core/simulate/simulate.js';

const { clocks } = catalogFor('playbooks');
const engine = clockEngine(clocks!);
const AWARE = '2026-11-23T09:00:00+08:00';

function run(id: string, raw: Record<string, unknown>, overrides: string[] = []) {
  const { playbook } = loadPlaybook(id, 'playbooks');
  const facts = parseFacts(playbook, { aware_at: AWARE, ...raw });
  if (!facts.ok) throw new Error(facts.code);
  const answers = parseAnswers(playbook, overrides);
  if (!answers.ok) throw new Error(answers.code);
  return simulate({ playbook, ev: evaluatorFor(playbook), clocks: engine, facts: facts.value, answers: answers.value, at: new Date(AWARE) });
}
const clock = (sim: ReturnType<typeof run>, id: string) => sim.clocks.find((c) => c.id === id);

const leak = { data_categories: ['personal'], pi_in_china: true, appi_applies: true };

describe('grading at the CAC thresholds ("以上" includes the number)', () => {
  it.each([
    ['chat-leak', 999_999, 'general', false],
    ['chat-leak', 1_000_000, 'relatively_major', true],
    ['chat-leak', 9_999_999, 'relatively_major', true],
    ['chat-leak', 10_000_000, 'major', true],
    ['payment-fraud', 999_999, 'general', false],
    ['payment-fraud', 1_000_000, 'relatively_major', true],
    ['lost-device', 1_000_000, 'relatively_major', true],
  ])('%s with %i persons is graded %s; the 4-hour CAC clock applies: %s', (id, persons, grade, applies) => {
    const sim = run(id, { ...leak, persons_affected: persons });
    expect(sim.decisions.grade).toEqual({ recommended: grade, answer: grade });
    expect(clock(sim, 'cac-4h')?.applies).toBe(applies);
    if (applies) {
      expect(clock(sim, 'cac-4h')).toMatchObject({ due: '2026-11-23T05:00:00.000Z', status: 'met', satisfiedBy: 'notify-cac' });
      expect(clock(sim, 'cac-summary')).toMatchObject({ applies: true, status: 'met', satisfiedBy: 'notify-cac-summary' });
    } else expect(sim.skipped).toContain('notify-cac-summary');
  });

  it('an annex clause (important data) makes it relatively major below a million persons', () => {
    const sim = run('chat-leak', { ...leak, persons_affected: 10, important_data: true });
    expect(sim.decisions.grade?.recommended).toBe('relatively_major');
  });

  it('a CII-involving incident of 较大 goes to the protection department and the police in 1 hour, not to the 4-hour CAC clock', () => {
    const sim = run('leaver-exfiltration', { ...leak, persons_affected: 1_000_000, cii_involved: true });
    expect(sim.decisions['report-police']?.recommended).toBe(true);
    expect(sim.notified).toEqual(expect.arrayContaining(['psb', 'protection-dept']));
    expect(clock(sim, 'cii-1h')).toMatchObject({ applies: true, status: 'met' });
    expect(clock(sim, 'cii-1h-protection')).toMatchObject({ applies: true, status: 'met', due: '2026-11-23T02:00:00.000Z' });
    expect(clock(sim, 'cac-4h')?.applies).toBe(false);
  });

  it('an override replaces the recommendation and is shown next to it', () => {
    const sim = run('chat-leak', { ...leak, persons_affected: 1_000_000 }, ['grade=general']);
    expect(sim.decisions.grade).toEqual({ recommended: 'relatively_major', answer: 'general' });
    expect(clock(sim, 'cac-4h')?.applies).toBe(false);
  });
});

describe('APPI (PPC) at "more than 1,000 persons", scope and encryption', () => {
  it.each([
    [1_000, {}, false],
    [1_001, {}, true],
    [5_000, { appi_applies: false }, false],
    [5_000, { encrypted: true }, false],
    [10, { malicious: true }, true],
  ])('%i persons with %o: the PPC clocks apply: %s', (persons, extra, applies) => {
    const sim = run('chat-leak', { ...leak, persons_affected: persons, ...extra });
    for (const id of ['appi-preliminary', 'appi-final']) expect(clock(sim, id)?.applies).toBe(applies);
    expect(sim.skipped.includes('notify-ppc-preliminary')).toBe(!applies);
    expect(sim.notified.includes('ppc')).toBe(applies);
    if (applies) expect(clock(sim, 'appi-final')?.satisfiedBy).toBe('notify-ppc-final');
  });
});

describe('a card-only leak', () => {
  it.each(['payment-fraud', 'leaver-exfiltration', 'mini-program-leak', 'chat-leak'])('in %s starts the PPC and PIPL clocks and a step satisfies each', (id) => {
    const sim = run(id, { data_categories: ['financial'], persons_affected: 300, pi_in_china: true, appi_applies: true, eu_data: true });
    for (const c of ['appi-preliminary', 'appi-final', 'pipl-authority', 'pipl-notice', 'gdpr-72h']) {
      expect(clock(sim, c), c).toMatchObject({ applies: true, status: 'met' });
    }
    expect(sim.notified).toEqual(expect.arrayContaining(['ppc', 'cac', 'individuals', 'eu-dpa']));
  });
});

describe('facts and answers', () => {
  const { playbook } = loadPlaybook('chat-leak', 'playbooks');

  it('takes no / zero / none for facts not given, and says so', () => {
    const sim = run('chat-leak', { persons_affected: 5 });
    expect(sim.assumed).toMatchObject({ malicious: false, data_categories: [], eu_data: false });
    expect(sim.assumed).not.toHaveProperty('persons_affected');
    expect(sim.why['notify-eu']).toEqual({ guard: 'eu_data', facts: { eu_data: false } });
  });

  it.each([
    [{ nope: 1 }, 'simulate-unknown-fact'],
    [{ persons_affected: 'many' }, 'simulate-bad-fact'],
  ])('refuses facts %o with %s', (raw, code) => {
    expect(parseFacts(playbook, raw)).toMatchObject({ ok: false, code });
  });

  it.each([
    [['grade=huge'], 'simulate-bad-answer'],
    [['report-hq=maybe'], 'simulate-bad-answer'],
    [['scope=yes'], 'simulate-not-decision'],
    [['no-such-step=yes'], 'simulate-not-decision'],
  ])('refuses answers %o with %s', (pairs, code) => {
    expect(parseAnswers(playbook, pairs)).toMatchObject({ ok: false, code });
  });
});
