// `matches` on a linear-time engine. CEL's own `matches` uses JavaScript's backtracking RegExp, where
// `'aaa…!'.matches('^(a+)+$')` takes seconds per few characters; RE2 (re2js) answers in time linear
// in the text and refuses what it cannot do that way (back-references, look-around).
import type { RE2JS } from 're2js';
import { re2 } from './re2.js';

/** The name the expression's `matches` calls are bound to (cel-js will not let `matches` be replaced). */
export const LINEAR_MATCHES = 'linear_matches';

const compiled = new Map<string, RE2JS>();

function compile(pattern: string): RE2JS {
  let re = compiled.get(pattern);
  if (!re) {
    re = re2().compile(pattern);
    if (compiled.size > 256) compiled.clear();
    compiled.set(pattern, re);
  }
  return re;
}

/** CEL semantics: true when the pattern matches any part of the text. */
export const linearMatches = (text: string, pattern: string): boolean => compile(pattern).matcher(text).find();

/** Why a pattern cannot be used, or undefined when it can. */
export function patternProblem(pattern: string): string | undefined {
  try {
    compile(pattern);
    return undefined;
  } catch (e) {
    return `invalid regular expression '${pattern}': ${(e as Error).message.split('\n')[0] ?? ''}`;
  }
}
