// The worst-case work of one CEL expression, worked out from its syntax tree before it ever runs.
// CEL has no loops, but its macros nest: `l.exists(a, l.exists(b, …))` over 100 items four deep is
// 10^8 steps. Every value an expression can read is bounded (INPUT_BOUNDS, enforced by toCel), so a
// bound on list and string sizes through the tree gives a bound on the steps; above COST_BUDGET the
// expression is refused, at validate time and again before it is evaluated.
import type { CelType } from './cel.js';

/** The largest string (in UTF-16 units) and list any fact or policy value may be when evaluated. */
export const INPUT_BOUNDS = { text: 4096, list: 64 } as const;
/** About 2 ms of evaluation on this machine class (measured: ~0.2 µs a step). */
export const COST_BUDGET = 20_000;

const MACROS = new Set(['exists', 'all', 'exists_one', 'map', 'filter']);
// Functions whose work grows with the length of their receiver and arguments.
const PER_CHAR = 16;

interface AstNode { op: string; args: unknown; pos: number }
const isNode = (x: unknown): x is AstNode => typeof x === 'object' && x !== null && typeof (x as AstNode).op === 'string';

export interface Cost { steps: number; pos: number }

/** Upper bound on the length of the list or string a node yields. */
function size(n: unknown, types: Record<string, CelType>, bound: Map<string, number>): number {
  if (!isNode(n)) return 1;
  const a = n.args;
  switch (n.op) {
    case 'value': return typeof a === 'string' ? a.length : 1;
    case 'list': return Array.isArray(a) ? a.length : 1;
    case 'id': {
      const name = String(a);
      if (bound.has(name)) return bound.get(name) ?? INPUT_BOUNDS.text;
      return types[name]?.startsWith('list') ? INPUT_BOUNDS.list : INPUT_BOUNDS.text;
    }
    case '+': return Array.isArray(a) ? a.reduce((s: number, x) => s + size(x, types, bound), 0) : 1;
    case '?:': return Array.isArray(a) ? Math.max(...a.slice(1).map((x) => size(x, types, bound))) : 1;
    case 'rcall': {
      const [name, recv] = a as [string, unknown, unknown[]];
      if (name === 'map' || name === 'filter') return size(recv, types, bound);
      if (name === 'split') return size(recv, types, bound) + 1;
      return INPUT_BOUNDS.text;
    }
    default: return INPUT_BOUNDS.text;
  }
}

/** Steps an expression may take in the worst case, and where its costliest macro starts. */
export function costOf(ast: unknown, types: Record<string, CelType>): Cost {
  let steps = 0;
  let worst = { steps: 0, pos: 0 };
  const visit = (n: unknown, times: number, bound: Map<string, number>): void => {
    if (Array.isArray(n)) { for (const x of n) visit(x, times, bound); return; }
    if (!isNode(n)) return;
    steps += times;
    if (n.op === 'rcall' || n.op === 'call') {
      const [name, ...rest] = n.args as [string, ...unknown[]];
      const recv = n.op === 'rcall' ? rest[0] : undefined;
      const args = (n.op === 'rcall' ? rest[1] : rest[0]) as unknown[];
      if (n.op === 'rcall' && MACROS.has(name) && Array.isArray(args) && isNode(args[0])) {
        const items = size(recv, types, bound);
        visit(recv, times, bound);
        const inner = new Map(bound).set(String(args[0].args), INPUT_BOUNDS.text);
        const before = steps;
        visit(args.slice(1), times * items, inner);
        if (steps - before > worst.steps) worst = { steps: steps - before, pos: n.pos };
        return;
      }
      const chars = [recv, ...(Array.isArray(args) ? args : [])].reduce((s: number, x) => s + (x === undefined ? 0 : size(x, types, bound)), 0);
      steps += times * Math.ceil(chars / PER_CHAR);
    }
    visit(n.args, times, bound);
  };
  visit(ast, 1, new Map());
  return { steps, pos: worst.pos };
}

/** A value within INPUT_BOUNDS, or the reason it is not (a runtime check of what costOf assumed). */
export function outOfBounds(v: unknown): string | undefined {
  if (typeof v === 'string' && v.length > INPUT_BOUNDS.text) return `a text of ${v.length} characters (at most ${INPUT_BOUNDS.text})`;
  if (Array.isArray(v)) {
    if (v.length > INPUT_BOUNDS.list) return `a list of ${v.length} items (at most ${INPUT_BOUNDS.list})`;
    for (const x of v) { const r = outOfBounds(x); if (r) return r; }
  }
  return undefined;
}
