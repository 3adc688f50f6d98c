// What the responder sees between prompts: where they are (stage and step), skipped steps, and
// the reporting clocks with the time left after every step.
import type { ChalkInstance } from 'chalk';
import { isOpen, type ClockView } from '../core/clocks/clocks.js';
import { describeEvent } from '../core/session/describe.js';
import { pick, type Lang, type Text } from '../core/i18n/lang.js';
import { message } from '../core/i18n/messages.js';
import { STAGE_IDS } from '../core/playbook/constants.js';
import type { Playbook } from '../core/playbook/schema.js';
import type { Presenter } from '../core/session/run.js';
import type { OpenItem } from '../core/session/open-items.js';
import { byTimeLeft } from '../core/session/summary.js';
import { echoNumber } from '../core/session/number-echo.js';
import { crossingLines, type Threshold } from '../core/session/thresholds.js';
import { formatSpan, formatTime } from '../core/time/format.js';
import { sanitize } from '../core/text/sanitize.js';

export interface PresenterOptions {
  lang: Lang; tz: string; c: ChalkInstance; out(line: string): void; playbook: Playbook; exercise: boolean; echo: boolean;
  /** The playbook's numeric thresholds: an echoed number notes the ones it crosses (answers files are not asked). */
  thresholds?: readonly Threshold[];
}

export function clockLine(v: ClockView, lang: Lang, tz: string, c: ChalkInstance): string | undefined {
  const t = (code: string, p: Record<string, string | number>) => message(code, p, lang);
  const title = pick(v.clock.title, lang);
  const left = formatSpan(v.leftMs ?? 0, lang);
  const due = v.due ? formatTime(v.due, tz, 'short') : '';
  switch (v.status) {
    case 'running': return c.green(`⏱  ${t('clock-left', { title, left, due })}`);
    case 'warning': return c.yellow.bold(`⚠  ${t('clock-left', { title, left, due })}`);
    case 'overdue': return c.red.bold(`✖  ${t('clock-overdue', { title, left, due })}`);
    case 'met': return c.dim(`✓  ${t('clock-met', { title, at: formatTime(v.satisfiedAt ?? '', tz, 'short') })}`);
    case 'late': return c.red(`✓  ${t('clock-late', { title, at: formatTime(v.satisfiedAt ?? '', tz, 'short'), left })}`);
    case 'waived': return c.dim(`–  ${title}: ${t('r-waived', {})}${v.reason ? ` (${sanitize(v.reason)})` : ''}`);
    case 'undetermined': return undefined;
    case 'not-applicable': return undefined;
  }
}

/** An open item on one line: what, which step or fact, why, who, by when. */
export function itemLine(i: OpenItem, lang: Lang, tz: string, c: ChalkInstance): string {
  const t = (code: string, p: Record<string, string | number> = {}) => message(code, p, lang);
  const what = t(i.kind === 'unknown' ? 'item-unknown-fact' : `item-${i.kind}`);
  const subject = [i.step, i.fact, i.party].filter(Boolean).join(' · ');
  const tail = [i.reason, i.owner ? `→ ${i.owner}` : undefined, i.due ? t('item-due', { due: formatTime(i.due, tz, 'short') }) : undefined].filter(Boolean).join(' · ');
  const mark = i.kind === 'review' || i.kind === 'correction' || i.kind === 'conflict' ? c.yellow('!') : c.dim('○');
  return `${mark} ${c.bold(what)}  ${subject}${tail ? c.dim(`  ${tail}`) : ''}`;
}

// Others' events before a prompt: the latest ones, so a burst from another terminal stays short.
const OTHERS_SHOWN = 8;

// In a run from an answers file, what was answered is echoed; at a prompt, the prompt shows it.
const EchoTypes = new Set(['fact.recorded', 'check.done', 'decision.made', 'notify.sent', 'notify.waived', 'record.written', 'fact.amended', 'decision.revised', 'step.deferred']);

