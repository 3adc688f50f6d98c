// Evaluating a playbook's guards and recommendations on the facts known so far.
import { check, evaluate, policyToCel, toCel, type CelType, type Scope } from '../expr/cel.js';
import { playbookScope } from '../expr/playbook-scope.js';
import type { Playbook } from '../playbook/schema.js';

export interface Evaluator {
  /** The value, the facts it read (as recorded), and an error when it cannot be decided yet. */
  run(source: string, facts: Record<string, unknown>): { value?: unknown; read: Record<string, unknown>; error?: string };
}

export function evaluatorFor(pb: Playbook): Evaluator {
  const { scope, types } = playbookScope(pb);
  return evaluatorOf(scope, types, policyToCel(pb.policy));
}

export function evaluatorOf(scope: Scope, types: Record<string, CelType>, policy: Record<string, unknown> = {}): Evaluator {
  const reads = new Map<string, string[]>();
  const namesOf = (source: string): string[] => {
    let names = reads.get(source);
    if (!names) {
      const r = check(scope, source);
      names = r.ok ? [...new Set(r.reads.map((x) => x.name))] : [];
      reads.set(source, names);
    }
    return names;
  };
  return {
    run(source, facts) {
      const read = Object.fromEntries(namesOf(source).filter((n) => n in facts).map((n) => [n, facts[n]]));
      const r = evaluate(scope, source, { ...toCel(facts, types), policy });
      return r.ok ? { value: typeof r.value === 'bigint' ? Number(r.value) : r.value, read } : { read, error: r.missing ? `unknown: ${r.missing}` : r.message };
    },
  };
}
