// The two newer playbooks walked from their drill answers files: the session closes, and every
// clock that applies is met by the notification the answers give; simulate agrees on the facts.
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { catalogFor, loadPlaybook } from '../../src/adapters/playbook-fs.js';
import { clockEngine, clockViews } from '../../src/core/clocks/clocks.js';
import { evaluatorFor } from '../../src/core/session/evaluator.js';
import { simulate } from '../../src/core/simulate/simulate.js';
import { runInMemory } from '../support/memory-session.js';

const { clocks, parties } = catalogFor('playbooks');

describe.each([
  ['vendor-breach', ['appi-preliminary', 'appi-final', 'cac-4h', 'cac-summary', 'psb-24h', 'pipl-authority', 'pipl-notice'], ['hq', 'psb', 'cac', 'experts', 'insurer', 'ppc', 'customers', 'individuals']],
  ['false-rumour', ['pipl-authority', 'pipl-notice'], ['hq', 'psb', 'cac', 'experts', 'customers', 'individuals']],
])('the %s drill', (id, applying, notified) => {
  const { playbook } = loadPlaybook(id, 'playbooks');
  const answers = (load(readFileSync(`test/fixtures/answers/${id}.yaml`, 'utf8')) as { answers: Record<string, unknown> }).answers;

  it('closes, with the clocks that apply all met', async () => {
    const { state, error } = await runInMemory(playbook, clocks!, parties, answers);
    expect(error).toBeUndefined();
    expect(state.closedAt).toBeDefined();
    const views = clockViews(clockEngine(clocks!), state, new Date('2027-02-01T00:00:00Z'));
    expect(views.filter((v) => v.status !== 'not-applicable').map((v) => v.clock.id)).toEqual(applying);
    for (const v of views.filter((x) => x.status !== 'not-applicable')) expect(v.status, v.clock.id).toBe('met');
    expect([...new Set(state.notices.map((n) => n.party))]).toEqual(notified);
  });

  it('is what simulate predicts from the same facts', async () => {
    const { state, events } = await runInMemory(playbook, clocks!, parties, answers);
    const facts = Object.fromEntries(Object.entries(state.facts).filter(([k]) => k in playbook.facts));
    const sim = simulate({ playbook, ev: evaluatorFor(playbook), clocks: clockEngine(clocks!), facts, at: new Date() });
    expect(sim.notified).toEqual(notified);
    expect(sim.clocks.filter((c) => c.applies).map((c) => c.id)).toEqual(applying);
    expect(sim.skipped).toEqual(events.filter((e) => e.type === 'step.skipped').map((e) => e.data.step));
  });
});
