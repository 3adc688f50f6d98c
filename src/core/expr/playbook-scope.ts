// The names a playbook's expressions may read: its facts, the `sets:` of its decisions, and `policy`.
import type { Playbook } from '../playbook/schema.js';
import { celTypeOf, makeScope, type CelType, type Scope } from './cel.js';

/** Names an expression may read: facts, earlier `sets:`, and `policy`. */
export function playbookScope(pb: Playbook): { scope: Scope; types: Record<string, CelType>; sets: Map<string, { step: string; type: CelType }> } {
  const vars: Record<string, CelType> = {};
  for (const [name, f] of Object.entries(pb.facts)) vars[name] = celTypeOf(f.type);
  const sets = new Map<string, { step: string; type: CelType }>();
  for (const value of pb.stages.flatMap((s) => s.steps)) {
    const d = value.decide;
    if (d?.sets && !(d.sets in pb.facts) && !sets.has(d.sets)) {
      const type: CelType = d.options ? 'string' : 'bool';
      sets.set(d.sets, { step: value.id, type });
      vars[d.sets] = type;
    }
  }
  return { scope: makeScope(vars, pb.policy ?? {}), types: vars, sets };
}

