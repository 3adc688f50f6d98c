import { describe, expect, it } from 'vitest';
import { catalogFor, loadPlaybook } from '../../src/adapters/playbook-fs.js';
import type { ClockSet, Playbook } from '../../src/core/playbook/schema.js';
import { echoNumber, tenThousands } from '../../src/core/session/number-echo.js';
import { crossed, crossingLines, thresholdsOf } from '../../src/core/session/thresholds.js';

// A playbook as plain objects: a grade decided by a ternary over policy constants, a guard, and a
// clock that applies above a literal.
const pb = {
  id: 'p', version: '1', title: 'p',
  facts: {
    persons_affected: { type: 'integer', prompt: 'n' },
    loss_cny: { type: 'number', prompt: 'loss' },
    sensitive: { type: 'boolean', prompt: 's' },
  },
  policy: { grade_relatively_major_persons: 1_000_000, grade_major_persons: 10_000_000, hq_persons: 1, announce_persons: 1001, tiny: 'x' },
  stages: [{ id: 'detect', steps: [
    { id: 'grade', decide: {
      question: 'grade?', sets: 'grade',
      options: [{ id: 'major', label: { ja: '重大', zh: '重大', en: 'major' } }, { id: 'relatively_major', label: { ja: '較大', zh: '较大', en: 'relatively major' } }, { id: 'general', label: { ja: '一般', zh: '一般', en: 'general' } }],
      recommend: "persons_affected >= policy.grade_major_persons ? 'major' : persons_affected >= policy.grade_relatively_major_persons || sensitive ? 'relatively_major' : 'general'",
    } },
    { id: 'small', when: '100 >= persons_affected', check: ['x'] },
    { id: 'money', when: 'loss_cny > 50000.0', check: ['y'] },
    { id: 'hq', when: 'persons_affected >= policy.hq_persons', check: ['z'] },
    { id: 'announce', when: 'persons_affected >= policy.announce_persons', check: ['w'] },
  ] }],
} as unknown as Playbook;
const clocks = {
  facts: { persons_affected: { type: 'integer' } },
  clocks: [{ id: 'ppc', title: { ja: 'PPC速報', zh: 'PPC速报', en: 'PPC preliminary' }, applies: 'sensitive || persons_affected > 1000' }],
} as unknown as ClockSet;

describe('thresholdsOf', () => {
  it('reads comparisons with literals and policy constants, either side, with what they lead to', () => {
    expect(thresholdsOf(pb, clocks, 'en')).toEqual([
      { fact: 'persons_affected', op: '>=', limit: 10_000_000, policy: 'policy.grade_major_persons', where: 'grade', outcome: 'major (major)' },
      { fact: 'persons_affected', op: '>=', limit: 1_000_000, policy: 'policy.grade_relatively_major_persons', where: 'grade', outcome: 'relatively major (relatively_major)' },
      { fact: 'persons_affected', op: '<=', limit: 100, where: 'small' },
      { fact: 'loss_cny', op: '>', limit: 50_000, where: 'money' },
      { fact: 'persons_affected', op: '>=', limit: 1, policy: 'policy.hq_persons', where: 'hq' },
      { fact: 'persons_affected', op: '>=', limit: 1001, policy: 'policy.announce_persons', where: 'announce' },
      { fact: 'persons_affected', op: '>', limit: 1000, where: 'ppc', outcome: 'PPC preliminary' },
    ]);
  });
});

