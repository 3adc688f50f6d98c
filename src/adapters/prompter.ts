// The terminal prompter: @inquirer/prompts for each kind of question, in the UI language. Input is
// checked by the same parsers as answers files; bad input re-asks with the reason, never crashes.
// Every prompt opens the incident menu: a last choice in a list, `?` in a text prompt.
import { checkbox, input, select } from '@inquirer/prompts';
import type { ChalkInstance } from 'chalk';
import { pick, type Lang, type Text } from '../core/i18n/lang.js';
import { message } from '../core/i18n/messages.js';
import { optionId } from '../core/playbook/constants.js';
import type { Fact, Option, Step } from '../core/playbook/schema.js';
import type { SessionClock } from '../core/session/clock.js';
import { MAX_NOTE, beforeAware, parseDatetime, parseFact, type Parsed } from '../core/session/input.js';
import { UNKNOWN } from '../core/session/kinds/ask.js';
import { echoNumber } from '../core/session/number-echo.js';
import { crossingLines, type Threshold } from '../core/session/thresholds.js';
import { StepDeferred, type Prompter } from '../core/session/run.js';
import { sanitize } from '../core/text/sanitize.js';
import { formatSpan } from '../core/time/format.js';

// Each language named in itself: the responder translating into it reads it that way.
const LANG_NAMES: Record<Lang, string> = { ja: '日本語', zh: '中文', en: 'English' };

export interface TerminalOptions {
  lang: Lang;
  tz: string;
  clock: SessionClock;
  c: ChalkInstance;
  out(line: string): void;
  /** Facts the reporting clocks read: a yes/no on one of them has no preselected answer. */
  clockFacts?: ReadonlySet<string>;
  /** The playbook's numeric thresholds: a number at or beyond one is confirmed before it is kept. */
  thresholds?: readonly Threshold[];
  /** The incident menu, opened from the prompt of `step`; returns to re-ask, or throws to leave the prompt. */
  menu?(step: Step): Promise<void>;
}

const MENU = '\u0000menu';
const NONE = '\u0000none';
const UNKNOWN_ID = '\u0000unknown';
const UNKNOWN_WORDS = new Set(['unknown', '不明', '未知', '?不明']);

