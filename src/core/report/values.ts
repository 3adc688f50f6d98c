// Facts as a reader sees them: labels instead of ids, yes/no in the language, times in the zone.
import { pick, type Lang } from '../i18n/lang.js';
import { message } from '../i18n/messages.js';
import { optionId } from '../playbook/constants.js';
import type { Fact, Playbook } from '../playbook/schema.js';
import { formatTime } from '../time/format.js';

const SEP: Record<Lang, string> = { ja: '、', zh: '、', en: ', ' };

export function display(value: unknown, fact: Fact | undefined, lang: Lang, tz: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return message(value ? 'answer-yes' : 'answer-no', {}, lang);
  if (Array.isArray(value)) return value.map((v) => display(v, fact, lang, tz)).join(SEP[lang]);
  if (typeof value === 'number') return value.toLocaleString('en-US');
  const s = String(value);
  if (fact?.type === 'datetime') return formatTime(s, tz);
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
