// Clock coverage: for the fact combinations that matter, every clock that applies has a notify step
// that satisfies it and is presented (its guard holds), with every decision answered as recommended.
// "That matter": each boolean both ways, each choice option, each multi option alone (every subset
// with `deep`), each integer just below, at and above every threshold it is compared with.
// Facts that only feed one decision are enumerated apart from the rest (the decision's reachable
// values are what counts), which keeps the search to thousands of evaluations, not billions.
import { makeScope, celTypeOf, policyToCel, type CelType } from '../expr/cel.js';
import { playbookScope } from '../expr/playbook-scope.js';
import { err, type Issue } from './issues.js';
import { optionId, type Clock, type ClockSet, type Fact, type Playbook, type Step } from './schema.js';

export interface CoverageOptions { deep?: boolean }
export interface Gap { clock: string; index: number; facts: Record<string, unknown> }

type Fn = (ctx: Record<string, unknown>) => unknown;
type Values = Record<string, unknown>;
interface Compiled { fn: Fn; reads: string[] }
interface Decision { name: string; step: Step; rec?: Compiled; domain: unknown[]; facts: string[]; decisions: string[]; privates: string[]; inputs: string[] }

const FAST_LIMIT = 200_000;   // evaluations per clock before the fast check stops looking
// Results by what they depend on (fact types, policy, guards, recommendations and the clocks, not
// texts or ids): a folder of variants of one playbook is worked out once.
const memo = new Map<string, Gap[]>();
// Each part of a key as a short number, worked out once per object: the playbooks `validate`
// reads share the objects of their common entries, and the clock set is one per folder.
const partIds = new WeakMap<object, number>();
const partsSeen = new Map<string, number>();

function partId<T extends object>(part: T, of: (p: T) => unknown): number {
  let id = partIds.get(part);
  if (id === undefined) {
    const text = JSON.stringify(of(part));
    id = partsSeen.get(text) ?? partsSeen.size;
    partsSeen.set(text, id);
    partIds.set(part, id);
  }
  return id;
}

const factsKey = (facts: Playbook['facts']) => Object.entries(facts).map(([n, f]) => [n, f.type, f.min, f.max, f.options?.map(optionId)]);
const stepsKey = (stages: Playbook['stages']) => stages.flatMap((st) => st.steps.map((x) => [x.id, x.when, x.notify?.party, x.notify?.satisfies, x.decide?.recommend, x.decide?.options?.map(optionId), x.decide?.sets]));

function keyOf(pb: Playbook, set: ClockSet, deep: boolean): string {
  return JSON.stringify([deep, partId(pb.facts, factsKey), pb.policy, partId(pb.stages, stepsKey), partId(set, (x) => x)]);
}

function compile(env: ReturnType<typeof makeScope>, names: ReadonlySet<string>, source: string): Compiled | undefined {
  try {
    const parsed = env.env.parse(source) as unknown as Fn & { check(): { valid: boolean } };
    if (!parsed.check().valid) return undefined;
    // Names an expression reads: identifiers of the scope that appear in it outside string literals.
    const bare = source.replace(/'[^']*'|"[^"]*"/g, '');
    const reads = [...new Set([...bare.matchAll(/(?<![\w.])[a-z_]\w*/g)].map((m) => m[0]).filter((n) => names.has(n)))];
    return { fn: parsed, reads };
  } catch {
    return undefined;
  }
}

const run = (c: Compiled, ctx: Values): unknown => {
  try { return c.fn(ctx); } catch { return undefined; }
};

/**
 * The values either side of every threshold a fact is compared with (`persons_affected > 1000`,
 * `>= policy.x`): `> c` and `<= c` change between c and c + 1, `>= c` and `< c` between c − 1 and c.
 */
function cuts(sources: readonly string[], fact: string, policy: Record<string, unknown>, deep: boolean): number[] {
  const out: number[] = [];
  const re = new RegExp(`\\b${fact}\\s*(>=|<=|==|!=|>|<)\\s*(policy\\.(\\w+)|-?\\d+)`, 'g');
  for (const s of sources) for (const m of s.matchAll(re)) {
    const c = m[3] !== undefined ? policy[m[3]] : Number(m[2]);
    if (typeof c !== 'number' || !Number.isFinite(c)) continue;
    if (deep || m[1] === '==' || m[1] === '!=') out.push(c - 1, c, c + 1);
    else out.push(...(m[1] === '>' || m[1] === '<=' ? [c, c + 1] : [c - 1, c]));
  }
  return out;
}

