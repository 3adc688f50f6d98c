// The per-event work on every read and append: the shape check (character codes, no regex) and
// the hash input an append builds from the data it has already encoded, which must be exactly
// the RFC 8785 text of the event the reader hashes.
import { describe, expect, it } from 'vitest';
import { hashInput, serialize, shapeProblem, type JournalEvent } from '../../src/core/journal/event.js';
import { canonical } from '../../src/core/journal/jcs.js';

const H = 'a'.repeat(64);
const base: JournalEvent = { seq: 3, at: '2026-11-23T02:00:00.000Z', tz: 'Asia/Shanghai', actor: 'zhang', type: 'note.added', data: { text: '记录' }, prev: H, hash: 'b'.repeat(64) };

describe('shapeProblem', () => {
  const cases: [string, unknown, string | undefined][] = [
    ['a well-formed event', base, undefined],
    ['with seen', { ...base, seen: { 'li@tokyo': H } }, undefined],
    ['an unknown field', { ...base, extra: 1, more: 2 }, 'unknown field(s): extra, more'],
    ['upper-case hex in prev', { ...base, prev: 'A'.repeat(64) }, 'prev'],
    ['a short hash', { ...base, hash: 'b'.repeat(63) }, 'hash'],
    ['a hash with a non-hex letter', { ...base, hash: `${'b'.repeat(63)}g` }, 'hash'],
    ['a number as hash', { ...base, hash: 7 }, 'hash'],
    ['a bad seen head', { ...base, seen: { 'li@tokyo': 'x' } }, 'seen'],
    ['seen not an object', { ...base, seen: [H] }, 'seen'],
    ['a known type without its data', { ...base, type: 'fact.recorded', data: { step: 's' } }, 'data.fact'],
    ['a type named like an Object.prototype member', { ...base, type: 'constructor' }, undefined],
    ['seq 0', { ...base, seq: 0 }, 'seq'],
  ];
  it.each(cases)('%s', (_name, v, want) => expect(shapeProblem(v)).toBe(want));
});

describe('hashInput with the data already encoded', () => {
  const cases: [string, JournalEvent][] = [
    ['plain', base],
    ['with seen, keys out of order', { ...base, seen: { 'zz@b': H, 'aa@a': 'c'.repeat(64) } }],
    ['nested data, unicode keys and numbers', { ...base, type: 'fact.recorded', data: { value: [1.5, 1e21, -0, { é: 'x', a: null }], fact: 'n', step: 's', 'ß': true } }],
    ['strings that need escaping', { ...base, actor: 'a"b\\c', tz: 'UTC', data: { text: 'line\nbreak\u2028' } }],
  ];
  it.each(cases)('%s: the same text as the generic encoder', (_name, e) => {
    expect(hashInput(e, canonical(e.data))).toBe(hashInput(e));
    expect(JSON.parse(serialize(e, canonical(e.data)))).toEqual(JSON.parse(serialize(e)));
  });
});
