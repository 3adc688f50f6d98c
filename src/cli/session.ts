// Shared by `start` and `resume`: wire the journal, clock, prompter and presenter to the core
// runner, and turn the ways a walk-through can end into exit codes and hints.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { templatesDir } from '../adapters/dirs.js';
import { DateTime } from 'luxon';
import { clockEngine } from '../core/clocks/clocks.js';
import type { Party, Playbook } from '../core/playbook/schema.js';
import type { ClockSet } from '../core/playbook/schema.js';
import type { Inject } from '../core/session/answers.js';
import { scaledClock, simulatedClock, type SessionClock } from '../core/session/clock.js';
import { evaluatorFor } from '../core/session/evaluator.js';
import { AnswerError, runSession } from '../core/session/run.js';
import { scriptedPrompter } from '../core/session/scripted.js';
import { reduce, type State } from '../core/session/state.js';
import { isZone } from '../core/time/format.js';
import { durationMs } from '../core/time/duration.js';
import type { Journal } from '../adapters/journal.js';
import { terminalPresenter } from '../adapters/presenter.js';
import { terminalPrompter } from '../adapters/prompter.js';
import { EXIT, UserError } from '../errors.js';
import type { Context } from './context.js';

export interface Walk {
  ctx: Context;
  id: string;
  playbook: Playbook;
  clocks: ClockSet;
  parties: readonly Party[];
  journal: Journal;
  tz: string;
  actor: string;
  clock: SessionClock;
  exercise: boolean;
  answers?: Record<string, unknown>;
  /** templates/drafts of the playbook's folder. */
  draftsDir: string;
  injects?: readonly Inject[];
}

export function resolveTz(option: string | undefined, env: NodeJS.ProcessEnv): string {
  const tz = option ?? env.IRBOOK_TZ ?? env.TZ ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!isZone(tz)) throw new UserError(EXIT.usage, 'bad-tz', { tz });
  return tz;
}

/** The drafts beside a playbook: the templates folder of its playbooks folder (or --templates). */
export const draftsDir = (playbookFile: string, ctx: Context): string => join(templatesDir(dirname(playbookFile), ctx.opts.templates, ctx.env), 'drafts');

/** The session's clock: a drill clock at `speed`, a stepped one at `pace`, or real time. */
export function sessionClock(start: Date | undefined, o: { pace?: string; speed?: number }): SessionClock | undefined {
  if (o.speed !== undefined) return scaledClock(start ?? new Date(), o.speed);
  if (start !== undefined || o.pace !== undefined) return simulatedClock(start ?? new Date(), durationMs(o.pace ?? 'PT1M') ?? 60_000);
  return undefined;
}

export const dayOf = (now: Date, tz: string): string => DateTime.fromJSDate(now, { zone: tz }).toFormat('yyyyMMdd');

/** Render a notify step's draft from the journal so far, save it beside the journal, return it. */
async function draft(w: Walk, draftId: string, stepId: string, st: State): Promise<string | undefined> {
  // Loaded when the first draft is needed: the template engine stays out of start-up.
  const [{ checkDraft }, { renderDraft }] = await Promise.all([import('../adapters/template-fs.js'), import('../core/report/draft.js')]);
  const checked = checkDraft(join(w.draftsDir, `${draftId}.yaml`));
  if (!checked.value) return undefined;
  const { lang, text, gloss } = renderDraft(checked.value, w.playbook, st, w.journal.events, w.ctx.lang, w.tz);
  if (lang !== w.ctx.lang) w.ctx.out(w.ctx.c.dim(`  ${gloss}`));
  const dir = join(w.journal.dir, 'drafts');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `${stepId}.${lang}.txt`);
  writeFileSync(file, text, { mode: 0o600 });
  w.ctx.out(w.ctx.c.dim(`  ${w.ctx.t('draft-saved', { file })}`));
  return text;
}

/** Walk the session to its end. Returns the exit code; the journal is always closed. */
export async function walk(w: Walk): Promise<number> {
  const { ctx, journal } = w;
  const s = reduce(journal.events);
  const out = (line: string) => ctx.out(line);
  const deps = {
    playbook: w.playbook,
    parties: w.parties,
    ev: evaluatorFor(w.playbook),
    clocks: clockEngine(w.clocks),
    prompter: w.answers ? scriptedPrompter(w.answers, w.clock, w.tz) : terminalPrompter({ lang: ctx.lang, tz: w.tz, clock: w.clock, c: ctx.c, out }),
    presenter: terminalPresenter({ lang: ctx.lang, tz: w.tz, c: ctx.c, out, playbook: w.playbook, exercise: w.exercise, echo: w.answers !== undefined }),
    // A drill is marked in every event, so no excerpt of its journal passes for a real incident.
    append: (e: { type: string; data: object }) => journal.append({ at: w.clock.now().toISOString(), tz: w.tz, actor: w.actor, type: e.type, data: { ...e.data, ...(w.exercise ? { exercise: true } : {}) } as Record<string, unknown> }),
    now: () => w.clock.now(),
    tick: () => w.clock.tick(),
    draft: (draftId: string, stepId: string, st: State) => draft(w, draftId, stepId, st),
    ...(w.injects ? { injects: w.injects } : {}),
  };
  try {
    await runSession(deps, s);
    ctx.err(ctx.c.dim(ctx.t(w.exercise ? 'hint-report-drill' : 'hint-report', { id: w.id })));
    return EXIT.ok;
  } catch (e) {
    if (e instanceof AnswerError) {
      ctx.err(`irbook: ${ctx.t('answers-stopped', { step: e.step, detail: ctx.t(e.code, e.params) })}`);
      ctx.err(`  → ${ctx.t('hint-resume', { id: w.id })}`);
      return EXIT.usage;
    }
    if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) {
      ctx.err('');
      ctx.err(ctx.c.yellow(ctx.t('session-saved', { file: journal.file })));
      ctx.err(`  → ${ctx.t('hint-resume', { id: w.id })}`);
      return EXIT.cancelled;
    }
    throw e;
  } finally {
    journal.close();
  }
}