function subsets(ids: string[], deep: boolean): string[][] {
  if (!deep || ids.length > 10) return [[], ...ids.map((i) => [i]), ...(deep ? [ids] : [])];
  return Array.from({ length: 2 ** ids.length }, (_, mask) => ids.filter((_, i) => mask & (1 << i)));
}

function domain(f: Fact, points: number[], deep: boolean): unknown[] {
  const ids = (f.options ?? []).map(optionId);
  switch (f.type) {
    case 'boolean': return [false, true];
    case 'choice': return ids;
    case 'multi': return subsets(ids, deep);
    case 'integer': case 'number': {
      const lo = f.min ?? 0;
      const vals = new Set<number>([lo, ...(deep ? [lo + 1] : [])]);
      for (const v of points) if (v >= lo && (f.max === undefined || v <= f.max)) vals.add(v);
      return [...vals].sort((a, b) => a - b).map((v) => (f.type === 'integer' ? BigInt(v) : v));
    }
    case 'datetime': return [new Date('2026-01-01T00:00:00Z')];
    case 'text': return [''];
  }
}

/** Gaps of one playbook against the clock set (at most one per clock: the first combination found). */
export function coverageGaps(pb: Playbook, set: ClockSet, opts: CoverageOptions = {}): Gap[] {
  const deep = opts.deep ?? false;
  const key = keyOf(pb, set, deep);
  const known = memo.get(key);
  if (known) return known;
  const gaps = findGaps(pb, set, deep);
  memo.set(key, gaps);
  return gaps;
}

