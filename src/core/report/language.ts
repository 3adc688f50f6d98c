// Which language a free text is written in, and its mark when a document in another language
// quotes it untranslated (〔原文・日本語〕): a regulator must never read a Japanese note as if it
// were the company's Chinese statement.
import type { Lang } from '../i18n/lang.js';
import type { SessionEvent } from '../session/events.js';

const KANA = /[\u3040-\u30ff\u31f0-\u31ff]/;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;
const LATIN = /[A-Za-z]{2,}/;

/** ja when it has kana, zh when Han without kana, en when Latin words only; undefined for numbers and marks. */
export function detectLang(text: string): Lang | undefined {
  if (KANA.test(text)) return 'ja';
  if (HAN.test(text)) return 'zh';
  return LATIN.test(text) ? 'en' : undefined;
}

// Each mark names the source language in that language, so it reads the same in every document.
const MARK: Record<Lang, string> = { ja: '〔原文・日本語〕', zh: '〔原文・中文〕', en: '〔原文・English〕' };

export function markForeign(text: string, docLang: Lang): string {
  const l = detectLang(text);
  return l && l !== docLang && !text.startsWith('〔原文・') ? `${MARK[l]}${text}` : text;
}

/** Text with its marked passages removed: what must be in the document's language. */
export const withoutMarked = (text: string): string => text.replace(/〔原文・[^〕]+〕[^\n|]*/g, '');

/** The texts written for a report section, in order, each in `lang` where a translation was given. */
export function recordTexts(events: readonly SessionEvent[], section: unknown, lang: Lang): string[] {
  const written: { step: unknown; text: string }[] = [];
  for (const e of events) {
    if (e.type === 'record.written' && e.data.section === section) written.push({ step: e.data.step, text: String(e.data.text) });
    else if (e.type === 'record.translated' && e.data.lang === lang) {
      const r = written.findLast((w) => w.step === e.data.step);
      if (r) r.text = String(e.data.text);
    }
  }
  return written.map((w) => w.text);
}
