// Renders a message by its code in a UI language: `{name}` is replaced by a parameter, and
// `{n, plural, …}` picks the form for n. The texts are in catalog.ts (its *-messages.ts parts).
import { isLang, type Lang } from './lang.js';
import { table } from './table.js';

export type Catalog = Record<string, Record<Lang, string>>;

const PLURAL = /\{(\w+), plural, ((?:[\w=]+ \{[^{}]*\}\s*)+)\}/g;
const rules = new Map<Lang, Intl.PluralRules>();

/** `{n, plural, one {# file} other {# files}}`: the form Intl.PluralRules picks for n, with # as n. */
function plurals(tpl: string, params: Record<string, string | number>, lang: Lang): string {
  return tpl.replace(PLURAL, (whole, k: string, forms: string) => {
    const n = Number(params[k]);
    if (!(k in params) || Number.isNaN(n)) return whole;
    const rule = rules.get(lang) ?? new Intl.PluralRules(lang);
    rules.set(lang, rule);
    const options = new Map([...forms.matchAll(/([\w=]+) \{([^{}]*)\}/g)].map((m) => [m[1], m[2] ?? '']));
    const form = options.get(`=${n}`) ?? options.get(rule.select(n)) ?? options.get('other') ?? '';
    return form.replace(/#/g, String(params[k]));
  });
}

/** A code's text in one language, or undefined (an own key only: "constructor" is no message). */
function text(code: string, lang: Lang): string | undefined {
  const t = isLang(lang) ? table(lang) : undefined;
  return t && Object.hasOwn(t, code) ? t[code] : undefined;
}

export function message(code: string, params: Record<string, string | number>, lang: Lang): string {
  const tpl = plurals(text(code, lang) ?? text(code, 'en') ?? code, params, lang);
  return tpl.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}
