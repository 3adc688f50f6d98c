// The terminal prompter: @inquirer/prompts for each kind of question, in the UI language. Input is
// checked by the same parsers as answers files; bad input re-asks with the reason, never crashes.
import { checkbox, input, select } from '@inquirer/prompts';
import type { ChalkInstance } from 'chalk';
import { pick, type Lang, type Text } from '../core/i18n/lang.js';
import { message } from '../core/i18n/messages.js';
import { optionId } from '../core/playbook/constants.js';
import type { Option } from '../core/playbook/schema.js';
import type { SessionClock } from '../core/session/clock.js';
import { MAX_NOTE, beforeAware, parseDatetime, parseFact, type Parsed } from '../core/session/input.js';
import { sanitize } from '../core/text/sanitize.js';
import type { Prompter } from '../core/session/run.js';

export interface TerminalOptions { lang: Lang; tz: string; clock: SessionClock; c: ChalkInstance; out(line: string): void }

export function terminalPrompter(o: TerminalOptions): Prompter {
  const t = (code: string, p: Record<string, string | number> = {}) => message(code, p, o.lang);
  const text = (x: Text | undefined) => pick(x, o.lang);
  const label = (opt: Option) => (typeof opt === 'string' ? opt : `${text(opt.label)} (${opt.id})`);
  const check = (r: Parsed) => (r.ok ? true : t(r.code, r.params ?? {}));
  const yesNo = (recommended?: unknown) => [true, false].map((v) => ({
    value: v,
    name: `${t(v ? 'answer-yes' : 'answer-no')}${recommended === v ? ` (${t('recommended')})` : ''}`,
  }));
  const clock = () => ({ now: o.clock.now(), tz: o.tz });
  // inquirer's key hints are English; say them in the UI language.
  const theme = { style: { keysHelpTip: (keys: [string, string][]) => o.c.dim(keys.map(([k, a]) => `${k} ${t(`key-${a}`)}`).join(' • ')) } };
  // Not inquirer's `required`: its message is English only.
  // Free text is journaled: bounded like a note.
  const nonEmpty = (v: string) => (!v.trim() ? t('input-empty') : v.length > MAX_NOTE ? t('input-too-long', { max: MAX_NOTE }) : true);

  return {
    async fact({ name, fact }) {
      if (fact.help) o.out(o.c.dim(`  ${text(fact.help)}`));
      const message = text(fact.prompt);
      if (fact.type === 'boolean') return select({ message, theme, choices: yesNo() });
      if (fact.type === 'choice') return select({ message, theme, choices: (fact.options ?? []).map((x) => ({ value: optionId(x), name: label(x) })) });
      if (fact.type === 'multi') {
        return checkbox({ message, theme, validate: (v) => (v.length ? true : t('input-empty')), choices: (fact.options ?? []).map((x) => ({ value: optionId(x), name: label(x) })) });
      }
      const hint = fact.type === 'datetime' ? o.c.dim(` (${t('datetime-hint', { tz: o.tz })})`) : '';
      const raw = await input({ message: `${message}${hint}`, validate: (v) => check(parseFact(fact, v, clock())) });
      const r = parseFact(fact, raw, clock());
      if (!r.ok) throw new Error(`unreachable: ${name} passed validation`);
      return r.value;
    },

    async check({ index, total, text: item }) {
      const prefix = total > 1 ? `[${index + 1}/${total}] ` : '';
      const done = await select({ message: `${prefix}${text(item)}`, theme, choices: [{ value: true, name: t('check-done') }, { value: false, name: t('check-skip') }] });
      if (done) return {};
      const reason = (await input({ message: t('skip-reason') })).trim();
      return { skipped: true, ...(reason ? { reason } : {}) };
    },

    async decide({ question, options, recommended, rationale, error }) {
      const shown = recommended === undefined ? undefined
        : options ? label(options.find((x) => optionId(x) === recommended) ?? String(recommended))
        : t(recommended ? 'answer-yes' : 'answer-no');
      if (shown !== undefined) o.out(o.c.cyan(`  ${t('recommendation', { answer: shown })}`));
      else if (error) o.out(o.c.yellow(`  ${t('recommendation-none', { detail: error })}`));
      if (rationale) o.out(o.c.dim(`  ${t('why', { rationale: text(rationale) })}`));
      const choices = options
        ? options.map((x) => ({ value: optionId(x) as unknown, name: `${label(x)}${optionId(x) === recommended ? ` (${t('recommended')})` : ''}` }))
        : yesNo(recommended);
      const answer = await select({ message: text(question), theme, choices, ...(recommended !== undefined ? { default: recommended } : {}) });
      if (recommended === undefined || answer === recommended) return { answer };
      const reason = await input({ message: t('override-reason'), validate: nonEmpty });
      return { answer, reason: reason.trim() };
    },

    async notify({ party, partyId, satisfies, draft, aware }) {
      o.out(o.c.bold(`  ${t('notify-to', { party: party ? text(party.name) : partyId })}`));
      if (satisfies.length) o.out(o.c.dim(`  ${t('notify-satisfies', { clocks: satisfies.join(', ') })}`));
      if (draft) o.out(o.c.dim(draft.split('\n').map((l) => `  │ ${sanitize(l)}`).join('\n')));
      const sent = await select({ message: t('notify-sent-q'), theme, choices: [{ value: true, name: t('notify-sent') }, { value: false, name: t('notify-waive') }] });
      if (!sent) return { waived: (await input({ message: t('notify-waive-reason'), validate: nonEmpty })).trim() };
      const OTHER = '\u0000other';
      let channel = await select({ message: t('notify-channel'), theme, choices: [...(party?.channels ?? []).map((c) => ({ value: c, name: c })), { value: OTHER, name: t('notify-channel-other') }] });
      if (channel === OTHER) channel = (await input({ message: t('notify-channel-name'), validate: nonEmpty })).trim();
      const ref = (await input({ message: t('notify-ref'), default: '-' })).trim() || '-';
      for (;;) {
        const raw = await input({ message: t('notify-at'), default: 'now', validate: (v) => check(parseDatetime(v, clock())) });
        const r = parseDatetime(raw, clock());
        const at = r.ok ? r.value : o.clock.now().toISOString();
        // A notice before the incident was known is usually a typo: ask, and ask for the time again if not.
        if (!beforeAware(at, aware) || await select({ message: t('notify-before-aware-q', { at, aware: aware ?? '' }), theme, choices: [{ value: true, name: t('answer-yes') }, { value: false, name: t('answer-no') }] })) return { channel, ref, at };
      }
    },

    async record({ prompt }) {
      return (await input({ message: text(prompt), validate: nonEmpty })).trim();
    },
  };
}
