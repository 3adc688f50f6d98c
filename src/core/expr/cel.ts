// Decision thresholds, guards and clock conditions are CEL (@marcbachmann/cel-js): not Turing
// complete, no access to `constructor`, and type-checked against the declared facts.
import { Environment } from '@marcbachmann/cel-js';
import type { FactType } from '../playbook/schema.js';

export type CelType = 'bool' | 'int' | 'double' | 'string' | 'google.protobuf.Timestamp' | 'list<string>';

const CEL_OF: Record<FactType, CelType> = {
  boolean: 'bool',
  integer: 'int',
  number: 'double',
  text: 'string',
  datetime: 'google.protobuf.Timestamp',
  choice: 'string',
  multi: 'list<string>',
};

export const celTypeOf = (t: FactType): CelType => CEL_OF[t];

export type PolicyValue = number | boolean | string;

function policyType(v: PolicyValue): CelType {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  return Number.isInteger(v) ? 'int' : 'double';
}

// Bounds on what one expression may be: a playbook is untrusted input to `validate`.
const LIMITS = { maxAstNodes: 2000, maxDepth: 64, maxListElements: 256, maxMapEntries: 256, maxCallArguments: 16 };

export interface Scope {
  readonly env: Environment;
  readonly names: ReadonlySet<string>;
}

export function makeScope(vars: Record<string, CelType>, policy?: Record<string, PolicyValue>): Scope {
  const env = new Environment({ limits: LIMITS });
  for (const [name, type] of Object.entries(vars)) env.registerVariable(name, type);
  if (policy) {
    const schema = Object.fromEntries(Object.entries(policy).map(([k, v]) => [k, policyType(v)]));
    env.registerVariable({ name: 'policy', schema });
  }
  return { env, names: new Set(Object.keys(vars)) };
}

export interface Ident { name: string; pos: number }
export type Checked =
  | { ok: true; type: string; reads: Ident[]; literal?: Ident[] }
  | { ok: false; message: string; pos: number; syntax: boolean };

interface AstNode { op: string; args: unknown; pos: number }
const isNode = (x: unknown): x is AstNode =>
  typeof x === 'object' && x !== null && typeof (x as AstNode).op === 'string';

function walk(node: unknown, visit: (n: AstNode) => void): void {
  if (Array.isArray(node)) { for (const n of node) walk(n, visit); return; }
  if (!isNode(node)) return;
  visit(node);
  walk(node.args, visit);
}

/** String literals an expression can return: itself, or the branches of a conditional. */
function resultLiterals(node: unknown): Ident[] | undefined {
  if (!isNode(node)) return undefined;
  if (node.op === 'value') return typeof node.args === 'string' ? [{ name: node.args, pos: node.pos }] : undefined;
  if (node.op === '?:' && Array.isArray(node.args)) {
    const out: Ident[] = [];
    for (const branch of node.args.slice(1)) {
      const l = resultLiterals(branch);
      if (l) out.push(...l);
    }
    return out;
  }
  return undefined;
}

/** Parse and type-check; on success, the names it reads (declared variables only) with positions. */
export function check(scope: Scope, source: string): Checked {
  let parsed: ReturnType<Environment['parse']>;
  try {
    parsed = scope.env.parse(source);
  } catch (e) {
    return { ok: false, syntax: true, ...describe(e) };
  }
  const r = parsed.check();
  if (!r.valid) return { ok: false, syntax: false, ...describe(r.error) };
  const reads: Ident[] = [];
  walk(parsed.ast, (n) => {
    if (n.op === 'id' && typeof n.args === 'string' && scope.names.has(n.args)) reads.push({ name: n.args, pos: n.pos });
  });
  const literal = resultLiterals(parsed.ast);
  return { ok: true, type: String(r.type), reads, ...(literal ? { literal } : {}) };
}

function describe(e: unknown): { message: string; pos: number } {
  const x = e as { summary?: string; message?: string; range?: { start: number } };
  const message = x.summary ?? x.message?.split('\n')[0] ?? String(e);
  return { message, pos: x.range?.start ?? 0 };
}

/** CEL wants ints as bigint and timestamps as Date; convert the session's plain values. */
export function toCel(values: Record<string, unknown>, types: Record<string, CelType>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    const t = types[k];
    if (t === 'int' && typeof v === 'number') out[k] = BigInt(Math.trunc(v));
    else if (t === 'google.protobuf.Timestamp' && typeof v === 'string') out[k] = new Date(v);
    else out[k] = v;
  }
  return out;
}

export function policyToCel(policy: Record<string, PolicyValue> | undefined): Record<string, unknown> {
  if (!policy) return {};
  return Object.fromEntries(Object.entries(policy).map(([k, v]) =>
    [k, typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : v]));
}

export type Evaluated = { ok: true; value: unknown } | { ok: false; message: string; missing?: string };

/** Evaluate with the facts known so far; a name not yet known is reported as missing, not thrown. */
export function evaluate(scope: Scope, source: string, context: Record<string, unknown>): Evaluated {
  try {
    return { ok: true, value: scope.env.evaluate(source, context) as unknown };
  } catch (e) {
    const msg = e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e);
    const m = /Unknown variable: (\w+)/.exec(msg);
    return { ok: false, message: msg, ...(m?.[1] ? { missing: m[1] } : {}) };
  }
}
