// One language's messages, code → text, made once per process from the catalog. The bundle
// (scripts/bundle.js) puts a reader of the JSON tables it writes in place of this module, so a
// process parses the one language it shows instead of compiling every language's table.
import { CATALOG } from './catalog.js';
import type { Lang } from './lang.js';

const tables = new Map<Lang, Readonly<Record<string, string>>>();

export function table(lang: Lang): Readonly<Record<string, string>> {
  let t = tables.get(lang);
  if (!t) {
    t = Object.fromEntries(Object.entries(CATALOG).map(([code, texts]) => [code, texts[lang]]));
    tables.set(lang, t);
  }
  return t;
}
