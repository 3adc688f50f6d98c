// A notification to a party (HQ, CAC, PPC, police, individuals): sent (channel, reference, the
// time it went out), judged not required with a reason, or put off / handed to someone else.
import { formatTime } from '../../time/format.js';
import { message } from '../../i18n/messages.js';
import { ev } from '../events.js';
import { pendingOnce, type StepKind } from './kind.js';

export const notify: StepKind = {
  id: 'notify',
  pending: pendingOnce,
  async walk(step, _left, w) {
    const nt = step.notify;
    if (!nt) return;
    const party = w.d.parties.find((p) => p.id === nt.party);
    const text = nt.draft ? await w.d.draft?.(nt.draft, step.id, w.s) : undefined;
    const satisfies = nt.satisfies ?? [];
    // A notice claimed before the incident was known needs confirming (usually a typo).
    const aware = typeof w.s.facts.aware_at === 'string' ? w.s.facts.aware_at : undefined;
    const a = await w.d.prompter.notify({ step, party, partyId: nt.party, satisfies, ...(text ? { draft: text } : {}), ...(aware ? { aware } : {}) });
    if ('waived' in a) w.add(ev('notify.waived', { step: step.id, party: nt.party, satisfies, reason: a.waived }));
    else w.add(ev('notify.sent', { step: step.id, party: nt.party, channel: a.channel, ref: a.ref, at: a.at, satisfies, ...(nt.draft ? { draft: nt.draft } : {}) }));
    w.answered();
  },
  describe: {
    'notify.sent': (d, w) => `${d.step} · ${d.party} · ${d.channel} · ${d.ref} · ${w.tz ? formatTime(d.at, w.tz, 'short') : d.at}`,
    'notify.waived': (d, w) => `${d.step} · ${d.party} · ${message('r-waived', {}, w.lang)}: ${d.reason}`,
  },
};
