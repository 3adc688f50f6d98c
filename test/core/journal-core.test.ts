// The pure journal core: RFC 8785 canonical form (checked against the reference implementation,
// the `canonicalize` package), the heads line, the merged order and the cross-chain checks.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { checkChain, checkSeen, merge } from '../../src/core/journal/chain.js';
import { GENESIS, hashInput, shapeProblem, type JournalEvent } from '../../src/core/journal/event.js';
import { formatHeads, parseHead, parseHeads } from '../../src/core/journal/heads.js';
import { canonical } from '../../src/core/journal/jcs.js';

const sha = (t: string) => createHash('sha256').update(t).digest('hex');

describe('canonical is RFC 8785 (JCS)', () => {
  it.each<[string, unknown, string]>([
    ['sorts keys', { b: 1, a: 2 }, '{"a":2,"b":1}'],
    ['sorts nested keys, keeps array order', { z: [{ y: 1, x: 2 }, 3], a: { d: null, c: true } }, '{"a":{"c":true,"d":null},"z":[{"x":2,"y":1},3]}'],
    ['sorts by UTF-16 code unit (RFC 8785 §3.2.3), not code point', { '\u{1F600}': 1, '\uFF01': 2, a: 3 }, '{"a":3,"😀":1,"！":2}'],
    ['sorts upper before lower case', { b: 1, B: 2, _: 3 }, '{"B":2,"_":3,"b":1}'],
    ['keeps unicode text as is', { text: '漏えい 泄露 込 这' }, '{"text":"漏えい 泄露 込 这"}'],
    ['escapes what JSON escapes', { s: 'a"b\\c\n\u0001\u001f' }, '{"s":"a\\"b\\\\c\\n\\u0001\\u001f"}'],
    ['numbers as ECMAScript writes them', [1.5, -0, 1e21, 1e-7, 100, 0.1 + 0.2, 2 ** 53, 5e-324, 1.7976931348623157e308], '[1.5,0,1e+21,1e-7,100,0.30000000000000004,9007199254740992,5e-324,1.7976931348623157e+308]'],
    ['an empty object and array', { a: {}, b: [] }, '{"a":{},"b":[]}'],
    ['a null-prototype object', Object.assign(Object.create(null) as object, { b: 1, a: 1 }), '{"a":1,"b":1}'],
  ])('%s', (_name, value, expected) => {
    expect(canonical(value)).toBe(expected);
    expect(canonicalize(value)).toBe(expected);
  });

  it('agrees with the reference implementation on the values events hold', () => {
    const samples: unknown[] = [
      { step: 'scope', facts: { persons_affected: 1500, amount: 1_280_000.5, data_categories: ['personal', 'sensitive_personal'], malicious: false, aware_at: '2026-11-22T18:00:00+08:00' } },
      { text: '漏えいの経過 / 泄露经过 😀 \u2028 \t', n: [0, -1, 1e-10, 123456789012345680000, 1 / 3] },
      { 'é': 1, 'e\u0301': 2, 'Z': 3, '': 4, '\u0000': 5 },
    ];
    for (const v of samples) expect(canonical(v)).toBe(canonicalize(v));
  });

  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  it.each<[string, unknown]>([
    ['undefined', undefined], ['an undefined property', { a: undefined }], ['an undefined array element', [1, undefined]],
    ['a sparse array', [1, , 3]], ['NaN', { n: NaN }], ['Infinity', [Infinity]], ['a function', { f: () => 1 }],
    ['a bigint', { n: 1n }], ['a symbol', Symbol('x')], ['a Date', { d: new Date(0) }], ['a Map', new Map()], ['a cycle', cyclic],
    ['a lone surrogate (not I-JSON)', { s: '\uD800x' }], ['a lone surrogate in a key', { '\uDC00': 1 }],
  ])('rejects %s', (_name, value) => {
    expect(() => canonical(value)).toThrow(TypeError);
  });
});

describe('event shape', () => {
  const base = { seq: 1, at: '2026-11-23T02:14:09.512Z', tz: 'UTC', actor: 'zhang', type: 'note.added', data: { text: 'x' }, prev: GENESIS, hash: GENESIS };
  it.each<[string, unknown, string | undefined]>([
    ['a good event', base, undefined],
    ['seen with hashes', { ...base, seen: { 'li@tokyo': 'a'.repeat(64) } }, undefined],
    ['seen with a bad hash', { ...base, seen: { 'li@tokyo': 'x' } }, 'seen'],
    ['a known type without its field', { ...base, data: {} }, 'data.text'],
    ['a known type with a field of the wrong kind', { ...base, type: 'check.done', data: { step: 's', item: '1' } }, 'data.item'],
    ['an unknown type (kept: verify warns)', { ...base, type: 'future.thing', data: {} }, undefined],
    ['a time that is not one', { ...base, at: 'yesterday' }, 'at'],
    ['an extra field', { ...base, x: 1 }, 'unknown field(s): x'],
  ])('%s', (_name, v, problem) => {
    expect(shapeProblem(v)).toBe(problem);
  });
});

