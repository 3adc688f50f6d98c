import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/core/session/amount.js';

describe('parseAmount', () => {
  it.each([
    ['2500', 2500], ['2,500', 2500], ['1,234,567', 1234567], ['約2,500', 2500], ['约 2500 人', 2500], ['2,500名', 2500],
    ['128万', 1_280_000], ['1.2億', 120_000_000], ['1.2亿', 120_000_000], ['3千', 3000], ['1億2000万', 120_000_000],
    ['３０００', 3000], ['３，０００', 3000], ['約１２８万人', 1_280_000], ['2500件以上', 2500], ['about 40', 40],
    ['1.5', 1.5], ['-3', -3], ['0', 0], ['12.5万', 125_000],
  ])('%s → %d', (raw, value) => {
    expect(parseAmount(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['1,5', 'input-number-ambiguous'], ['1,50', 'input-number-ambiguous'], ['12,34,567', 'input-number-ambiguous'],
    ['1.234,5', 'input-number-ambiguous'], ['1.2.3', 'input-number-ambiguous'], ['万', 'input-number-ambiguous'],
    ['', 'input-empty'], ['約', 'input-empty'], ['many', 'input-number'], ['1e5', 'input-number'], ['128万x', 'input-number'],
  ])('%j is refused with %s', (raw, code) => {
    const r = parseAmount(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe(code);
  });

  it('names the value in the ambiguity message', () => {
    expect(parseAmount(' 1,5 ')).toEqual({ ok: false, code: 'input-number-ambiguous', params: { value: '1,5' } });
  });
});
