// Facts as a reader sees them: labels instead of ids, yes/no in the language, numbers with their
// unit, times in the zone (without it where the document states its zone once).
import { pick, type Lang } from '../i18n/lang.js';
import { message } from '../i18n/messages.js';
import { optionId } from '../playbook/constants.js';
import type { Fact, Playbook } from '../playbook/schema.js';
import { formatTime } from '../time/format.js';
import { formatNumber, unitOf } from './numbers.js';

const SEP: Record<Lang, string> = { ja: '、', zh: '、', en: ', ' };

export interface DisplayOptions { name?: string; zone?: 'full' | 'none' }

export function display(value: unknown, fact: Fact | undefined, lang: Lang, tz: string, o: DisplayOptions = {}): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return message(value ? 'answer-yes' : 'answer-no', {}, lang);
  if (Array.isArray(value)) return value.map((v) => display(v, fact, lang, tz, o)).join(SEP[lang]);
  if (typeof value === 'number') return formatNumber(value, o.name ? unitOf(o.name) : undefined, lang);
  const s = String(value);
  if (fact?.type === 'datetime') return formatTime(s, tz, o.zone ?? 'full');
  const opt = fact?.options?.find((o) => optionId(o) === s);
  return opt && typeof opt !== 'string' ? pick(opt.label, lang) : s;
}

/** A decision's answer: yes/no, or the option's label. */
export function displayAnswer(pb: Playbook, step: string, v: unknown, lang: Lang): string {
  const d = pb.stages.flatMap((s) => s.steps).find((x) => x.id === step)?.decide;
  const fact: Fact | undefined = d?.options ? { type: 'choice', prompt: '', options: d.options } : undefined;
  return display(v, fact, lang, 'UTC');
}

export const joiner = (lang: Lang) => SEP[lang];
