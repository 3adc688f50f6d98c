// Every text a person reads should exist in each of the playbook's languages.
import type { Lang } from '../i18n/lang.js';
import { warn, type DocPath, type Issue } from './issues.js';

const TEXT_KEYS = new Set(['title', 'summary', 'prompt', 'help', 'label', 'question', 'rationale', 'note', 'check', 'body']);

function missing(v: unknown, langs: readonly Lang[]): Lang[] | undefined {
  if (typeof v === 'string') return [...langs];
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return langs.filter((l) => typeof (v as Record<string, unknown>)[l] !== 'string');
  return undefined;
}

export function textIssues(doc: unknown, langs: readonly Lang[]): Issue[] {
  const out: Issue[] = [];
  const visitText = (v: unknown, path: DocPath): void => {
    const m = missing(v, langs);
    if (m?.length) out.push(warn('text-missing-lang', path, { langs: m.join(', ') }));
  };
  const walk = (v: unknown, path: DocPath): void => {
    if (Array.isArray(v)) { v.forEach((x, i) => walk(x, [...path, i])); return; }
    if (typeof v !== 'object' || v === null) return;
    // The keys of `facts` and `policy` are names chosen by the author, not text fields.
    const named = path[path.length - 1] === 'facts' || path[path.length - 1] === 'policy';
    for (const [k, x] of Object.entries(v)) {
      if (named || !TEXT_KEYS.has(k)) { walk(x, [...path, k]); continue; }
      if (k === 'check' && Array.isArray(x)) x.forEach((item, i) => visitText(item, [...path, k, i]));
      else visitText(x, [...path, k]);
    }
  };
  walk(doc, []);
  return out;
}
