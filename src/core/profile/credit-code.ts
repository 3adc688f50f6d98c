// 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character
// alphabet (no I, O, Z, S, V); the 18th is a check character over the first 17.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character the first 17 characters call for, or undefined if one is not in the alphabet. */
export function creditCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i] ?? '');
    if (v < 0) return undefined;
    sum += v * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export type CreditCodeProblem = 'length' | 'alphabet' | 'check';

/** Why a code is not a valid 统一社会信用代码, or undefined when it is. */
export function creditCodeProblem(code: string): CreditCodeProblem | undefined {
  if (code.length !== 18) return 'length';
  if (![...code].every((ch) => ALPHABET.includes(ch))) return 'alphabet';
  return creditCheckChar(code.slice(0, 17)) === code[17] ? undefined : 'check';
}
