// Numbers as each reader writes them: grouped, with their unit (2,500人 · 1,280,000元 · 128万元 ·
// CNY 1,280,000 · 2,500 persons). The unit comes from the fact's name, the one convention the
// playbooks share (persons_*, *_cny, *_jpy).
import type { Lang } from '../i18n/lang.js';

export type Unit = 'persons' | 'cny' | 'jpy';

export function unitOf(fact: string): Unit | undefined {
  if (/^persons(_|$)|_persons$/.test(fact)) return 'persons';
  if (/_cny$/.test(fact)) return 'cny';
  if (/_jpy$/.test(fact)) return 'jpy';
  return undefined;
}

const group = (n: number) => n.toLocaleString('en-US');

/** Chinese amounts of whole 万 read as 万 (128万元); others are grouped (1,280,500元). */
function zhMoney(n: number, unit: string): string {
  if (Number.isInteger(n) && Math.abs(n) >= 100_000_000 && n % 10_000_000 === 0) return `${n / 100_000_000}亿${unit}`;
  if (Number.isInteger(n) && Math.abs(n) >= 10_000 && n % 10_000 === 0) return `${group(n / 10_000)}万${unit}`;
  return `${group(n)}${unit}`;
}

export function formatNumber(n: number, unit: Unit | undefined, lang: Lang): string {
  switch (unit) {
    case 'persons': return lang === 'en' ? `${group(n)} ${n === 1 ? 'person' : 'persons'}` : `${group(n)}人`;
    case 'cny': return lang === 'zh' ? zhMoney(n, '元') : lang === 'ja' ? `${group(n)}元（人民元）` : `CNY ${group(n)}`;
    case 'jpy': return lang === 'en' ? `JPY ${group(n)}` : lang === 'zh' ? zhMoney(n, '日元') : `${group(n)}円`;
    default: return group(n);
  }
}
