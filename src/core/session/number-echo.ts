// A number as it was understood, said back to the responder: grouped, with its unit, and in
// Japanese and Chinese also in 万/億 (亿), the way such numbers are spoken there — so 128万 typed
// reads back as 1,280,000人（128万人）and a digit too many shows at once.
import type { Lang } from '../i18n/lang.js';
import { formatNumber, unitOf, type Unit } from '../report/numbers.js';

// In the echo both readings carry the same short unit: 元 alone is the yuan in both languages.
const WORD: Record<'ja' | 'zh', Record<Unit, string>> = {
  ja: { persons: '人', cny: '元', jpy: '円' },
  zh: { persons: '人', cny: '元', jpy: '日元' },
};
const BIG: Record<'ja' | 'zh', [string, string]> = { ja: ['万', '億'], zh: ['万', '亿'] };

/** `n` in 万 or 億 (a whole number of 億 reads as 億, otherwise 万), or nothing below 10,000 or for fractions. */
export function tenThousands(n: number, lang: 'ja' | 'zh'): string | undefined {
  if (!Number.isSafeInteger(n) || Math.abs(n) < 10_000) return undefined;
  const [man, oku] = BIG[lang];
  // Integer arithmetic on the digits, not n / 1e4, so 12,345 is 1.2345万 and never 1.2344999万.
  const split = (exp: number) => {
    const s = Math.abs(n).toString().padStart(exp + 1, '0');
    const int = s.slice(0, -exp);
    const frac = s.slice(-exp).replace(/0+$/, '');
    return `${n < 0 ? '-' : ''}${formatNumber(Number(int), undefined, lang)}${frac ? `.${frac}` : ''}`;
  };
  if (Math.abs(n) >= 100_000_000 && n % 10_000 === 0) return `${split(8)}${oku}`;
  return `${split(4)}${man}`;
}

/** The echo of a typed number for fact `name`: `1,280,000元（128万元）`, `2,500人`, `2,500 persons`. */
export function echoNumber(n: number, name: string, lang: Lang): string {
  const unit = unitOf(name);
  if (lang === 'en') return formatNumber(n, unit, lang);
  const word = unit ? WORD[lang][unit] : '';
  const big = tenThousands(n, lang);
  return `${formatNumber(n, undefined, lang)}${word}${big ? `（${big}${word}）` : ''}`;
}
