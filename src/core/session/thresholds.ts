// The numeric thresholds a fact is compared against in a playbook (`recommend`, `when`) and in the
// clocks (`applies`, `due_when`), read from the parsed CEL: `persons_affected >= policy.x` or
// `persons_affected > 1000`. A value typed at or beyond one changes a grade, a step or a legal
// clock, so the walk asks to confirm it.
//
// Why the tree and not "evaluate just below and at the value": when the number is typed, most
// other facts of those expressions (appi_applies, encrypted, large_pi_volume …) are not known yet,
// so the whole expression cannot be evaluated and nothing would ever be reported. A comparison of
// the fact with a constant can always be read.
import { pick, type Lang } from '../i18n/lang.js';
import { message } from '../i18n/messages.js';
import { optionId } from '../playbook/constants.js';
import { playbookScope } from '../expr/playbook-scope.js';
import type { ClockSet, Playbook } from '../playbook/schema.js';
import { echoNumber } from './number-echo.js';

export type Op = '>=' | '>' | '<=' | '<';

export interface Threshold {
  fact: string;
  op: Op;
  limit: number;
  /** `policy.<name>` when the limit is a policy constant. */
  policy?: string;
  /** Where it is read: a step id or a clock id. */
  where: string;
  /** What crossing it leads to, in words, when known: a decision's option label or a clock's title. */
  outcome?: string;
}

interface Node { op: string; args: unknown }
const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && typeof (x as Node).op === 'string';
const FLIP: Record<Op, Op> = { '>=': '<=', '>': '<', '<=': '>=', '<': '>' };
const isOp = (s: string): s is Op => s in FLIP;

/** Every `fact OP constant` (or `constant OP fact`) in `source`, with the literal a `?:` returns when it holds. */
type Found = Omit<Threshold, 'where' | 'outcome'> & { then?: string };

function comparisons(parse: (s: string) => unknown, source: string, policy: Record<string, unknown>): Found[] {
  let ast: unknown;
  // The playbook was checked when it was loaded; an expression that does not parse has no thresholds.
  try { ast = parse(source); } catch { return []; }
  const out: Found[] = [];
  const constant = (n: unknown): { limit: number; policy?: string } | undefined => {
    if (!isNode(n)) return undefined;
    if (n.op === 'value' && (typeof n.args === 'bigint' || typeof n.args === 'number')) return { limit: Number(n.args) };
    if (n.op === '.' && Array.isArray(n.args) && isNode(n.args[0]) && n.args[0].op === 'id' && n.args[0].args === 'policy') {
      const name = String(n.args[1]);
      const v = policy[name];
      return typeof v === 'number' ? { limit: v, policy: `policy.${name}` } : undefined;
    }
    return undefined;
  };
  const ident = (n: unknown) => (isNode(n) && n.op === 'id' && typeof n.args === 'string' ? n.args : undefined);
  const visit = (n: unknown, then: string | undefined): void => {
    if (Array.isArray(n)) { for (const x of n) visit(x, then); return; }
    if (!isNode(n)) return;
    if (n.op === '?:' && Array.isArray(n.args)) {
      const [cond, yes, no] = n.args as unknown[];
      visit(cond, isNode(yes) && yes.op === 'value' && typeof yes.args === 'string' ? yes.args : then);
      visit(yes, then);
      visit(no, then);
      return;
    }
    if (isOp(n.op) && Array.isArray(n.args)) {
      const [l, r] = n.args as unknown[];
      const left = ident(l);
      const right = ident(r);
      const lc = constant(l);
      const rc = constant(r);
      if (left && rc) out.push({ fact: left, op: n.op, ...rc, ...(then ? { then } : {}) });
      else if (right && lc) out.push({ fact: right, op: FLIP[n.op], ...lc, ...(then ? { then } : {}) });
    }
    visit(n.args, then);
  };
  visit(ast, undefined);
  return out;
}

/** All numeric thresholds of the playbook and its clocks; outcomes worded in `lang`. */
export function thresholdsOf(pb: Playbook, clocks: ClockSet | undefined, lang: Lang): Threshold[] {
  const { scope } = playbookScope(pb);
  const parse = (s: string) => scope.env.parse(s).ast;
  const policy = pb.policy ?? {};
  const out: Threshold[] = [];
  for (const step of pb.stages.flatMap((s) => s.steps)) {
    const d = step.decide;
    const sources = [d?.recommend, step.when].filter((x): x is string => typeof x === 'string');
    for (const source of sources) {
      for (const c of comparisons(parse, source, policy)) {
        const { then, ...rest } = c;
        const opt = then ? d?.options?.find((o) => optionId(o) === then) : undefined;
        const outcome = opt && typeof opt !== 'string' ? `${pick(opt.label, lang)} (${then})` : then;
        out.push({ ...rest, where: step.id, ...(outcome ? { outcome } : {}) });
      }
    }
  }
  for (const clock of clocks?.clocks ?? []) {
    for (const source of [clock.applies, ...(clock.due_when ?? []).map((w) => w.when)]) {
      for (const c of comparisons(parse, source, policy)) {
        const { fact, op, limit, policy: p } = c;
        out.push({ fact, op, limit, ...(p ? { policy: p } : {}), where: clock.id, outcome: pick(clock.title, lang) });
      }
    }
  }
  return out;
}

const crosses = (t: Threshold, v: number): boolean =>
  t.op === '>=' ? v >= t.limit : t.op === '>' ? v > t.limit : t.op === '<=' ? v <= t.limit : v < t.limit;

/**
 * The thresholds of `fact` that `value` is at or beyond, one per limit and direction (the places
 * and policy names that give it merged), the largest first.
 */
export function crossed(all: readonly Threshold[], fact: string, value: number): Threshold[] {
  const by = new Map<string, Threshold>();
  for (const t of all) {
    // A presence test (`n >= 1`, `n > 0`) is not a grade: any count passes it, so it is not asked about.
    if (t.fact !== fact || Math.abs(t.limit) <= 1 || !crosses(t, value)) continue;
    const key = `${t.op}${t.limit}`;
    const had = by.get(key);
    if (!had) { by.set(key, { ...t }); continue; }
    const merge = (a: string | undefined, b: string | undefined) => [...new Set([a, b].filter(Boolean).flatMap((x) => x!.split(' · ')))].join(' · ') || undefined;
    const where = merge(had.where, t.where);
    const outcome = merge(had.outcome, t.outcome);
    const policy = merge(had.policy, t.policy);
    by.set(key, { ...had, ...(where ? { where } : {}), ...(outcome ? { outcome } : {}), ...(policy ? { policy } : {}) });
  }
  return [...by.values()].sort((a, b) => Math.abs(b.limit) - Math.abs(a.limit));
}

const REL: Record<Op, string> = { '>=': 'threshold-ge', '>': 'threshold-gt', '<=': 'threshold-le', '<': 'threshold-lt' };

/** One line per threshold `value` crosses for `fact`: `1,280,000人 は 1,000,000人（policy.…）以上です: 较大 [grade]`. */
export function crossingLines(all: readonly Threshold[], fact: string, value: number, lang: Lang): string[] {
  return crossed(all, fact, value).map((t) => message(REL[t.op], {
    value: echoNumber(value, fact, lang),
    limit: `${echoNumber(t.limit, fact, lang)}${t.policy ? ` (${t.policy})` : ''}`,
    what: t.outcome ? `${t.outcome} [${t.where}]` : t.where,
  }, lang));
}
