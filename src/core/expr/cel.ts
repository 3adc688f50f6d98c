// Decision thresholds, guards and clock conditions are CEL (@marcbachmann/cel-js): not Turing
// complete, no access to `constructor`, and type-checked against the declared facts.
import { Environment } from '@marcbachmann/cel-js';
import type { FactType } from '../playbook/schema.js';
import { COST_BUDGET, costOf, outOfBounds } from './budget.js';
import { LINEAR_MATCHES, linearMatches, patternProblem } from './regex.js';

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
  readonly types: Readonly<Record<string, CelType>>;
  /** Parsed, rewritten and costed expressions, by source: each is prepared once. */
  readonly prepared: Map<string, Prepared>;
  /** Type-checked expressions, by source. */
  readonly checked: Map<string, Checked>;
}

type Parsed = ReturnType<Environment['parse']>;
/** A refusal of our own (cost, pattern) carries its message code and parameters. */
type Refused = { ok: false; message: string; pos: number; syntax: boolean; code?: string; params?: Record<string, string | number> };
type Prepared = { ok: true; parsed: Parsed; ids: ReadonlySet<string> } | Refused;

// Scopes by what they declare: a scope depends only on the names and types, so playbooks that
// declare the same (a folder of variants, or one playbook validated, then simulated) share one
// environment and every expression is parsed and type-checked once. A few dozen kept at most.
const scopes = new Map<string, Scope>();
const MAX_SCOPES = 64;

export function makeScope(vars: Record<string, CelType>, policy?: Record<string, PolicyValue>): Scope {
  const schema = policy ? Object.fromEntries(Object.entries(policy).map(([k, v]) => [k, policyType(v)])) : undefined;
  const key = JSON.stringify([vars, schema ?? null]);
  const known = scopes.get(key);
  if (known) return known;
  const env = new Environment({ limits: LIMITS });
  env.registerFunction(`string.${LINEAR_MATCHES}(string): bool`, linearMatches);
  for (const [name, type] of Object.entries(vars)) env.registerVariable(name, type);
  if (schema) env.registerVariable({ name: 'policy', schema });
  const scope: Scope = { env, names: new Set(Object.keys(vars)), types: { ...vars }, prepared: new Map(), checked: new Map() };
  if (scopes.size >= MAX_SCOPES) scopes.clear();
  scopes.set(key, scope);
  return scope;
}

export interface Ident { name: string; pos: number }
export type Checked =
  | { ok: true; type: string; reads: Ident[]; literal?: Ident[] }
  | Refused;

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

/**
 * Parse, bind `matches` to the linear-time engine (checking literal patterns), and refuse an
 * expression whose worst case exceeds the budget. The parsed tree is kept for evaluate().
 */
function prepare(scope: Scope, source: string): Prepared {
  const known = scope.prepared.get(source);
  if (known) return known;
  let p: Prepared;
  try {
    const parsed = scope.env.parse(source);
    p = bindMatches(parsed.ast) ?? budget(parsed.ast, scope) ?? { ok: true, parsed, ids: idsOf(parsed.ast) };
  } catch (e) {
    p = { ok: false, syntax: true, ...describe(e) };
  }
  scope.prepared.set(source, p);
  return p;
}

function idsOf(ast: unknown): Set<string> {
  const ids = new Set<string>();
  walk(ast, (n) => { if (n.op === 'id' && typeof n.args === 'string') ids.add(n.args); });
  return ids;
}

function bindMatches(ast: unknown): Prepared | undefined {
  let problem: Prepared | undefined;
  walk(ast, (n) => {
    if (n.op !== 'rcall' || !Array.isArray(n.args) || n.args[0] !== 'matches') return;
    n.args[0] = LINEAR_MATCHES;
    const pattern = (n.args[2] as unknown[] | undefined)?.[0];
    const why = isNode(pattern) && pattern.op === 'value' && typeof pattern.args === 'string' ? patternProblem(pattern.args) : undefined;
    if (why && !problem) problem = { ok: false, syntax: false, message: why, pos: pattern && isNode(pattern) ? pattern.pos : n.pos, code: 'cel-bad-pattern', params: { detail: why } };
  });
  return problem;
}

function budget(ast: unknown, scope: Scope): Prepared | undefined {
  const cost = costOf(ast, scope.types);
  if (cost.steps <= COST_BUDGET) return undefined;
  const steps = cost.steps.toExponential(1);
  return { ok: false, syntax: false, pos: cost.pos, message: `too costly: up to ${steps} evaluation steps in the worst case (at most ${COST_BUDGET}); nest fewer macros or iterate over shorter lists`, code: 'cel-too-costly', params: { steps, max: COST_BUDGET } };
}

/** Parse and type-check; on success, the names it reads (declared variables only) with positions. */
export function check(scope: Scope, source: string): Checked {
  let c = scope.checked.get(source);
  if (!c) scope.checked.set(source, (c = checkOnce(scope, source)));
  return c;
}

function checkOnce(scope: Scope, source: string): Checked {
  const p = prepare(scope, source);
  if (!p.ok) return p;
  const parsed = p.parsed;
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
  const message = (x.summary ?? x.message?.split('\n')[0] ?? String(e)).replaceAll(LINEAR_MATCHES, 'matches');
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
// Before evaluating, the bounds costOf assumed are checked on the values given: the runtime cap.
export function evaluate(scope: Scope, source: string, context: Record<string, unknown>): Evaluated {
  const p = prepare(scope, source);
  if (!p.ok) return { ok: false, message: p.message };
  for (const [name, v] of Object.entries(context)) {
    if (!p.ids.has(name)) continue;
    const record = typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
    const why = (record ? Object.values(v) : [v]).map(outOfBounds).find(Boolean);
    if (why) return { ok: false, message: `${name} is too large for an expression: ${why}` };
  }
  try {
    return { ok: true, value: p.parsed(context) as unknown };
  } catch (e) {
    const msg = (e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e)).replaceAll(LINEAR_MATCHES, 'matches');
    const m = /Unknown variable: (\w+)/.exec(msg);
    return { ok: false, message: msg, ...(m?.[1] ? { missing: m[1] } : {}) };
  }
}
