import { describe, expect, it } from 'vitest';
import { check, evaluate, makeScope, toCel } from '../../src/core/expr/cel.js';

const scope = makeScope(
  { persons_affected: 'int', data_categories: 'list<string>', malicious: 'bool', grade: 'string', aware_at: 'google.protobuf.Timestamp' },
  { hq_report_persons: 1, ratio: 0.5, strict: true },
);

describe('check', () => {
  it.each([
    ['persons_affected >= policy.hq_report_persons', 'bool'],
    ["'personal' in data_categories || malicious", 'bool'],
    ["malicious ? 'major' : 'general'", 'string'],
    ['policy.ratio > 0.1', 'bool'],
    ["aware_at < timestamp('2026-01-01T00:00:00Z')", 'bool'],
  ])('%s has type %s', (src, type) => {
    const r = check(scope, src);
    expect(r.ok && r.type).toBe(type);
  });

  it.each([
    ['persons_affected >', true, 18],
    ["persons_affected > 'x'", false, 0],
    ['policy.nope', false, 7],
    ['malicious.constructor', false, 10],
  ])('%s fails (syntax=%s) at %i', (src, syntax, pos) => {
    const r = check(scope, src);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.syntax).toBe(syntax);
      expect(r.pos).toBe(pos);
    }
  });

  it('lists the names an expression reads, with positions', () => {
    const r = check(scope, 'malicious || persons_affected > 3');
    expect(r.ok && r.reads).toEqual([{ name: 'malicious', pos: 0 }, { name: 'persons_affected', pos: 13 }]);
  });

  it('collects the literal results of a conditional', () => {
    const r = check(scope, "malicious ? 'a' : persons_affected > 1 ? 'b' : 'c'");
    expect(r.ok && r.literal?.map((l) => l.name)).toEqual(['a', 'b', 'c']);
  });

  it('refuses expressions beyond the size limits', () => {
    expect(check(scope, Array(3000).fill('malicious').join(' || ')).ok).toBe(false);
  });
});

describe('evaluate', () => {
  const types = { persons_affected: 'int', aware_at: 'google.protobuf.Timestamp' } as const;
  it('converts integers and datetimes at the boundary', () => {
    const ctx = toCel({ persons_affected: 1500, aware_at: '2026-11-22T18:00:00+08:00' }, types);
    expect(evaluate(scope, "persons_affected > 1000 && aware_at < timestamp('2026-11-23T00:00:00Z')", ctx)).toEqual({ ok: true, value: true });
  });
  it('reports a name not yet known as missing instead of throwing', () => {
    const r = evaluate(scope, 'malicious || persons_affected > 10', toCel({ persons_affected: 5 }, types));
    // CEL's || absorbs an error when the other side is true, so this one is decided without `malicious`.
    expect(evaluate(scope, 'malicious || persons_affected > 3', toCel({ persons_affected: 5 }, types))).toEqual({ ok: true, value: true });
    expect(r).toMatchObject({ ok: false, missing: 'malicious' });
  });
});
