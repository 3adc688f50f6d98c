// The organisation profile: the GB 32100-2015 check character, the profile's own checks, and the
// fields a document needs.
import { describe, expect, it } from 'vitest';
import { creditCheckChar, creditCodeProblem } from '../../src/core/profile/credit-code.js';
import { missingFields, validateProfile } from '../../src/core/profile/validate.js';
import { checkProfile } from '../../src/adapters/profile-fs.js';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', undefined],
    ['914403001922038216', undefined],
    ['91350100M000100Y44', 'check'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100I43', 'alphabet'],
    ['91350100m000100Y43', 'alphabet'],
  ])('%s → %s', (code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
  });

  it('a check character of 31 − 0 wraps to 0', () => {
    expect(creditCheckChar('00000000000000000')).toBe('0');
  });
});

describe('validateProfile', () => {
  it.each([
    [{ credit_code: '91350100M000100Y44' }, 'credit-code-check'],
    [{ timezone: 'Asia/Shangai' }, 'bad-timezone'],
    [{ site: 'Shanghai 1' }, 'bad-site-code'],
    [{ parties: { cac: { contact: { email: 'li at example.cn' } } } }, 'bad-email'],
    [{ names: { ja: 'x', fr: 'y' } }, 'unknown-key'],
  ])('%j → %s', (raw, code) => {
    const r = validateProfile(raw);
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.code)).toContain(code);
  });

  it('an empty file (the commented skeleton) is a valid profile', () => {
    expect(validateProfile(null).ok).toBe(true);
  });

  it('names the fields a document needs and the profile lacks, in order', () => {
    const p = { names: { ja: '上海サンプル', zh: '' }, parties: { cac: { reporter: { name: '王芳' } } } };
    expect(missingFields(p, ['names.zh', 'credit_code', 'parties.cac.reporter.name', 'parties.cac.contact.phone']))
      .toEqual(['names.zh', 'credit_code', 'parties.cac.contact.phone']);
  });

  it('the shipped skeleton and the example profile are valid', () => {
    for (const f of ['templates/scaffold/irbook.yaml', 'test/fixtures/profile/irbook.yaml']) {
      expect(checkProfile(f).problems).toEqual([]);
    }
  });
});