function findGaps(pb: Playbook, set: ClockSet, deep: boolean): Gap[] {
  const { scope, types, sets } = playbookScope(pb);
  const names = new Set(Object.keys(types));
  const clockTypes: Record<string, CelType> = Object.fromEntries(Object.entries(set.facts).map(([n, f]) => [n, celTypeOf(f.type)]));
  const clockScope = makeScope(clockTypes);
  const clockNames = new Set(Object.keys(clockTypes));
  // Each expression is parsed and type-checked once per playbook, however many clocks read it.
  const compiled = new Map<string, Compiled | undefined>();
  const cached = (sc: ReturnType<typeof makeScope>, ns: ReadonlySet<string>, source: string) => {
    const k = `${sc === clockScope ? 'c' : 'p'}${source}`;
    if (!compiled.has(k)) compiled.set(k, compile(sc, ns, source));
    return compiled.get(k);
  };
  const policy = policyToCel(pb.policy);
  const steps = pb.stages.flatMap((s) => s.steps);
  const decisionStep = new Map([...sets].map(([name, s]) => [name, steps.find((st) => st.id === s.step)!]));
  const gaps: Gap[] = [];

  set.clocks.forEach((clock, index) => {
    const satisfying = steps.filter((s) => s.notify?.party === clock.satisfied_by.party && s.notify.satisfies?.includes(clock.id));
    if (satisfying.some((s) => s.when === undefined)) return; // always presented
    const gap = clockGap(clock, satisfying);
    if (gap) gaps.push({ ...gap, index });
  });
  return gaps;

  function clockGap(clock: Clock, satisfying: Step[]): Gap | null {
    const applies = cached(clockScope, clockNames, clock.applies);
    if (!applies) return null;
    const guards = satisfying.map((s) => cached(scope, names, s.when!)).filter((g): g is Compiled => g !== undefined);
    // The decisions these read, and what those decisions read in turn.
    const decisions = new Map<string, Decision>();
    const visit = (reads: string[]) => {
      for (const n of reads) {
        const step = decisionStep.get(n);
        if (!step || decisions.has(n)) continue;
        const d = step.decide!;
        const rec = d.recommend === undefined ? undefined : cached(scope, names, d.recommend);
        const reads2 = rec?.reads ?? [];
        decisions.set(n, { name: n, step, ...(rec ? { rec } : {}), domain: d.options ? d.options.map(optionId) : [false, true], facts: reads2.filter((r) => r in pb.facts), decisions: reads2.filter((r) => sets.has(r)), privates: [], inputs: [] });
        visit(reads2);
      }
    };
    const top = [...applies.reads, ...guards.flatMap((g) => g.reads)];
    visit(top);
    const order = [...decisions.values()].sort((a, b) => steps.indexOf(a.step) - steps.indexOf(b.step));
    const topFacts = new Set(top.filter((r) => r in pb.facts));
    const seen = new Map<string, number>();
    for (const d of order) for (const f of d.facts) seen.set(f, (seen.get(f) ?? 0) + 1);
    const outer = [...new Set([...topFacts, ...[...seen].filter(([f, n]) => n > 1 || topFacts.has(f)).map(([f]) => f)])];
    const sources = [clock.applies, ...satisfying.map((s) => s.when!), ...order.flatMap((d) => (d.step.decide?.recommend ? [d.step.decide.recommend] : []))];
    const doms = new Map<string, unknown[]>();
    const dom = (f: string) => doms.get(f) ?? doms.set(f, domain(pb.facts[f] as Fact, cuts(sources, f, pb.policy ?? {}, deep), deep)).get(f)!;
    for (const d of order) {
      d.privates = d.facts.filter((f) => !outer.includes(f));
      d.inputs = [...d.facts, ...d.decisions].filter((n) => !d.privates.includes(n));
    }
    const reach = new Map<string, { value: unknown; witness: Values }[]>();
    let budget = deep ? Infinity : FAST_LIMIT;

    const reachable = (d: Decision, ctx: Values): { value: unknown; witness: Values }[] => {
      if (!d.rec) return d.domain.map((value) => ({ value, witness: {} })); // no recommendation: any answer
      const priv = d.privates;
      const k = `${d.name}|${d.inputs.map((n) => valueKey(ctx[n])).join('|')}`;
      const cached = reach.get(k);
      if (cached) return cached;
      const found = new Map<unknown, Values>();
      for (const p of product(priv.map((f) => [f, dom(f)] as const))) {
        budget--;
        const v = run(d.rec, { ...ctx, ...p, policy });
        if (v !== undefined && !found.has(v)) found.set(v, p);
        if (found.size >= d.domain.length) break;
      }
      const out = [...found].map(([value, witness]) => ({ value, witness }));
      reach.set(k, out);
      return out;
    };

    const leafReads = [...new Set(top)];
    const leaves = new Map<string, boolean>();
    const search = (i: number, ctx: Values, witness: Values): Values | undefined => {
      if (budget <= 0) return undefined;
      if (i === order.length) {
        const k = leafReads.map((n) => valueKey(ctx[n])).join('|');
        let open = leaves.get(k);
        if (open === undefined) {
          budget--;
          open = run(applies, ctx) === true && !guards.some((g) => run(g, { ...ctx, policy }) === true);
          leaves.set(k, open);
        }
        return open ? witness : undefined;
      }
      const d = order[i]!;
      for (const r of reachable(d, ctx)) {
        const hit = search(i + 1, { ...ctx, [d.name]: r.value }, { ...witness, ...r.witness });
        if (hit) return hit;
      }
      return undefined;
    };

    for (const o of product(outer.map((f) => [f, dom(f)] as const))) {
      const hit = search(0, o, o);
      // The facts in the playbook's order, so a report reads like the session that would meet it.
      if (hit) return { clock: clock.id, index: -1, facts: plain(Object.fromEntries(Object.keys(pb.facts).filter((f) => f in hit).map((f) => [f, hit[f]]))) };
      if (budget <= 0) break;
    }
    return null;
  }
}

function* product(dims: readonly (readonly [string, unknown[]])[]): Generator<Values> {
  if (dims.some(([, d]) => d.length === 0)) return;
  const idx = dims.map(() => 0);
  for (;;) {
    yield Object.fromEntries(dims.map(([n], i) => [n, dims[i]![1][idx[i]!]]));
    let i = dims.length - 1;
    while (i >= 0 && ++idx[i]! === dims[i]![1].length) idx[i--] = 0;
    if (i < 0) return;
  }
}

const valueKey = (v: unknown): string => (Array.isArray(v) ? v.join(',') : String(v));

const plain = (v: Values): Values => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'bigint' ? Number(x) : x instanceof Date ? x.toISOString() : x]));

const shown = (facts: Values): string => {
  const parts = Object.entries(facts).filter(([, v]) => v !== false && v !== 0 && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k} = ${Array.isArray(v) ? `[${v.join(', ')}]` : String(v)}`);
  return parts.length ? parts.join(', ') : '(every fact no / 0 / none)';
};

/** The gaps as issues located at the clock's `applies` in clocks.yaml. */
export function coverageIssues(pb: Playbook, set: ClockSet, opts: CoverageOptions = {}): Issue[] {
  return coverageGaps(pb, set, opts).map((g) => err('clock-not-covered', ['clocks', g.index, 'applies'], { clock: g.clock, facts: shown(g.facts), playbook: pb.id }, { doc: 'clocks' }));
}
