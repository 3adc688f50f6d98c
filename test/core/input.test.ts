import { describe, expect, it } from 'vitest';
import { beforeAware, parseBoolean, parseDatetime, parseFact } from '../../src/core/session/input.js';
import type { Fact } from '../../src/core/playbook/schema.js';

const clock = { now: new Date('2026-11-23T02:00:00Z'), tz: 'Asia/Shanghai' };
const f = (type: Fact['type'], extra: Partial<Fact> = {}): Fact => ({ type, prompt: 'x', ...extra });

describe('parseFact', () => {
  it.each([
    [f('boolean'), 'y', true], [f('boolean'), 'はい', true], [f('boolean'), '否', false], [f('boolean'), false, false],
    [f('integer', { min: 0 }), '1,500', 1500], [f('integer'), 42, 42], [f('number'), '1.5', 1.5],
    [f('text'), '  cause  ', 'cause'],
    [f('choice', { options: ['wechat', { id: 'line', label: 'LINE' }] }), 'line', 'line'],
    [f('multi', { options: ['personal', 'general'] }), 'personal, general, personal', ['personal', 'general']],
    [f('multi', { options: ['personal', 'general'] }), ['general'], ['general']],
    [f('datetime'), '2026-11-22 18:00', '2026-11-22T18:00:00.000+08:00'],
    [f('datetime'), '2026-11-22T18:00:00+09:00', '2026-11-22T18:00:00.000+09:00'],
    [f('datetime'), 'now', '2026-11-23T10:00:00.000+08:00'],
    [f('integer'), '約2,500人', 2500], [f('integer'), '128万', 1_280_000], [f('integer'), '1.2億', 120_000_000],
    [f('integer'), '３０００', 3000], [f('number'), '0.5', 0.5], [f('datetime'), '2000-01-01T00:00:00Z', '2000-01-01T00:00:00.000Z'],
  ])('%o accepts %o as %o', (fact, raw, value) => {
    expect(parseFact(fact, raw, clock)).toEqual({ ok: true, value });
  });

  it.each([
    [f('boolean'), 'maybe', 'input-boolean'],
    [f('integer', { min: 0 }), '-1', 'input-min'], [f('integer', { max: 10 }), '11', 'input-max'],
    [f('integer'), '1.5', 'input-integer'], [f('integer'), 'abc', 'input-integer'], [f('integer'), '', 'input-empty'],
    [f('integer'), '99999999999999999999', 'input-integer'],
    [f('number'), 'x', 'input-number'], [f('text'), '   ', 'input-empty'],
    [f('choice', { options: ['wechat'] }), 'qq', 'input-choice'],
    [f('multi', { options: ['personal'] }), 'personal, secret', 'input-choice'],
    [f('datetime'), 'yesterday', 'input-datetime'], [f('datetime'), '2026-11-24 09:00', 'input-future'],
    [f('integer'), [1, 2], 'input-not-scalar'], [f('integer'), { x: 1 }, 'input-not-scalar'], [f('integer'), true, 'input-integer'],
    [f('integer'), '1,5', 'input-number-ambiguous'], [f('integer'), '1.23456万', 'input-integer'],
    [f('text'), ['a', 'b'], 'input-not-scalar'], [f('text'), { x: 1 }, 'input-not-scalar'], [f('text'), 'x'.repeat(4097), 'input-too-long'],
    [f('choice', { options: ['wechat'] }), ['wechat'], 'input-not-scalar'],
    [f('multi', { options: ['personal'] }), [['personal']], 'input-not-scalar'], [f('multi', { options: ['personal'] }), { personal: 1 }, 'input-not-scalar'],
    [f('boolean'), ['yes'], 'input-not-scalar'],
    [f('datetime'), '1900-01-01 00:00', 'input-too-early'], [f('datetime'), '0001-01-01T00:00:00Z', 'input-too-early'],
    [f('datetime'), '1999-12-31T23:59:59Z', 'input-too-early'], [f('datetime'), '+275760-09-13', 'input-datetime'],
    [f('datetime'), ['2026-11-22'], 'input-not-scalar'],
  ])('%o refuses %o with %s', (fact, raw, code) => {
    const r = parseFact(fact, raw, clock);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe(code);
  });

  it('reads yes and no in the three languages', () => {
    for (const s of ['yes', 'Y', 'はい', '是']) expect(parseBoolean(s)).toEqual({ ok: true, value: true });
    for (const s of ['no', 'N', 'いいえ', '否']) expect(parseBoolean(s)).toEqual({ ok: true, value: false });
  });

  it('keeps a claimed offset and allows a minute of clock skew', () => {
    expect(parseDatetime('2026-11-23T10:00:30+08:00', clock)).toMatchObject({ ok: true });
    expect(parseDatetime('2026-11-23T10:02:00+08:00', clock)).toMatchObject({ ok: false, code: 'input-future' });
  });

  it.each([
    ['2026-11-22T09:00:00+08:00', '2026-11-22T10:00:00+08:00', true],
    ['2026-11-22T10:00:00+08:00', '2026-11-22T10:00:00+08:00', false],
    ['2026-11-22T10:30:00+09:00', '2026-11-22T10:00:00+08:00', true],
    ['2026-11-22T11:00:00+08:00', undefined, false],
  ])('a notice at %s is before aware_at %s: %s', (at, aware, before) => {
    expect(beforeAware(at, aware)).toBe(before);
  });
});
