// Free text for a report section (cause, impact, prevention …).
import { ev } from '../events.js';
import { pendingOnce, type StepKind } from './kind.js';
import { missingLangs } from '../translate.js';

export const record: StepKind = {
  id: 'record',
  pending: pendingOnce,
  async walk(step, _left, w) {
    if (!step.record) return;
    const text = await w.d.prompter.record({ step, prompt: step.record.prompt });
    w.add(ev('record.written', { step: step.id, ...(step.record.section ? { section: step.record.section } : {}), text }));
    // A document in another language quotes this text: ask for it in that language now; an empty
    // answer ("later") writes nothing and leaves a `translate` open item.
    for (const lang of missingLangs(w.d.playbook, w.s, step.id)) {
      const translated = await w.d.prompter.record({ step, prompt: step.record.prompt, translate: { lang, text } });
      if (translated) w.add(ev('record.translated', { step: step.id, lang, text: translated }));
    }
    w.answered();
  },
  describe: { 'record.written': (d) => `${d.step} · ${d.text}`, 'record.translated': (d) => `${d.step} · ${d.lang} · ${d.text}` },
};