describe('crossed', () => {
  const all = thresholdsOf(pb, clocks, 'en');
  const limits = (fact: string, v: number) => crossed(all, fact, v).map((t) => `${t.op}${t.limit}`);
  it.each([
    [999_999, ['>=1001', '>1000']],
    [1_000_000, ['>=1000000', '>=1001', '>1000']],
    [1_000_001, ['>=1000000', '>=1001', '>1000']],
    [10_000_000, ['>=10000000', '>=1000000', '>=1001', '>1000']],
    [1000, []],
    [1001, ['>=1001', '>1000']],
    [101, []],
    [100, ['<=100']],
    [99, ['<=100']],
  ])('persons_affected = %d crosses %j', (v, want) => {
    expect(limits('persons_affected', v)).toEqual(want);
  });
  it.each([[50_000, []], [50_000.5, ['>50000']]])('loss_cny = %d crosses %j', (v, want) => {
    expect(limits('loss_cny', v)).toEqual(want);
  });
  it('crosses nothing for a fact no expression compares', () => expect(crossed(all, 'sensitive', 5)).toEqual([]));
  it('does not count a presence test (>= 1) as a threshold', () => expect(limits('persons_affected', 500)).toEqual([]));
});

describe('the shipped chat-leak playbook and clocks.yaml', () => {
  const { playbook } = loadPlaybook('chat-leak', 'playbooks');
  const { clocks: shipped } = catalogFor('playbooks');
  const all = thresholdsOf(playbook, shipped, 'zh');
  const at = (v: number) => crossed(all, 'persons_affected', v);
  it.each([
    [999_999, false],
    [1_000_000, true],
  ])('persons_affected = %d at the 较大 grade: %s', (v, want) => {
    expect(at(v).some((t) => t.policy === 'policy.grade_relatively_major_persons' && t.outcome?.includes('relatively_major'))).toBe(want);
  });
  it.each([
    [1000, false],
    [1001, true],
  ])('persons_affected = %d above APPI\'s > 1000 (PPC clocks): %s', (v, want) => {
    const appi = at(v).find((t) => t.op === '>' && t.limit === 1000);
    expect(appi !== undefined).toBe(want);
    if (appi) expect(appi.where).toMatch(/ppc/);
  });
  it('words the crossing in the language, limits and places merged', () => {
    expect(crossingLines(all, 'persons_affected', 1_280_000, 'zh').slice(0, 2)).toEqual([
      '1,280,000人（128万人） 达到或超过 1,000,000人（100万人） (policy.grade_relatively_major_persons)：较大 (relatively_major) [grade]',
      '1,280,000人（128万人） 达到或超过 1,000人 (policy.expert_persons · policy.public_announce_persons)：call-experts · announce',
    ]);
    expect(crossingLines(thresholdsOf(playbook, shipped, 'en'), 'persons_affected', 1500, 'en')).toContain('1,500 persons is above 1,000 persons: APPI preliminary report to the PPC · APPI final report to the PPC [notify-ppc-preliminary · notify-ppc-final · appi-preliminary · appi-final]');
  });
});

describe('echoNumber', () => {
  it.each([
    [1_280_000, 'loss_cny', 'zh', '1,280,000元（128万元）'],
    [1_280_000, 'loss_cny', 'ja', '1,280,000元（128万元）'],
    [1_280_000, 'loss_cny', 'en', 'CNY 1,280,000'],
    [2500, 'persons_affected', 'ja', '2,500人'],
    [2500, 'persons_affected', 'en', '2,500 persons'],
    [1_280_000, 'persons_affected', 'ja', '1,280,000人（128万人）'],
    [120_000_000, 'persons_affected', 'ja', '120,000,000人（1.2億人）'],
    [120_000_000, 'loss_jpy', 'zh', '120,000,000日元（1.2亿日元）'],
    [12_345, 'count', 'zh', '12,345（1.2345万）'],
    [9_999, 'count', 'zh', '9,999'],
    [123_456_789, 'count', 'ja', '123,456,789（12,345.6789万）'],
    [1.5, 'count', 'ja', '1.5'],
  ] as const)('%d %s in %s → %s', (n, name, lang, want) => {
    expect(echoNumber(n, name, lang)).toBe(want);
  });
  it.each([[-20_000, 'ja', '-2万'], [10_000, 'zh', '1万'], [9_999, 'zh', undefined], [10_000.5, 'ja', undefined]] as const)('tenThousands(%d, %s) = %s', (n, lang, want) => {
    expect(tenThousands(n, lang)).toBe(want);
  });
});
