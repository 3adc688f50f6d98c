// A scripted prompter drives whole sessions of every shipped playbook, both ways round.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogFor, loadPlaybook } from '../../src/adapters/playbook-fs.js';
import { clockEngine, clockViews } from '../../src/core/clocks/clocks.js';
import { STAGE_IDS } from '../../src/core/playbook/schema.js';
import { autoAnswers } from '../support/auto-answers.js';
import { runInMemory } from '../support/memory-session.js';

const ids = readdirSync('playbooks').filter((f) => f.endsWith('.yaml') && !['clocks.yaml', 'parties.yaml'].includes(f)).map((f) => f.replace(/\.yaml$/, ''));
const { clocks, parties } = catalogFor('playbooks');

describe.each(ids)('scripted session of %s', (id) => {
  const { playbook } = loadPlaybook(id, 'playbooks');

  it.each([['yes', true], ['no', false]])('answering %s to every question, it closes with every step done or skipped', async (_, yes) => {
    const { events, state, error } = await runInMemory(playbook, clocks!, parties, autoAnswers(playbook, yes));
    expect(error).toBeUndefined();
    expect(state.closedAt).toBeDefined();
    const entered = events.filter((e) => e.type === 'stage.entered').map((e) => e.data.stage);
    expect(entered).toEqual([...STAGE_IDS]);
    for (const step of playbook.stages.flatMap((s) => s.steps)) {
      const touched = events.some((e) => e.data.step === step.id);
      expect(touched, `step ${step.id} was neither done nor skipped`).toBe(true);
    }
    expect(clockViews(clockEngine(clocks!), state, new Date()).every((v) => v.status !== 'undetermined')).toBe(true);
  });

  it('answering yes, every notification that satisfies a clock meets or misses it visibly', async () => {
    const { state } = await runInMemory(playbook, clocks!, parties, autoAnswers(playbook, true));
    const views = clockViews(clockEngine(clocks!), state, new Date('2027-01-01T00:00:00Z'));
    const applying = views.filter((v) => v.status !== 'not-applicable');
    expect(applying.length).toBeGreaterThan(0);
    for (const v of applying) expect(['met', 'late', 'overdue']).toContain(v.status);
  });
});

describe('stopping and carrying on', () => {
  const { playbook } = loadPlaybook('chat-leak', 'playbooks');

  it('stops at the first step with no answer, naming it, and carries on from the journal', async () => {
    const all = autoAnswers(playbook, true);
    const partial = { ...all };
    delete partial['report-hq'];
    const first = await runInMemory(playbook, clocks!, parties, partial);
    expect(first.error).toMatchObject({ name: 'AnswerError', step: 'report-hq', code: 'answer-missing' });
    expect(first.state.closedAt).toBeUndefined();
    const before = first.events.length;
    const second = await runInMemory(playbook, clocks!, parties, all, first.events);
    expect(second.error).toBeUndefined();
    expect(second.state.closedAt).toBeDefined();
    // Nothing before the stop is asked again.
    const recorded = second.events.filter((e) => e.type === 'fact.recorded').map((e) => `${e.data.step}/${e.data.fact}`);
    expect(new Set(recorded).size).toBe(recorded.length);
    expect(second.events.length).toBeGreaterThan(before);
  });

  it('refuses an answer against the recommendation without a reason', async () => {
    const answers = { ...autoAnswers(playbook, true), 'report-hq': 'no' };
    const { error } = await runInMemory(playbook, clocks!, parties, answers);
    expect(error).toMatchObject({ step: 'report-hq', code: 'answer-reason-required' });
  });

  it('records the expression, the facts it read, the recommendation and the reason of an override', async () => {
    const answers = { ...autoAnswers(playbook, true), 'report-hq': { answer: 'no', reason: 'HQ already informed by phone' } };
    const { events } = await runInMemory(playbook, clocks!, parties, answers);
    const d = events.find((e) => e.type === 'decision.made' && e.data.step === 'report-hq');
    expect(d?.data).toMatchObject({ recommended: true, answer: false, reason: 'HQ already informed by phone', sets: 'report_hq' });
    expect(d?.data.expr).toContain('policy.hq_report_persons');
    expect(d?.data.facts).toMatchObject({ persons_affected: 1500, malicious: true });
    // The guarded notification is then skipped, with its guard recorded.
    expect(events.find((e) => e.type === 'step.skipped' && e.data.step === 'notify-hq')?.data).toMatchObject({ guard: 'report_hq' });
  });
});

describe('a notification judged not required', () => {
  const { playbook } = loadPlaybook('chat-leak', 'playbooks');

  it('needs a reason, is journaled as waived, and its clock is neither open nor overdue', async () => {
    const bare = { ...autoAnswers(playbook, true), 'notify-individuals': { waived: '  ' } };
    expect((await runInMemory(playbook, clocks!, parties, bare)).error).toMatchObject({ step: 'notify-individuals', code: 'answer-reason-required' });

    const reason = 'Encrypted export, key revoked: PIPL Art. 57 exception';
    const { events, state } = await runInMemory(playbook, clocks!, parties, { ...autoAnswers(playbook, true), 'notify-individuals': { waived: reason } });
    expect(events.find((e) => e.type === 'notify.waived')?.data).toMatchObject({ step: 'notify-individuals', party: 'individuals', satisfies: ['pipl-notice'], reason });
    const v = clockViews(clockEngine(clocks!), state, new Date('2027-06-01T00:00:00Z')).find((x) => x.clock.id === 'pipl-notice');
    expect(v).toMatchObject({ status: 'waived', reason, satisfiedBy: 'notify-individuals' });
  });
});
