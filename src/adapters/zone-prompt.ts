// Asked once when a session starts on a machine set to UTC and no zone was given: the times a
// responder types ("18:00") are read in this zone, and every deadline is shown in it.
import { input, select } from '@inquirer/prompts';
import type { Lang } from '../core/i18n/lang.js';
import { message } from '../core/i18n/messages.js';
import { isZone } from '../core/time/format.js';

const COMMON = ['Asia/Shanghai', 'Asia/Tokyo', 'Asia/Hong_Kong', 'UTC'];

export async function askZone(lang: Lang): Promise<string> {
  const t = (code: string, p: Record<string, string | number> = {}) => message(code, p, lang);
  const OTHER = '\u0000other';
  const zone = await select({ message: t('zone-ask'), choices: [...COMMON.map((z) => ({ value: z, name: z })), { value: OTHER, name: t('zone-other') }] });
  if (zone !== OTHER) return zone;
  return (await input({ message: t('zone-name'), validate: (v) => (isZone(v.trim()) ? true : t('bad-tz', { tz: v })) })).trim();
}
