// Which languages a `record` text must exist in: those of the documents that quote its section and
// go to a party the playbook notifies. The walk asks for each missing one (or "later": a `translate`
// open item); reports then quote the translation instead of marking the original 〔原文・…〕.
import type { Lang } from '../i18n/lang.js';
import type { Playbook } from '../playbook/schema.js';
import { detectLang } from '../report/language.js';
import type { State } from './state.js';

// An explicit map rather than the templates themselves: the walk is pure and has no templates, and
// a record asked for in a language no document reads would be a burden with no reader. It follows
// the shipped templates and drafts (test/core/translate.test.ts fails when they drift apart).
export const RECIPIENT_DOCUMENTS: Record<string, { lang: Lang; sections: readonly string[] }> = {
  hq: { lang: 'ja', sections: ['summary', 'scope', 'cause', 'impact', 'secondary_damage', 'customer_response', 'public_response', 'prevention', 'other'] },
  ppc: { lang: 'ja', sections: ['summary', 'cause', 'secondary_damage', 'customer_response', 'public_response', 'prevention', 'other'] },
  cac: { lang: 'zh', sections: ['cause', 'impact', 'secondary_damage', 'prevention', 'other'] },
  individuals: { lang: 'zh', sections: ['summary', 'cause', 'secondary_damage', 'prevention'] },
};

/** The languages documents for the playbook's notified parties need `section` in. */
export function neededLangs(pb: Playbook, section: string | undefined): Lang[] {
  if (!section) return [];
  const parties = new Set(pb.stages.flatMap((st) => st.steps).map((x) => x.notify?.party).filter((p): p is string => p !== undefined));
  const langs = Object.entries(RECIPIENT_DOCUMENTS).filter(([p, d]) => parties.has(p) && d.sections.includes(section)).map(([, d]) => d.lang);
  return [...new Set(langs)].sort();
}

/** Languages a step's record still lacks: needed, not the language it was written in, not translated. */
export function missingLangs(pb: Playbook, s: State, step: string): Lang[] {
  const r = s.records.get(step);
  if (!r) return [];
  const written = detectLang(r.text);
  if (!written) return [];
  return neededLangs(pb, r.section).filter((l) => l !== written && r.translations[l] === undefined);
}
