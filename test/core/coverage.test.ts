// The clock-coverage check: every clock that applies has a presented notify step that satisfies it.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catalogFor, loadPlaybook } from '../../src/adapters/playbook-fs.js';
import { clockEngine } from '../../src/core/clocks/clocks.js';
import { coverageGaps, coverageIssues } from '../../src/core/playbook/coverage.js';
import { optionId, playbookSchema, type Fact, type Playbook } from '../../src/core/playbook/schema.js';
import { evaluatorFor } from '../../src/core/session/evaluator.js';
import { simulate } from '../../src/core/simulate/simulate.js';

const { clocks } = catalogFor('playbooks');
const ids = readdirSync('playbooks').filter((f) => f.endsWith('.yaml') && !['clocks.yaml', 'parties.yaml'].includes(f)).map((f) => f.replace(/\.yaml$/, ''));

/** A shipped playbook with its text edited (the edit must apply). */
function edited(id: string, from: string | RegExp, to: string): Playbook {
  const text = readFileSync(`playbooks/${id}.yaml`, 'utf8');
  const changed = text.replace(from, to);
  expect(changed, `the edit of ${id} applies`).not.toBe(text);
  return playbookSchema.parse(parse(changed));
}
const PPC_GUARD = "appi_applies && !encrypted && ('personal' in data_categories || 'sensitive_personal' in data_categories || 'financial' in data_categories) && (persons_affected > 1000";

describe('coverage gaps', () => {
  it('finds the card category removed from a PPC guard, with the facts that expose it', () => {
    // (the first PPC guard only: the preliminary report's)
    const pb = edited('payment-fraud', PPC_GUARD, PPC_GUARD.replace(" || 'financial' in data_categories)", ')'));
    const gaps = coverageGaps(pb, clocks!);
    expect(gaps.map((g) => g.clock)).toEqual(['appi-preliminary']);
    expect(gaps[0]?.facts).toMatchObject({ data_categories: ['financial'], appi_applies: true, encrypted: false });
  });

  it('finds a clock whose notify step was removed', () => {
    const pb = edited('chat-leak', /      - id: notify-eu\n.*\n.*\n/, '');
    const gaps = coverageGaps(pb, clocks!);
    expect(gaps).toEqual([expect.objectContaining({ clock: 'gdpr-72h', facts: expect.objectContaining({ eu_data: true }) })]);
  });

  it('finds a threshold one person off (1,001 persons: APPI applies, the guard says no)', () => {
    const pb = edited('chat-leak', new RegExp(PPC_GUARD.replace(/[()|&!.]/g, '\\$&'), 'g'), PPC_GUARD.replace('> 1000', '> 1001'));
    const gaps = coverageGaps(pb, clocks!);
    expect(gaps.map((g) => [g.clock, g.facts.persons_affected])).toEqual([['appi-preliminary', 1001], ['appi-final', 1001]]);
  });

  it('finds a step gated on a decision whose recommendation can be no while the clock runs', () => {
    const pb = edited('lost-device', `      - id: notify-individuals
        when: "'personal'`, `      - id: notify-individuals
        when: "tell_individuals && 'personal'`);
    const gaps = coverageGaps(pb, clocks!);
    expect(gaps.map((g) => g.clock)).toEqual(['pipl-notice']);
    expect(gaps[0]?.facts).toMatchObject({ pi_in_china: true, device_encrypted: true, device_locked: true });
  });

  it('finds the police not recommended for a CII-involving incident of 较大 (a decision feeding a decision)', () => {
    const pb = edited('chat-leak', "computer_crime || (cii_involved && incident_grade != 'general') || (malicious", 'computer_crime || (malicious');
    expect(coverageGaps(pb, clocks!).map((g) => [g.clock, g.facts.cii_involved])).toEqual([['cii-1h', true]]);
  });

  it('reports a gap at the clock\'s applies in clocks.yaml, naming the facts and the playbook', () => {
    const pb = edited('chat-leak', /      - id: notify-eu\n.*\n.*\n/, '');
    const [issue] = coverageIssues(pb, clocks!);
    const index = clocks!.clocks.findIndex((c) => c.id === 'gdpr-72h');
    expect(issue).toMatchObject({ severity: 'error', code: 'clock-not-covered', doc: 'clocks', path: ['clocks', index, 'applies'], params: { clock: 'gdpr-72h', playbook: 'chat-leak' } });
    expect(String(issue?.params.facts)).toContain('eu_data = true');
  });
});

describe.each(ids)('every shipped playbook: %s', (id) => {
  const { playbook } = loadPlaybook(id, 'playbooks');

  it('has no coverage gap, even exhaustively', () => {
    expect(coverageGaps(playbook, clocks!, { deep: true })).toEqual([]);
  });

  // An independent check of the same property: random facts walked by simulate (seeded, repeatable).
  it('meets every applying clock in 300 random simulations', () => {
    let seed = 0x9e3779b9 ^ id.length;
    const rnd = () => ((seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const sample = (f: Fact): unknown => {
      const ids2 = (f.options ?? []).map(optionId);
      switch (f.type) {
        case 'boolean': return rnd() < 0.5;
        case 'integer': case 'number': return pick([0, 1, 999, 1000, 1001, 999_999, 1_000_000, 5_000_000, 10_000_000, 20_000_000, 100_000_000]);
        case 'choice': return pick(ids2);
        case 'multi': return ids2.filter(() => rnd() < 0.25);
        case 'datetime': return '2026-11-23T09:00:00+08:00';
        case 'text': return 'x';
      }
    };
    const engine = clockEngine(clocks!);
    const ev = evaluatorFor(playbook);
    for (let n = 0; n < 300; n++) {
      const facts = Object.fromEntries(Object.entries(playbook.facts).map(([k, f]) => [k, sample(f)]));
      const sim = simulate({ playbook, ev, clocks: engine, facts, at: new Date('2026-11-23T01:00:00Z') });
      for (const c of sim.clocks.filter((x) => x.applies)) expect(c.satisfiedBy, `${c.id} with ${JSON.stringify(facts)}`).toBeDefined();
    }
  });
});
