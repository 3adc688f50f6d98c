// A notify step's draft: written in the recipient's language (CAC, police and Chinese customers in
// Chinese; PPC and HQ in Japanese) whatever the responder's UI language, with a one-line gloss in
// the UI language for the walk. Free text the responder typed in another language is marked.
import { pick, type Lang } from '../i18n/lang.js';
import type { Playbook } from '../playbook/schema.js';
import type { SessionEvent } from '../session/events.js';
import type { State } from '../session/state.js';
import { orgData, renderText, textData } from './build.js';
import type { Profile } from '../profile/schema.js';
import { markForeign } from './language.js';
import type { Draft } from './template.js';

export interface RenderedDraft { lang: Lang; title: string; text: string; gloss: string; untranslated: string[] }

/** `profile` fills {{ org.name }} (the walk passes it once it loads irbook.yaml). */
export function renderDraft(draft: Draft, pb: Playbook, s: State, events: readonly SessionEvent[], uiLang: Lang, tz: string, profile?: Profile): RenderedDraft {
  const lang = draft.language ?? uiLang;
  const data: Record<string, unknown> = { ...textData(pb, s, lang, tz, 'full', events), org: orgData(profile, lang) };
  // Typed text (records) is quoted as written; a passage in another language is marked, and listed
  // so the walk can ask for its translation (the seam for the `translate` open item).
  const untranslated: string[] = [];
  const records = data.records as Record<string, string>;
  for (const [k, v] of Object.entries(records)) {
    const marked = markForeign(v, lang);
    if (marked !== v) untranslated.push(k);
    records[k] = marked;
  }
  const title = renderText(pick(draft.title, lang), data).trim();
  const text = `${title}\n\n${renderText(pick(draft.body, lang), data).trim()}\n`;
  const gloss = draft.gloss ? pick(draft.gloss, uiLang) : renderText(pick(draft.title, uiLang), textData(pb, s, uiLang, tz, 'full', events)).trim();
  return { lang, title, text, gloss, untranslated };
}
