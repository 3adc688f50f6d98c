import { describe, expect, it } from 'vitest';
import { parseBoolean, parseDatetime, parseFact } from '../../src/core/session/input.js';
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
});
