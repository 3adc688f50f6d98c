// An answers file made from a playbook itself, so a scripted run can walk every shipped playbook.
// `yes` answers every boolean with yes (so guarded steps run), `no` with no (so they are skipped).
import { optionId, type Fact, type Playbook } from '../../src/core/playbook/schema.js';

function sample(f: Fact, yes: boolean): unknown {
  const ids = (f.options ?? []).map(optionId);
  switch (f.type) {
    case 'boolean': return yes;
    case 'integer': return Math.max(f.min ?? 0, yes ? 1500 : 0);
    case 'number': return Math.max(f.min ?? 0, 1.5);
    case 'text': return 'sample text';
    case 'datetime': return '2026-11-23T09:00:00+08:00';
    case 'choice': return ids[yes ? ids.length - 1 : 0];
    case 'multi': return ids.includes('personal') ? ['personal', ...(yes ? ['sensitive_personal'] : [])] : ids.slice(0, 1);
  }
}

export function autoAnswers(pb: Playbook, yes = true): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const step of pb.stages.flatMap((s) => s.steps)) {
    if (step.ask) out[step.id] = Object.fromEntries(step.ask.map((f) => [f, sample(pb.facts[f] as Fact, yes)]));
    else if (step.check !== undefined) out[step.id] = 'done';
    else if (step.decide) {
      const answer = step.decide.options ? optionId(step.decide.options[yes ? step.decide.options.length - 1 : 0]!) : yes;
      out[step.id] = { answer, reason: 'scripted run: answers chosen to cover every step' };
    } else if (step.notify) out[step.id] = { channel: 'email', ref: `REF-${step.id}` };
    else if (step.record) out[step.id] = `What happened at ${step.id}.`;
  }
  return out;
}
