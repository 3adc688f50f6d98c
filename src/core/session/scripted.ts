// A prompter that answers from an answers file (keyed by step id). A missing or unusable answer
// stops the run with an AnswerError naming the step; the journal keeps what was done.
import { optionId } from '../playbook/constants.js';
import type { Lang } from '../i18n/lang.js';
import type { Fact } from '../playbook/schema.js';
import type { SessionClock } from './clock.js';
import { MAX_NOTE, beforeAware, parseBoolean, parseDatetime, parseFact, type Parsed } from './input.js';
import { AnswerError, StepDeferred, type Prompter } from './run.js';
import { UNKNOWN } from './kinds/ask.js';

type Map = Record<string, unknown>;
const isMap = (v: unknown): v is Map => typeof v === 'object' && v !== null && !Array.isArray(v);
const kind = (v: unknown) => (Array.isArray(v) ? 'list' : isMap(v) ? 'mapping' : typeof v);
/** A text field of an answer: a string (or a number, as YAML may read a reference like 12345), never a list or mapping. */
function textOf(step: string, field: string, v: unknown, fallback: string): string {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'string' && typeof v !== 'number') throw new AnswerError(step, 'answer-not-text', { field, got: kind(v) });
  const s = String(v).trim();
  if (s.length > MAX_NOTE) throw new AnswerError(step, 'input-too-long', { max: MAX_NOTE });
  return s;
}

/** `translations`: record texts in other languages by step and language (answers file `translations:`). */
export function scriptedPrompter(answers: Record<string, unknown>, clock: SessionClock, tz: string, translations: Partial<Record<string, Partial<Record<Lang, string>>>> = {}): Prompter {
  // With a simulated clock, a time the file states that lies ahead of the clock moves the clock on.
  const typed = (fact: Fact | 'datetime', raw: unknown): Parsed => {
    const parse = (now: Date) => (fact === 'datetime' ? parseDatetime(raw, { now, tz }) : parseFact(fact, raw, { now, tz }));
    const r = parse(clock.now());
    if (r.ok || r.code !== 'input-future' || !clock.simulated) return r;
    const later = parse(new Date(8.64e15));
    if (later.ok) clock.advanceTo(new Date(String(later.value)));
    return later;
  };
  const get = (step: string): unknown => {
    if (!(step in answers)) throw new AnswerError(step, 'answer-missing');
    return answers[step];
  };
  return {
    // `{defer: {reason, owner?, until?}}` puts any step off (→ step.deferred).
    deferral(step) {
      const a = answers[step.id];
      if (!isMap(a) || !('defer' in a)) return undefined;
      const d = a.defer;
      if (!isMap(d) || typeof d.reason !== 'string' || !d.reason.trim()) throw new AnswerError(step.id, 'reason-required');
      return new StepDeferred(d.reason.trim(), typeof d.owner === 'string' ? d.owner : undefined, typeof d.until === 'string' ? d.until : undefined);
    },
    async fact({ step, name, fact }) {
      const a = get(step.id);
      if (!isMap(a) || !(name in a)) throw new AnswerError(step.id, 'answer-missing-fact', { fact: name });
      if (fact.unknown_ok && a[name] === 'unknown') return UNKNOWN;
      const r = typed(fact, a[name]);
      if (!r.ok) throw new AnswerError(step.id, r.code, { ...r.params, fact: name });
      return r.value;
    },
    async check({ step, index }) {
      const a = get(step.id);
      const item = Array.isArray(a) ? a[index] : a;
      if (item === undefined) throw new AnswerError(step.id, 'answer-missing-item', { item: index + 1 });
      if (isMap(item) && typeof item.skip === 'string') return { skipped: true, reason: item.skip };
      if (item === 'skip') return { skipped: true };
      if (item === 'not-yet') return { notYet: true };
      if (item === 'done' || item === true) return {};
      throw new AnswerError(step.id, 'answer-check');
    },
    async decide({ step, options, recommended }) {
      const a = get(step.id);
      const raw = isMap(a) ? a.answer : a;
      const reason = isMap(a) && typeof a.reason === 'string' ? a.reason : undefined;
      let answer: unknown;
      if (Array.isArray(raw) || isMap(raw)) throw new AnswerError(step.id, 'input-not-scalar', { got: kind(raw) });
      if (options) {
        const ids = options.map(optionId);
        if (!ids.includes(String(raw))) throw new AnswerError(step.id, 'input-choice', { options: ids.join(', ') });
        answer = String(raw);
      } else {
        const b = parseBoolean(raw);
        if (!b.ok) throw new AnswerError(step.id, b.code);
        answer = b.value;
      }
      if (recommended !== undefined && answer !== recommended && !reason?.trim()) throw new AnswerError(step.id, 'answer-reason-required');
      return { answer, ...(reason ? { reason } : {}) };
    },
    async notify({ step, aware }) {
      const a = get(step.id);
      if (!isMap(a)) throw new AnswerError(step.id, 'answer-notify');
      if ('waived' in a) {
        if (typeof a.waived !== 'string' || !a.waived.trim()) throw new AnswerError(step.id, 'answer-reason-required');
        return { waived: a.waived.trim() };
      }
      const at = a.at === undefined ? { ok: true as const, value: clock.now().toISOString() } : typed('datetime', a.at);
      if (!at.ok) throw new AnswerError(step.id, at.code, at.params);
      if (beforeAware(String(at.value), aware) && a.confirm_before_aware !== true) throw new AnswerError(step.id, 'answer-before-aware', { at: String(at.value), aware: aware ?? '' });
      return { channel: textOf(step.id, 'channel', a.channel, ''), ref: textOf(step.id, 'ref', a.ref, ''), at: String(at.value) };
    },
    async record({ step, translate }) {
      if (translate) return textOf(step.id, `translations.${translate.lang}`, translations[step.id]?.[translate.lang], '');
      const a = get(step.id);
      if (typeof a !== 'string' || !a.trim()) throw new AnswerError(step.id, 'input-empty');
      return textOf(step.id, 'record', a, '');
    },
  };
}
