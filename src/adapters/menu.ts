// The incident menu, opened from any prompt of the walk: deadlines by time left, open items,
// correct an earlier answer, put this step off, take up another step now, a note, evidence, leave.
// What it records goes through the same core checks as `irbook amend` / `note` / `evidence`.
import { statSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { input, select } from '@inquirer/prompts';
import type { ChalkInstance } from 'chalk';
import { clockViews, isOpen, type ClockEngine } from '../core/clocks/clocks.js';
import { pick, type Lang } from '../core/i18n/lang.js';
import { message } from '../core/i18n/messages.js';
import type { Playbook, Step } from '../core/playbook/schema.js';
import { amend } from '../core/session/changes.js';
import type { Evaluator } from '../core/session/evaluator.js';
import { ev, type NewEvent } from '../core/session/events.js';
import { pending } from '../core/session/next.js';
import { openItems } from '../core/session/open-items.js';
import { StepDeferred, TakeUp } from '../core/session/run.js';
import type { State } from '../core/session/state.js';
import { byTimeLeft } from '../core/session/summary.js';
import { sha256File } from './provenance.js';
import { clockLine, itemLine } from './presenter.js';

export interface MenuDeps {
  lang: Lang; tz: string; c: ChalkInstance; out(line: string): void;
  playbook: Playbook; ev: Evaluator; clocks: ClockEngine;
  /** The live state of the walk (the runner keeps it up to date). */
  state: State;
  now(): Date;
  /** Append to the journal and to the state. */
  add(e: NewEvent): void;
}

const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') : String(v));

export function incidentMenu(d: MenuDeps): (step: Step) => Promise<void> {
  const t = (code: string, p: Record<string, string | number> = {}) => message(code, p, d.lang);
  const nonEmpty = (v: string) => (v.trim() ? true : t('input-empty'));
  const views = () => clockViews(d.clocks, d.state, d.now());

  async function amendOne(): Promise<void> {
    const s = d.state;
    const facts = Object.keys(d.playbook.facts).filter((f) => f in s.facts || s.unknown.has(f)).map((f) => ({ value: f, name: `${f} = ${f in s.facts ? show(s.facts[f]) : t('answer-unknown')}` }));
    const decisions = s.decisions.map((x) => ({ value: x.step, name: `${x.step} → ${show(x.answer)}` }));
    const name = await select({ message: t('amend-which'), choices: [...facts, ...decisions] });
    const current = name in s.facts ? s.facts[name] : s.decisions.find((x) => x.step === name)?.answer;
    // The value is checked with a placeholder reason; the reason is asked next.
    const value = await input({ message: t('amend-value', { value: show(current ?? t('answer-unknown')) }), validate: (v) => {
      const r = amend(d.playbook, s, name, v, '-', { now: d.now(), tz: d.tz });
      return r.ok ? true : t(r.error.code, r.error.params);
    } });
    const reason = await input({ message: t('amend-reason'), validate: nonEmpty });
    const r = amend(d.playbook, s, name, value, reason, { now: d.now(), tz: d.tz });
    if (r.ok) d.add(r.event);
  }

  async function takeUp(current: Step): Promise<never | void> {
    const urgent = new Set(views().filter((v) => v.status === 'overdue' || v.status === 'warning').map((v) => v.clock.id));
    const steps = d.playbook.stages.flatMap((st) => st.steps).filter((x) => x.id !== current.id && pending(x, d.state, true));
    const first = (x: Step) => (x.notify?.satisfies?.some((c) => urgent.has(c)) ? 0 : x.notify ? 1 : 2);
    const choices = steps.sort((a, b) => first(a) - first(b)).map((x) => ({ value: x.id, name: `${first(x) === 0 ? '⚠ ' : ''}${x.id}${x.title ? `  ${pick(x.title, d.lang)}` : ''}` }));
    if (!choices.length) return d.out(`  ${t('menu-none')}`);
    throw new TakeUp(await select({ message: t('take-up-which'), choices }));
  }

  return async (step) => {
    for (;;) {
      const action = await select({ message: t('menu-title'), choices: ['deadlines', 'items', 'amend', 'defer', 'take-up', 'note', 'evidence', 'leave', 'back'].map((a) => ({ value: a, name: t(`menu-${a}`) })) });
      if (action === 'back') return;
      if (action === 'deadlines') {
        const lines = views().filter((v) => v.status !== 'not-applicable').sort(byTimeLeft).map((v) => clockLine(v, d.lang, d.tz, d.c)).filter(Boolean);
        d.out(`  ${t('clocks-heading', { tz: d.tz })}:`);
        for (const l of lines.length ? lines : [t('menu-none')]) d.out(`    ${l}`);
      } else if (action === 'items') {
        const items = openItems(d.playbook, d.state, views().filter(isOpen), d.ev);
        d.out(`  ${t('items-heading', { n: items.length })}:`);
        for (const i of items) d.out(`    ${itemLine(i, d.lang, d.tz, d.c)}`);
      } else if (action === 'amend') await amendOne();
      else if (action === 'defer') {
        const reason = (await input({ message: t('defer-reason'), validate: nonEmpty })).trim();
        const owner = (await input({ message: t('defer-owner') })).trim();
        throw new StepDeferred(reason, owner || undefined);
      } else if (action === 'take-up') await takeUp(step);
      else if (action === 'note') d.add(ev('note.added', { text: (await input({ message: t('note-text'), validate: nonEmpty })).trim() }));
      else if (action === 'evidence') {
        const path = resolvePath((await input({ message: t('evidence-path'), validate: (v) => {
          try { return statSync(resolvePath(v.trim())).isFile() ? true : t('evidence-unreadable', { path: v, detail: 'EISDIR' }); } catch (e) { return t('evidence-unreadable', { path: v, detail: (e as NodeJS.ErrnoException).code ?? String(e) }); }
        } })).trim());
        d.add(ev('evidence.added', { path, sha256: sha256File(path), bytes: statSync(path).size }));
      } else if (action === 'leave') throw Object.assign(new Error('left from the incident menu'), { name: 'ExitPromptError' });
    }
  };
}
