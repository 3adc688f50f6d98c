// A question for one or more facts, each typed by the playbook's `facts:` declaration.
import { ev } from '../events.js';
import type { StepKind } from './kind.js';

/** What a prompter returns for a fact answered "unknown" (only where the fact is `unknown_ok`). */
export const UNKNOWN: unique symbol = Symbol('unknown');

export const ask: StepKind = {
  id: 'ask',
  pending(step, s, takeUp) {
    if (s.done.has(step.id) || (!takeUp && s.deferred.has(step.id))) return undefined;
    const asked = s.asked.get(step.id);
    const facts = (step.ask ?? []).filter((f) => !asked?.has(f));
    return facts.length ? { facts } : undefined;
  },
  async walk(step, left, w) {
    for (const name of left.facts ?? []) {
      const fact = w.d.playbook.facts[name];
      if (!fact) continue;
      const value = await w.d.prompter.fact({ step, name, fact });
      w.add(ev('fact.recorded', value === UNKNOWN ? { step: step.id, fact: name, value: null, unknown: true } : { step: step.id, fact: name, value }));
      w.answered();
    }
  },
  describe: {
    'fact.recorded': (d, w) => `${d.step} · ${d.fact} = ${d.unknown ? w.t('answer-unknown') : w.yn(d.value)}`,
    'fact.amended': (d, w) => `${d.fact}: ${w.yn(d.previous)} → ${w.yn(d.value)} · ${d.reason}`,
  },
};
