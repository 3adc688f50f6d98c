export const LANGS = ['ja', 'zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Text a person reads: a plain string, or the same text in several languages. */
export type Text = string | Partial<Record<Lang, string>>;

// Which language to try next when the wanted one is missing: a Chinese reader is better served by
// Japanese kanji than by English, a Japanese reader by English before Chinese forms.
const FALLBACK: Record<Lang, readonly Lang[]> = {
  ja: ['ja', 'en', 'zh'],
  zh: ['zh', 'en', 'ja'],
  en: ['en', 'ja', 'zh'],
};

export function pick(text: Text | undefined, lang: Lang): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  for (const l of FALLBACK[lang]) {
    const s = text[l];
    if (s !== undefined) return s;
  }
  return '';
}

export function isLang(s: string): s is Lang {
  return (LANGS as readonly string[]).includes(s);
}

/** The UI language from a locale string such as `ja_JP.UTF-8` or `zh-CN`; English otherwise. */
export function langFromLocale(locale: string | undefined): Lang {
  const l = (locale ?? '').toLowerCase();
  if (l.startsWith('ja')) return 'ja';
  if (l.startsWith('zh')) return 'zh';
  return 'en';
}
