import { describe, expect, it } from 'vitest';
import { distance, nearest } from '../../src/core/text/nearest.js';

describe('nearest', () => {
  it.each([
    ['chat-leek', ['chat-leak', 'lost-device'], 'chat-leak'],
    ['acount-takeover', ['account-takeover', 'chat-leak'], 'account-takeover'],
    ['hq', ['hq', 'ppc'], 'hq'],
    ['hqq', ['hq', 'ppc'], 'hq'],
    ['lost', ['lost-device', 'chat-leak'], 'lost-device'],
    ['zzzzzz', ['hq', 'ppc'], undefined],
    ['x', [], undefined],
  ] as const)('%s among %j → %s', (typed, known, want) => {
    expect(nearest(typed, known)).toBe(want);
  });

  it.each([['abc', 'abc', 0], ['abc', 'acb', 1], ['', 'ab', 2], ['kitten', 'sitting', 3]] as const)('distance(%s, %s) = %d', (a, b, n) => {
    expect(distance(a, b)).toBe(n);
  });
});
