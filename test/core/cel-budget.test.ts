// Expressions are bounded: nested macros over long lists are refused before they run, `matches` runs
// on a linear-time engine, and values larger than the bounds the cost was worked out for are refused.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { INPUT_BOUNDS } from '../../src/core/expr/budget.js';
import { check, evaluate, makeScope, toCel } from '../../src/core/expr/cel.js';

const types = { cats: 'list<string>', note: 'string', n: 'int', flag: 'bool' } as const;
const scope = makeScope({ ...types }, { limit: 3 });
const list = (n: number) => `[${Array.from({ length: n }, (_, i) => i).join(',')}]`;
const nested = (depth: number, n: number): string => {
  const vars = 'abcdefgh'.slice(0, depth).split('');
  return vars.reduceRight((body, v) => `${list(n)}.exists(${v}, ${body})`, `${vars.join(' + ')} == ${depth * (n - 1) - 3}`);
};
const BIG = {
  cats: Array.from({ length: INPUT_BOUNDS.list }, (_, i) => `c${i}`.padEnd(64, 'x')),
  note: 'a,'.repeat(INPUT_BOUNDS.text / 2).slice(0, INPUT_BOUNDS.text),
  n: 5,
  flag: false,
};
const ms = (f: () => unknown) => { const t = performance.now(); f(); return performance.now() - t; };

describe('the cost budget at validate time', () => {
  it.each([
    ['4-level exists over 100 items', nested(4, 100)],
    ['5-level exists over 60 items', nested(5, 60)],
    ['3-level exists over a multi fact', 'cats.exists(a, cats.exists(b, cats.exists(c, a == b && b == c)))'],
    ['a text split inside a text split', "note.split(',').exists(a, note.split(',').exists(b, a == b))"],
    ['a long scan per item', "note.split(',').exists(a, note.contains(a))"],
  ])('refuses %s, at the costly macro, in well under a second', (_, src) => {
    let r: ReturnType<typeof check> | undefined;
    expect(ms(() => { r = check(scope, src); })).toBeLessThan(200);
    expect(r?.ok).toBe(false);
    if (r && !r.ok) {
      expect(r.message).toMatch(/^too costly: up to .* evaluation steps/);
      expect(src.slice(r.pos)).toMatch(/^\[|^cats|^note/);
    }
  });

  it.each([
    ['in', "'personal' in cats || flag"],
    ['exists', "cats.exists(c, c.startsWith('p'))"],
    ['exists in exists', 'cats.exists(a, cats.exists(b, a == b))'],
    ['exists over a split', "note.split(',').exists(a, a == 'x')"],
    ['matches', "note.matches('^(a+)+$')"],
    ['2-level exists over 40 items', nested(2, 40)],
  ])('accepts %s and evaluates it on the largest allowed input within a few ms', (_, src) => {
    expect(check(scope, src).ok).toBe(true);
    const ctx = { ...toCel(BIG, { ...types }), policy: { limit: 3n } };
    evaluate(scope, src, ctx); // the first run compiles
    const times = Array.from({ length: 5 }, () => ms(() => expect(evaluate(scope, src, ctx).ok).toBe(true)));
    expect(Math.min(...times)).toBeLessThan(5);
  });
});

describe('matches', () => {
  it('answers a catastrophic-backtracking pattern in linear time', () => {
    for (const n of [30, 4000]) {
      const src = `'${'a'.repeat(n)}!'.matches('^(a+)+$')`;
      expect(check(scope, src).ok).toBe(true);
      let r: unknown;
      expect(ms(() => { r = evaluate(scope, src, {}); })).toBeLessThan(50);
      expect(r).toEqual({ ok: true, value: false });
    }
    expect(evaluate(scope, "'xaay'.matches('a+')", {})).toEqual({ ok: true, value: true });
  });

  it.each([["note.matches('^(?=a)')"], ["note.matches('(a')"]])('refuses a pattern the linear engine cannot run: %s', (src) => {
    const r = check(scope, src);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^invalid regular expression/);
  });

  it('a bad pattern read from a fact fails as an error value, not a throw', () => {
    const r = evaluate(scope, "'x'.matches(note)", toCel({ note: '(a' }, { ...types }));
    expect(r.ok).toBe(false);
  });
});

describe('the runtime cap', () => {
  it.each([
    ['a text over the bound', { note: 'x'.repeat(INPUT_BOUNDS.text + 1) }, /note is too large.*4097 characters/],
    ['a list over the bound', { cats: Array.from({ length: INPUT_BOUNDS.list + 1 }, String) }, /cats is too large.*65 items/],
  ])('refuses %s', (_, facts, message) => {
    const r = evaluate(scope, "size(note) > 0 || size(cats) > 0", toCel(facts, { ...types }));
    expect(evaluate(scope, "n > 1", toCel({ ...facts, n: 2 }, { ...types }))).toEqual({ ok: true, value: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('refuses a too-costly expression at evaluation too (a journal made with an older playbook)', () => {
    const r = evaluate(scope, nested(4, 100), {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^too costly/);
  });
});
