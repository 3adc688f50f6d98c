// Every text a person reads should exist in each of the playbook's languages.
import type { Lang } from '../i18n/lang.js';
import { warn, type Issue } from './issues.js';

const TEXT_KEYS = new Set(['title', 'summary', 'prompt', 'help', 'label', 'question', 'rationale', 'note', 'check', 'body']);

function missing(v: unknown, langs: readonly Lang[]): Lang[] | undefined {
  if (typeof v === 'string') return [...langs];
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return langs.filter((l) => typeof (v as Record<string, unknown>)[l] !== 'string');
  return undefined;
}

export function textIssues(doc: unknown, langs: readonly Lang[]): Issue[] {
  const out: Issue[] = [];
  // One path, pushed and popped as the walk goes; copied only into an issue (a playbook has
  // thousands of nodes and few missing texts).
  const path: (string | number)[] = [];
  const visitText = (v: unknown): void => {
    const m = missing(v, langs);
    if (m?.length) out.push(warn('text-missing-lang', [...path], { langs: m.join(', ') }));
  };
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) { path.push(i); walk(v[i]); path.pop(); }
      return;
    }
    if (typeof v !== 'object' || v === null) return;
    // The keys of `facts` and `policy` are names chosen by the author, not text fields.
    const named = path[path.length - 1] === 'facts' || path[path.length - 1] === 'policy';
    for (const k in v) {
      if (!Object.hasOwn(v, k)) continue;
      const x = (v as Record<string, unknown>)[k];
      path.push(k);
      if (named || !TEXT_KEYS.has(k)) walk(x);
      else if (k === 'check' && Array.isArray(x)) for (let i = 0; i < x.length; i++) { path.push(i); visitText(x[i]); path.pop(); }
      else visitText(x);
      path.pop();
    }
  };
  walk(doc);
  return out;
}