export function terminalPrompter(o: TerminalOptions): Prompter {
  const t = (code: string, p: Record<string, string | number> = {}) => message(code, p, o.lang);
  const text = (x: Text | undefined) => pick(x, o.lang);
  const label = (opt: Option) => (typeof opt === 'string' ? opt : `${text(opt.label)} (${opt.id})`);
  const check = (r: Parsed) => (r.ok ? true : t(r.code, r.params ?? {}));
  const clock = () => ({ now: o.clock.now(), tz: o.tz });
  // inquirer's key hints are English; say them in the UI language.
  const theme = { style: { keysHelpTip: (keys: [string, string][]) => o.c.dim(keys.map(([k, a]) => `${k} ${t(`key-${a}`)}`).join(' • ')) } };
  // Not inquirer's `required`: its message is English only.
  // Free text is journaled: bounded like a note.
  const nonEmpty = (v: string) => (!v.trim() ? t('input-empty') : v.length > MAX_NOTE ? t('input-too-long', { max: MAX_NOTE }) : true);
  const menuChoice = () => (o.menu ? [{ value: MENU, name: o.c.dim(t('menu-key')) }] : []);

  /** A list prompt with the menu as its last choice; with `blank`, the cursor starts on a "choose" line that re-asks. */
  async function choose<T>(step: Step, message: string, choices: { value: T; name: string }[], extra: { default?: T; blank?: boolean } = {}): Promise<T> {
    for (;;) {
      const all = [...(extra.blank ? [{ value: NONE as T, name: o.c.dim(t('choose-one')) }] : []), ...choices, ...menuChoice()] as { value: T; name: string }[];
      const v = await select({ message, theme, choices: all, ...(extra.default !== undefined ? { default: extra.default } : {}) });
      if (v === MENU) await o.menu?.(step);
      else if (v === NONE) o.out(o.c.yellow(`  ${t('input-empty')}`));
      else return v;
    }
  }
  /** A text prompt where `?` opens the menu. */
  async function typed(step: Step, message: string, validate: (v: string) => true | string, def?: string): Promise<string> {
    for (;;) {
      const v = await input({ message, validate: (x) => (o.menu && x.trim() === '?' ? true : validate(x)), ...(def !== undefined ? { default: def } : {}) });
      if (o.menu && v.trim() === '?') await o.menu(step);
      else return v;
    }
  }
  const yesNo = (recommended?: unknown) => [true, false].map((v) => ({ value: v as unknown, name: `${t(v ? 'answer-yes' : 'answer-no')}${recommended === v ? ` (${t('recommended')})` : ''}` }));

  async function fact(step: Step, name: string, fact: Fact): Promise<unknown> {
    if (fact.help) o.out(o.c.dim(`  ${text(fact.help)}`));
    const q = text(fact.prompt);
    const unknown = fact.unknown_ok ? [{ value: UNKNOWN_ID as unknown, name: t('answer-unknown-choice') }] : [];
    const opts = (fact.options ?? []).map((x) => ({ value: optionId(x) as unknown, name: label(x) }));
    if (fact.type === 'boolean' || fact.type === 'choice') {
      // A yes/no that starts a legal clock is never answered by a stressed Enter.
      const v = await choose(step, q, [...(fact.type === 'boolean' ? yesNo() : opts), ...unknown], { blank: fact.type === 'boolean' && (o.clockFacts?.has(name) ?? false) });
      return v === UNKNOWN_ID ? UNKNOWN : v;
    }
    if (fact.type === 'multi') {
      return checkbox({ message: q, theme, validate: (v) => (v.length ? true : t('input-empty')), choices: (fact.options ?? []).map((x) => ({ value: optionId(x), name: label(x) })) });
    }
    const hints = [fact.type === 'datetime' ? t('datetime-hint', { tz: o.tz }) : '', fact.unknown_ok ? t('unknown-hint') : ''].filter(Boolean).join(' · ');
    const isUnknown = (v: string) => fact.unknown_ok === true && UNKNOWN_WORDS.has(v.trim().toLowerCase());
    for (;;) {
      const raw = await typed(step, `${q}${hints ? o.c.dim(` (${hints})`) : ''}`, (v) => (isUnknown(v) ? true : check(parseFact(fact, v, clock()))));
      if (isUnknown(raw)) return UNKNOWN;
      const r = parseFact(fact, raw, clock());
      if (!r.ok) throw new Error(`unreachable: ${name} passed validation`);
      if (typeof r.value !== 'number' || await confirmNumber(step, name, r.value)) return r.value;
    }
  }

  /** Say a typed number back with its unit; one that crosses a threshold is kept only on an explicit yes. */
  async function confirmNumber(step: Step, name: string, value: number): Promise<boolean> {
    const shown = echoNumber(value, name, o.lang);
    o.out(o.c.cyan(`  ${t('number-echo', { value: shown })}`));
    const lines = crossingLines(o.thresholds ?? [], name, value, o.lang);
    if (!lines.length) return true;
    for (const l of lines) o.out(o.c.yellow(`  ⚠  ${l}`));
    return choose(step, t('threshold-confirm-q', { value: shown }), [{ value: true, name: t('threshold-keep', { value: shown }) }, { value: false, name: t('threshold-retype') }], { blank: true });
  }

  return {
    fact: ({ step, name, fact: f }) => fact(step, name, f),

    async check({ step, index, total, text: item }) {
      const prefix = total > 1 ? `[${index + 1}/${total}] ` : '';
      const v = await choose(step, `${prefix}${text(item)}`, [{ value: 'done', name: t('check-done') }, { value: 'later', name: t('check-not-yet') }, { value: 'na', name: t('check-skip') }]);
      if (v === 'done') return {};
      if (v === 'later') return { notYet: true };
      return { skipped: true, reason: (await typed(step, t('skip-reason'), nonEmpty)).trim() };
    },

    async decide({ step, question, options, recommended, rationale, error }) {
      const shown = recommended === undefined ? undefined
        : options ? label(options.find((x) => optionId(x) === recommended) ?? String(recommended))
        : t(recommended ? 'answer-yes' : 'answer-no');
      if (shown !== undefined) o.out(o.c.cyan(`  ${t('recommendation', { answer: shown })}`));
      else if (error) o.out(o.c.yellow(`  ${t('recommendation-none', { detail: error })}`));
      if (rationale) o.out(o.c.dim(`  ${t('why', { rationale: text(rationale) })}`));
      const choices = options
        ? options.map((x) => ({ value: optionId(x) as unknown, name: `${label(x)}${optionId(x) === recommended ? ` (${t('recommended')})` : ''}` }))
        : yesNo(recommended);
      // A yes/no whose answer a clock reads has no preselected answer, not even the recommended one.
      const startsClock = !options && step.decide?.sets !== undefined && (o.clockFacts?.has(step.decide.sets) ?? false);
      const answer = await choose(step, text(question), choices, startsClock ? { blank: true } : recommended !== undefined ? { default: recommended } : {});
      if (recommended === undefined || answer === recommended) return { answer };
      const reason = await typed(step, t('override-reason'), nonEmpty);
      return { answer, reason: reason.trim() };
    },

    async notify({ step, party, partyId, satisfies, draft, aware }) {
      o.out(o.c.bold(`  ${t('notify-to', { party: party ? text(party.name) : partyId })}`));
      if (satisfies.length) o.out(o.c.dim(`  ${t('notify-satisfies', { clocks: satisfies.join(', ') })}`));
      if (draft) o.out(o.c.dim(draft.split('\n').map((l) => `  │ ${sanitize(l)}`).join('\n')));
      const how = await choose(step, t('notify-sent-q'), [{ value: 'sent', name: t('notify-sent') }, { value: 'later', name: t('notify-later') }, { value: 'waive', name: t('notify-waive') }]);
      if (how === 'waive') return { waived: (await typed(step, t('notify-waive-reason'), nonEmpty)).trim() };
      if (how === 'later') {
        const reason = (await typed(step, t('defer-reason'), nonEmpty)).trim();
        const owner = (await typed(step, t('defer-owner'), () => true)).trim();
        throw new StepDeferred(reason, owner || undefined);
      }
      const OTHER = '\u0000other';
      let channel = await choose(step, t('notify-channel'), [...(party?.channels ?? []).map((c) => ({ value: c, name: c })), { value: OTHER, name: t('notify-channel-other') }]);
      if (channel === OTHER) channel = (await typed(step, t('notify-channel-name'), nonEmpty)).trim();
      const ref = (await typed(step, t('notify-ref'), () => true, '-')).trim() || '-';
      for (;;) {
        const raw = await typed(step, `${t('notify-at')} ${o.c.dim(`(${o.tz})`)}`, (v) => check(parseDatetime(v, clock())), 'now');
        const r = parseDatetime(raw, clock());
        const at = r.ok ? r.value : o.clock.now().toISOString();
        // A notice before the incident was known is usually a typo: ask, and ask for the time again if not.
        if (!beforeAware(at, aware) || await choose(step, t('notify-before-aware-q', { at, aware: aware ?? '' }), yesNo())) return { channel, ref, at };
      }
    },

    async record({ step, prompt, translate }) {
      if (!translate) return (await typed(step, text(prompt), nonEmpty)).trim();
      // Blank or "later" leaves it for later (a `translate` open item).
      o.out(o.c.dim(`  ${t('record-translate-why', { lang: LANG_NAMES[translate.lang] })}`));
      const v = (await typed(step, t('record-translate', { lang: LANG_NAMES[translate.lang] }), (x) => (x.length > MAX_NOTE ? t('input-too-long', { max: MAX_NOTE }) : true))).trim();
      return v.toLowerCase() === 'later' ? '' : v;
    },

    async offer({ step, clock: v }) {
      const state = v.status === 'overdue' ? t('clock-short-overdue', { left: formatSpan(v.leftMs ?? 0, o.lang) }) : t('clock-short-left', { left: formatSpan(v.leftMs ?? 0, o.lang) });
      o.out('');
      o.out(o.c.yellow.bold(`  ⚠  ${t('offer-notify', { clock: text(v.clock.title), state, step: step.title ? text(step.title) : step.id })}`));
      return (await select({ message: t('offer-notify', { clock: text(v.clock.title), state, step: step.id }), theme, choices: [{ value: true, name: t('offer-now') }, { value: false, name: t('offer-later') }] }));
    },
  };
}