export function terminalPresenter(o: PresenterOptions): Presenter {
  const t = (code: string, p: Record<string, string | number> = {}) => message(code, p, o.lang);
  const stageName = (id: string) => {
    const st = o.playbook.stages.find((s) => s.id === id);
    return st?.title ? pick(st.title, o.lang) : t(`stage-${id}`);
  };
  const drill = o.exercise ? o.c.bgMagenta.white.bold(` ${t('exercise-mark')} `) + ' ' : '';
  let shown = '';
  let lastClocks = '';
  return {
    show(n) {
      if (n.kind === 'enter-stage') {
        const num = STAGE_IDS.indexOf(n.stage) + 1;
        o.out('');
        o.out(drill + o.c.bold.inverse(` ${t('stage-header', { n: num, stage: stageName(n.stage) })} `) + o.c.dim(`  ${pick(o.playbook.title, o.lang)}`));
      } else if (n.kind === 'step') {
        const key = `${n.step.id}`;
        if (key === shown) return;
        shown = key;
        const head = `${stageName(n.stage)} · ${t('step-header', { n: n.at.step + 1, of: n.at.steps })}`;
        const what = n.step.title ? ` ${pick(n.step.title, o.lang)}` : '';
        o.out('');
        o.out(drill + o.c.bold(`▶ ${head}`) + o.c.dim(`  [${n.step.id}]`) + what + (n.step.owner ? o.c.dim(`  (${n.step.owner})`) : ''));
      } else if (n.kind === 'skip') {
        o.out(o.c.dim(`  ↷ ${t('step-skipped', { step: n.step.id, guard: n.guard })}`));
      } else if (n.kind === 'complete-stage') {
        o.out(o.c.green(t('stage-done', { stage: stageName(n.stage) })));
      } else if (n.kind === 'close') {
        o.out('');
        o.out(o.c.green.bold(t('session-closed')));
      }
    },
    // The running clocks when they change (one starts, one is met, a warning point passes);
    // warnings and overdue clocks after every step, so they cannot be missed.
    clocks(views) {
      const open = views.filter(isOpen).sort(byTimeLeft);
      const signature = open.map((v) => `${v.clock.id}:${v.status}`).join(' ');
      if (signature !== lastClocks) {
        lastClocks = signature;
        for (const v of open) o.out(`  ${clockLine(v, o.lang, o.tz, o.c) ?? ''}`);
        return;
      }
      // Unchanged: one line, and only for deadlines that are near or past.
      const urgent = open.filter((v) => v.status !== 'running');
      if (urgent.length) {
        const list = urgent.map((v) => `${pick(v.clock.title, o.lang)} (${t(v.status === 'overdue' ? 'clock-short-overdue' : 'clock-short-left', { left: formatSpan(v.leftMs ?? 0, o.lang) })})`);
        o.out(o.c.yellow(`  ⚠  ${list.join(' · ')}`));
      }
    },
    others(events, answered) {
      const shown = events.slice(-OTHERS_SHOWN);
      if (events.length > shown.length) o.out(o.c.dim(`  ⇠ ${t('others-earlier', { n: events.length - shown.length })}`));
      for (const e of shown) o.out(o.c.cyan(`  ⇠ ${sanitize(e.actor)} · ${sanitize(e.type)} · ${sanitize(describeEvent(e, o.lang, o.tz))}`));
      if (!answered) return;
      const by = events.filter((e) => (e.data as { step?: unknown }).step === answered.id);
      // The step is named once: a line that starts with it (a checklist's) drops it.
      const lead = `${answered.id} · `;
      const what = by.map((e) => describeEvent(e, o.lang, o.tz)).map((d) => sanitize(d.startsWith(lead) ? d.slice(lead.length) : d)).join(' · ');
      o.out(o.c.yellow(`  ↷ ${t('answered-by', { who: sanitize(by.at(-1)?.actor ?? '?'), step: answered.id, what })}`));
    },
    event(e) {
      if (e.type === 'inject.shown') {
        const text = pick(e.data.text as Text, o.lang);
        o.out('');
        o.out(o.c.bgYellow.black.bold(` ${t('inject-heading', { after: String(e.data.after) })} `) + ' ' + o.c.yellow.bold(sanitize(text)));
        return;
      }
      if (!o.echo || !EchoTypes.has(e.type)) return;
      o.out(o.c.dim(`  · ${sanitize(describeEvent(e, o.lang, o.tz))}`));
      const d = e.data as { fact?: unknown; value?: unknown };
      if ((e.type === 'fact.recorded' || e.type === 'fact.amended') && typeof d.value === 'number' && typeof d.fact === 'string') {
        o.out(o.c.dim(`    = ${echoNumber(d.value, d.fact, o.lang)}`));
        for (const l of crossingLines(o.thresholds ?? [], d.fact, d.value, o.lang)) o.out(o.c.yellow(`    ⚠  ${l}`));
      }
    },
  };
}
