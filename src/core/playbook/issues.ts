// A problem found in a file: a code with parameters (rendered in the UI language by
// core/i18n/messages.ts) and a path into the document (turned into file:line:col by the adapter).
import type { z } from 'zod';
import { FACT_PATTERN, ID_PATTERN } from './constants.js';

export type Severity = 'error' | 'warning';
export type DocPath = readonly (string | number)[];

export interface Issue {
  severity: Severity;
  code: string;
  params: Record<string, string | number>;
  path: DocPath;
  /** Point at the key of the last path element rather than its value. */
  key?: boolean;
  /** Offset inside the scalar (e.g. the position in a CEL expression). */
  offset?: number;
  /** The issue lies in clocks.yaml beside the file, not in the file itself (a clock coverage gap). */
  doc?: 'clocks';
}

export const err = (code: string, path: DocPath, params: Issue['params'] = {}, extra: Partial<Issue> = {}): Issue =>
  ({ severity: 'error', code, params, path, ...extra });
export const warn = (code: string, path: DocPath, params: Issue['params'] = {}, extra: Partial<Issue> = {}): Issue =>
  ({ severity: 'warning', code, params, path, ...extra });

export type Result<T> = { ok: true; value: T; issues: Issue[] } | { ok: false; issues: Issue[] };

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'map';
  return typeof v;
}

const EXPECTED: Record<string, string> = { object: 'map', record: 'map', array: 'list' };

function formatIssue(pattern: string | undefined): string {
  if (pattern === String(ID_PATTERN)) return 'id';
  if (pattern === String(FACT_PATTERN)) return 'fact-name';
  return 'version';
}

type ZIssue = z.core.$ZodIssue;

/** Turn zod's issues into ours, one per problem, pointing at the offending key or value. */
export function fromZod(issues: readonly ZIssue[], root: unknown, base: DocPath = []): Issue[] {
  const out: Issue[] = [];
  for (const i of issues) {
    const path = [...base, ...(i.path as (string | number)[])];
    const here = valueAt(root, i.path as PropertyKey[]);
    switch (i.code) {
      case 'unrecognized_keys':
        // A key with a space is almost always text cut at a comma inside {ja: …, en: …}: say so.
        for (const k of i.keys) out.push(err(/[\s,]/.test(k) ? 'unknown-key-comma' : 'unknown-key', [...path, k], { key: k }, { key: true }));
        break;
      case 'invalid_type':
        out.push(here === undefined
          ? err('required', path, { key: String(path[path.length - 1] ?? '') }, { key: false })
          : err('wrong-type', path, { expected: EXPECTED[i.expected] ?? i.expected, received: kindOf(here) }));
        break;
      case 'invalid_key':
        out.push(err(`bad-${formatIssue((i.issues[0] as { pattern?: string } | undefined)?.pattern)}`, path, { value: String(path[path.length - 1]) }, { key: true }));
        break;
      case 'invalid_format':
        out.push(err(`bad-${formatIssue((i as { pattern?: string }).pattern)}`, path, { value: String(here) }));
        break;
      case 'invalid_value':
        out.push(err('invalid-value', path, { value: String(here), allowed: i.values.map(String).join(', ') }));
        break;
      case 'too_small':
        out.push(err('too-few', path, { min: Number(i.minimum) }));
        break;
      case 'custom':
        out.push(err('bad-duration', path, { value: String(here) }));
        break;
      case 'invalid_union': {
        // Report the branch that got furthest; if none got past the top, the value has the wrong type.
        const branches = i.errors.filter((b) => b.some((x) => x.path.length > 0));
        const best = branches.sort((a, b) => a.length - b.length)[0];
        if (here === undefined) out.push(err('required', path, { key: String(path[path.length - 1] ?? '') }));
        else if (best) out.push(...fromZod(best, here, path));
        else out.push(err('wrong-type', path, { expected: 'text', received: kindOf(here) }));
        break;
      }
      default:
        out.push(err('invalid-value', path, { value: String(here), allowed: i.message }));
    }
  }
  return out;
}

/** Validate against a zod schema; never throws. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown): Result<T> {
  const r = schema.safeParse(value);
  return r.success ? { ok: true, value: r.data, issues: [] } : { ok: false, issues: fromZod(r.error.issues, value) };
}
