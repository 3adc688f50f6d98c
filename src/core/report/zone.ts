// The one line a document states its time zone in: times are never repeated with it.
import type { Lang } from '../i18n/lang.js';
import { message } from '../i18n/messages.js';
import { zoneOffset } from '../time/format.js';

const NAMES: Record<string, Partial<Record<Lang, string>>> = {
  'Asia/Tokyo': { ja: '日本時間', zh: '东京时间', en: 'Japan time' },
  'Asia/Shanghai': { ja: '中国時間', zh: '北京时间', en: 'China time' },
  UTC: { ja: '協定世界時', zh: '协调世界时', en: 'Coordinated Universal Time' },
};

export function zoneLine(tz: string, lang: Lang, at: string): string {
  const offset = zoneOffset(at, tz);
  return message('zone-line', { name: NAMES[tz]?.[lang] ?? tz, tz, offset: `UTC${offset}` }, lang);
}
