import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../src/adapters/playbook-fs.js';
import { clockEngine, clockViews, type ClockStatus } from '../../src/core/clocks/clocks.js';
import { emptyState, type State } from '../../src/core/session/state.js';

const engine = clockEngine(catalogFor('playbooks').clocks!);
const AWARE = '2026-11-20T09:00:00.000+08:00';
const base = { aware_at: AWARE, data_categories: ['personal'], persons_affected: 10, malicious: false, financial_damage_risk: false, incident_grade: 'general', cii_involved: false, computer_crime: false, pi_in_china: false, eu_data: false, appi_applies: true, encrypted: false };

function state(facts: Record<string, unknown>, notices: { step: string; party: string; at: string; satisfies: string[] }[] = []): State {
  const s = emptyState();
  s.facts = { ...base, ...facts };
  s.notices = notices.map((n, ord) => ({ ...n, channel: 'x', ref: 'y', recordedAt: n.at, ord, told: [] }));
  return s;
}
const status = (s: State, id: string, now = '2026-11-21T00:00:00Z'): ClockStatus | undefined =>
  clockViews(engine, s, new Date(now)).find((v) => v.clock.id === id)?.status;

describe('which clocks apply', () => {
  it.each([
    ['appi-preliminary', {}, 'not-applicable'],
    ['appi-preliminary', { persons_affected: 1001 }, 'running'],
    ['appi-preliminary', { persons_affected: 1000 }, 'not-applicable'],
    ['appi-preliminary', { malicious: true }, 'running'],
    ['appi-preliminary', { data_categories: ['sensitive_personal'] }, 'running'],
    ['appi-preliminary', { data_categories: ['financial'] }, 'running'],
    ['appi-preliminary', { data_categories: ['general'], persons_affected: 5000 }, 'not-applicable'],
    ['cac-4h', { incident_grade: 'relatively_major' }, 'overdue'],
    ['appi-preliminary', { persons_affected: 1001, appi_applies: false }, 'not-applicable'],
    ['appi-preliminary', { persons_affected: 1001, encrypted: true }, 'not-applicable'],
    ['appi-final', { data_categories: ['financial'], appi_applies: false }, 'not-applicable'],
    ['cac-4h', { incident_grade: 'relatively_major', cii_involved: true }, 'not-applicable'],
    ['cii-1h', { incident_grade: 'major', cii_involved: true }, 'overdue'],
    ['cii-1h-protection', { incident_grade: 'major', cii_involved: true }, 'overdue'],
    ['cii-1h', { incident_grade: 'general', cii_involved: true }, 'not-applicable'],
    ['psb-24h', { computer_crime: true }, 'warning'],  // 23 h after awareness: past PT12H
    ['psb-24h', {}, 'not-applicable'],
    ['cac-summary', { incident_grade: 'relatively_major', handling_closed_at: '2026-11-20T12:00:00+08:00' }, 'running'],
    ['cac-summary', { incident_grade: 'relatively_major' }, 'undetermined'],
    ['cii-summary', { incident_grade: 'relatively_major', cii_involved: true, handling_closed_at: '2026-11-20T12:00:00+08:00' }, 'running'],
    ['cac-summary', { incident_grade: 'general', handling_closed_at: '2026-11-20T12:00:00+08:00' }, 'not-applicable'],
    ['gdpr-72h', { eu_data: true, data_categories: ['financial'] }, 'running'],
    ['pipl-authority', { pi_in_china: true }, 'warning'],  // 15 h after awareness: past PT12H
    ['gdpr-72h', { eu_data: true }, 'running'],
    ['gdpr-72h', { eu_data: true, data_categories: ['trade_secret'] }, 'not-applicable'],
  ])('%s with %o is %s', (id, facts, expected) => {
    expect(status(state(facts), id)).toBe(expected);
  });

  it('is undetermined until the facts it reads are known', () => {
    const s = state({});
    delete s.facts.persons_affected;
    expect(status(s, 'appi-preliminary')).toBe('undetermined');
  });
});

describe('deadlines', () => {
  const pre = (now: string, facts = {}, notices: Parameters<typeof state>[1] = []) => clockViews(engine, state({ persons_affected: 5000, ...facts }, notices), new Date(now)).find((v) => v.clock.id === 'appi-preliminary')!;

  it.each([
    ['2026-11-21T00:00:00Z', 'running'],
    ['2026-11-23T01:00:00Z', 'warning'],   // past P3D
    ['2026-11-25T02:00:00Z', 'overdue'],   // past P5D (due 2026-11-25T01:00Z)
  ])('at %s it is %s', (now, s) => expect(pre(now).status).toBe(s));

  it('counts from awareness, not from the session', () => {
    expect(pre('2026-11-21T00:00:00Z').due).toBe('2026-11-25T01:00:00.000Z');
  });

  it('is met by a notice to the right party on time, and late after the deadline', () => {
    const n = (at: string) => [{ step: 'ppc', party: 'ppc', at, satisfies: ['appi-preliminary'] }];
    expect(pre('2026-12-01T00:00:00Z', {}, n('2026-11-24T10:00:00+08:00'))).toMatchObject({ status: 'met', satisfiedBy: 'ppc' });
    const late = pre('2026-12-01T00:00:00Z', {}, n('2026-11-26T09:00:00+08:00'));
    expect(late.status).toBe('late');
    expect(late.leftMs).toBe(-24 * 3600_000);
  });

  it('is not met by a notice that does not name it', () => {
    expect(pre('2026-12-01T00:00:00Z', {}, [{ step: 'hq', party: 'hq', at: AWARE, satisfies: [] }]).status).toBe('overdue');
  });

  it('gives 60 days for the final report when the purpose was wrongful', () => {
    const fin = (facts: object) => clockViews(engine, state({ persons_affected: 5000, ...facts }), new Date('2026-11-21T00:00:00Z')).find((v) => v.clock.id === 'appi-final')!;
    expect(fin({}).due).toBe('2026-12-20T01:00:00.000Z');
    expect(fin({ malicious: true }).due).toBe('2027-01-19T01:00:00.000Z');
  });
});
