// The files beside the playbooks: legal clocks, parties, and draft messages.
import { check, celTypeOf, makeScope, type CelType } from '../expr/cel.js';
import type { Lang } from '../i18n/lang.js';
import { err, parseWith, type Issue, type Result } from './issues.js';
import { clocksSchema, partiesSchema, type ClockSet, type Party } from './schema.js';
import { textIssues } from './texts.js';

export const ALL: Lang[] = ['ja', 'zh', 'en'];

function duplicates(items: readonly { id: string }[], base: string): Issue[] {
  const seen = new Set<string>();
  const out: Issue[] = [];
  items.forEach((x, i) => {
    if (seen.has(x.id)) out.push(err('duplicate-id', [base, i, 'id'], { id: x.id }));
    seen.add(x.id);
  });
  return out;
}

export const settle = <T>(value: T, issues: Issue[]): Result<T> =>
  issues.some((i) => i.severity === 'error') ? { ok: false, issues } : { ok: true, value, issues };

export function validateClocks(raw: unknown, parties?: ReadonlySet<string>): Result<ClockSet> {
  const shaped = parseWith(clocksSchema, raw);
  if (!shaped.ok) return shaped;
  const set = shaped.value;
  const vars: Record<string, CelType> = {};
  for (const [name, f] of Object.entries(set.facts)) vars[name] = celTypeOf(f.type);
  const scope = makeScope(vars);
  const issues: Issue[] = [...duplicates(set.clocks, 'clocks'), ...textIssues(set.clocks, ALL).map((i) => ({ ...i, path: ['clocks', ...i.path] }))];
  const expr = (source: string, path: (string | number)[]) => {
    const r = check(scope, source);
    if (!r.ok) issues.push(err(r.code ?? (r.syntax ? 'cel-syntax' : 'cel-type'), path, { detail: r.message, what: String(path[path.length - 1]), ...r.params }, { offset: r.pos }));
    else if (r.type !== 'bool' && r.type !== 'dyn') issues.push(err('cel-result-type', path, { what: String(path[path.length - 1]), expected: 'bool', got: r.type }));
  };
  set.clocks.forEach((c, i) => {
    expr(c.applies, ['clocks', i, 'applies']);
    c.due_when?.forEach((d, j) => expr(d.when, ['clocks', i, 'due_when', j, 'when']));
    if (set.facts[c.starts]?.type !== 'datetime') issues.push(err('starts-not-datetime', ['clocks', i, 'starts'], { fact: c.starts }));
    if (parties && !parties.has(c.satisfied_by.party)) issues.push(err('notify-unknown-party', ['clocks', i, 'satisfied_by', 'party'], { party: c.satisfied_by.party, known: [...parties].join(', ') }));
    if (parties && !parties.has(c.authority)) issues.push(err('notify-unknown-party', ['clocks', i, 'authority'], { party: c.authority, known: [...parties].join(', ') }));
  });
  return settle(set, issues);
}

export function validateParties(raw: unknown): Result<Party[]> {
  const shaped = parseWith(partiesSchema, raw);
  if (!shaped.ok) return shaped;
  const list = shaped.value.parties;
  return settle(list, [...duplicates(list, 'parties'), ...textIssues(list, ALL).map((i) => ({ ...i, path: ['parties', ...i.path] }))]);
}