function chain(writer: string, specs: { at: string; seen?: Record<string, string> }[]): { writer: string; events: JournalEvent[] } {
  const events: JournalEvent[] = [];
  for (const [i, s] of specs.entries()) {
    const e: JournalEvent = { seq: i + 1, at: s.at, tz: 'UTC', actor: writer.split('@')[0]!, type: 'note.added', data: { text: `${writer} ${i}` }, ...(s.seen && { seen: s.seen }), prev: events.at(-1)?.hash ?? GENESIS, hash: '' };
    e.hash = sha(hashInput(e));
    events.push(e);
  }
  return { writer, events };
}

describe('chains', () => {
  const a = chain('a@sh', [{ at: '2026-11-23T01:00:00Z' }, { at: '2026-11-23T01:00:02Z' }, { at: '2026-11-23T01:00:04Z' }]);
  const b = chain('b@tokyo', [{ at: '2026-11-23T01:00:01Z', seen: { 'a@sh': a.events[0]!.hash } }, { at: '2026-11-23T10:00:02+09:00', seen: { 'a@sh': a.events[2]!.hash } }]);

  it('merges by instant, then writer, then seq (zones do not matter)', () => {
    expect(merge([b, a]).map((e) => `${e.actor}${e.seq}`)).toEqual(['a1', 'b1', 'a2', 'b2', 'a3']);
  });

  it('accepts intact chains and references', () => {
    expect(checkChain(a, sha)).toBeUndefined();
    expect(checkSeen([a, b])).toBeUndefined();
  });

  it.each<[string, () => { writer: string; events: JournalEvent[] }[], { writer: string; line: number; reason: string }]>([
    ['a cut tail of another chain', () => [{ ...a, events: a.events.slice(0, 2) }, b], { writer: 'b@tokyo', line: 2, reason: 'verify-seen-missing' }],
    ['a removed chain', () => [b], { writer: 'b@tokyo', line: 1, reason: 'verify-seen-missing' }],
    ['a recomputed chain', () => [chain('a@sh', [{ at: '2026-11-23T01:00:00Z' }, { at: '2026-11-23T01:00:02Z' }, { at: '2026-11-23T01:00:05Z' }]), b], { writer: 'b@tokyo', line: 2, reason: 'verify-seen-missing' }],
    ['a reference that goes back', () => [a, chain('b@tokyo', [{ at: '2026-11-23T01:00:01Z', seen: { 'a@sh': a.events[2]!.hash } }, { at: '2026-11-23T01:00:03Z', seen: { 'a@sh': a.events[0]!.hash } }])], { writer: 'b@tokyo', line: 2, reason: 'verify-seen-backwards' }],
  ])('catches %s', (_name, chains, bad) => {
    expect(checkSeen(chains())).toMatchObject(bad);
  });
});

describe('heads', () => {
  const h1 = { writer: 'zhang@sh-01', seq: 42, hash: 'a'.repeat(64) };
  const h2 = { writer: 'li.wei@tokyo', seq: 7, hash: 'b'.repeat(64) };
  it('formats one line, writers sorted, and reads it back from anywhere in a text', () => {
    const line = formatHeads('INC-20261123-001', [h1, h2]);
    expect(line).toBe(`irbook-heads INC-20261123-001 li.wei@tokyo:7:${'b'.repeat(64)} zhang@sh-01:42:${'a'.repeat(64)}`);
    expect(parseHeads(`# Report\n\n\`${line}\`\n`)).toEqual([{ incident: 'INC-20261123-001', heads: [h2, h1] }]);
    expect(parseHeads(`/Keywords (${line})`)[0]?.heads).toEqual([h2, h1]);
  });
  it.each(['zhang@sh:0:' + 'a'.repeat(64), 'zhang@sh:1:' + 'A'.repeat(64), 'zhang:1:abc', 'a b:1:' + 'a'.repeat(64)])('refuses %s', (t) => {
    expect(parseHead(t)).toBeUndefined();
  });
});
