// A checklist: each item is answered done, not yet (an open item until done) or not applicable.
import { pick, type Text } from '../../i18n/lang.js';
import type { Step } from '../../playbook/schema.js';
import { ev } from '../events.js';
import type { StepKind } from './kind.js';

export const checkItems = (step: Step): Text[] => (step.check === undefined ? [] : Array.isArray(step.check) ? step.check : [step.check]);

export const check: StepKind = {
  id: 'check',
  pending(step, s, takeUp) {
    if (s.done.has(step.id) || (!takeUp && s.deferred.has(step.id))) return undefined;
    const done = s.checks.get(step.id);
    const later = takeUp ? undefined : s.notYet.get(step.id);
    const items = checkItems(step).map((_, i) => i).filter((i) => !done?.has(i) && !later?.has(i));
    return items.length ? { items } : undefined;
  },
  async walk(step, left, w) {
    const items = checkItems(step);
    for (const i of left.items ?? []) {
      const text = items[i] ?? '';
      const r = await w.d.prompter.check({ step, index: i, total: items.length, text });
      w.add(ev('check.done', { step: step.id, item: i, text, ...r }));
      w.answered();
    }
  },
  describe: {
    'check.done': (d, w) => `${d.step} · ${d.notYet ? '…' : d.skipped ? '✗' : '✓'} ${pick(d.text, w.lang)}${d.reason ? ` (${d.reason})` : ''}`,
  },
};
