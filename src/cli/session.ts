// Shared by `start` and `resume`: wire the journal, clock, prompter and presenter to the core
// runner. The ways a walk can stop become user errors for the single catch in cli/main.ts.
import { clockEngine } from '../core/clocks/clocks.js';
import type { ClockSet, Party, Playbook, Step } from '../core/playbook/schema.js';
import type { Profile } from '../core/profile/schema.js';
import type { Answers, Inject } from '../core/session/answers.js';
import { amendsAfter } from '../core/session/changes.js';
import { sessionZone } from '../core/session/plan.js';
import { thresholdsOf } from '../core/session/thresholds.js';
import type { SessionClock } from '../core/session/clock.js';
import { evaluatorFor } from '../core/session/evaluator.js';
import { stamp, type NewEvent, type SessionEvent, type Stamp } from '../core/session/events.js';
import { AnswerError, runSession } from '../core/session/run.js';
import { scriptedPrompter } from '../core/session/scripted.js';
import { apply, reduce, type State } from '../core/session/state.js';
import { isZone } from '../core/time/format.js';
import { writeDraft } from '../adapters/drafts.js';
import { playbooksDir } from '../adapters/dirs.js';
import { storeDir, writerId, type Journal } from '../adapters/journal.js';
import { seal, sealsNoticeTo } from '../adapters/seal.js';
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
  /** The fold of the journal's events, where the caller has it (the walk changes it). */
  state?: State;
  /** Zone, actor and drill mark of every event; the time comes from `clock`. */
  stamp: Stamp;
  clock: SessionClock;
  answers?: Answers;
  /** templates/drafts of the playbook's folder. */
  draftsDir: string;
  /** The organisation profile: drafts name the operator, its contact and reporter. */
  profile?: Profile;
  injects?: readonly Inject[];
  /** Steps taken up before the walk goes on (deferred ones, on resume). */
  takeUp?: readonly string[];
}

export function resolveTz(option: string | undefined, env: NodeJS.ProcessEnv): string {
  return checkZone(option ?? env.IRBOOK_TZ ?? env.TZ ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** The zone itself, or a usage error naming it. */
export const checkZone = (tz: string): string => {
  if (!isZone(tz)) throw new UserError(EXIT.usage, 'bad-tz', { tz });
  return tz;
};

/** A new session's zone (see sessionZone); at a terminal, a machine on UTC makes the responder choose. */
export async function startZone(given: string | undefined, env: NodeJS.ProcessEnv, ctx: Context, interactive: boolean, profile?: string): Promise<string> {
  const z = sessionZone({ profile, given: given ?? env.IRBOOK_TZ ?? env.TZ, machine: Intl.DateTimeFormat().resolvedOptions().timeZone });
  if (!z.ask || !interactive) return checkZone(z.zone);
  const { askZone } = await import('../adapters/zone-prompt.js');
  return checkZone(await askZone(ctx.lang));
}

const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** `irbook resume ID`, with --store / --playbooks when they are not the defaults, so it works as typed. */
export function resumeCommand(ctx: Pick<Context, 'opts' | 'env'>, id: string): string {
  const parts = ['irbook', 'resume', id];
  const store = storeDir(ctx.opts.store, ctx.env);
  if (store !== storeDir(undefined, {})) parts.push('--store', quote(store));
  const playbooks = playbooksDir(ctx.opts.playbooks, ctx.env);
  if (playbooks !== playbooksDir(undefined, {})) parts.push('--playbooks', quote(playbooks));
  return parts.join(' ');
}

/**
 * With a signing key (IRBOOK_SIGNING_KEY), each notice to an authority or the police is sealed as
 * it is made (the same seal `irbook seal` writes). The notice is in the journal before: a seal that
 * fails is a warning saying how to seal later, never a lost event.
 */
function noticeSealer(w: Walk): (e: SessionEvent) => void {
  const key = w.ctx.env.IRBOOK_SIGNING_KEY;
  if (!key) return () => undefined;
  return (e) => {
    if (e.type !== 'notify.sent') return;
    const party = w.parties.find((p) => p.id === e.data.party);
    if (!sealsNoticeTo(party)) return;
    const { ctx, journal } = w;
    try {
      const file = seal(journal.dir, w.id, journal.heads(), key, writerId(w.stamp.actor));
      ctx.out(ctx.c.dim(`  ${ctx.t('sealed-notice', { party: String(e.data.party), file })}`));
    } catch (err) {
      const detail = err instanceof UserError ? ctx.t(err.code, err.params) : (err as Error).message;
      ctx.err(ctx.c.yellow(`irbook: ${ctx.t('seal-notice-failed', { party: String(e.data.party), detail, id: w.id })}`));
    }
  };
}

/** Walk the session to its end; the journal is always closed. */
export async function walk(w: Walk): Promise<number> {
  const { ctx, journal } = w;
  const s = w.state ?? reduce(journal.events);
  const out = (line: string) => ctx.out(line);
  const tz = w.stamp.tz;
  const ev = evaluatorFor(w.playbook);
  const clocks = clockEngine(w.clocks);
  const thresholds = thresholdsOf(w.playbook, w.clocks, ctx.lang);
  const presenter = terminalPresenter({ lang: ctx.lang, tz, c: ctx.c, out, playbook: w.playbook, exercise: w.stamp.exercise ?? false, echo: w.answers !== undefined, thresholds });
  const sealNotice = noticeSealer(w);
  const append = (e: NewEvent) => {
    const stored = journal.append(stamp(e, { ...w.stamp, at: w.clock.now().toISOString() }));
    sealNotice(stored);
    return stored;
  };
  // The menu's code loads when it is first opened: it stays out of the time to the first prompt.
  const menu = async (step: Step) => (await import('../adapters/menu.js')).incidentMenu({
    lang: ctx.lang, tz, c: ctx.c, out, playbook: w.playbook, ev, clocks, state: s, now: () => w.clock.now(),
    add: (e) => { const stored = append(e); apply(s, stored); presenter.event(stored); },
  })(step);
  // Others' events since the last prompt (other writers', or this writer's from another terminal):
  // a cursor of the chains' heads, moved on each read.
  let seen = journal.cursor();
  const others = () => {
    const news = journal.othersSince(seen);
    if (news.length) seen = journal.cursor();
    return news.map((x) => x.event);
  };
  const deps = {
    playbook: w.playbook,
    parties: w.parties,
    ev,
    clocks,
    prompter: w.answers ? scriptedPrompter(w.answers.answers, w.clock, tz, w.answers.translations) : terminalPrompter({ lang: ctx.lang, tz, clock: w.clock, c: ctx.c, out, clockFacts: new Set(Object.keys(w.clocks.facts)), thresholds, menu }),
    presenter,
    append,
    now: () => w.clock.now(),
    tick: () => w.clock.tick(),
    draft: async (draftId: string, stepId: string, st: State) => {
      const d = await writeDraft({ dir: w.draftsDir, journalDir: journal.dir, playbook: w.playbook, lang: ctx.lang, tz, ...(w.profile ? { profile: w.profile } : {}) }, draftId, stepId, st, journal.events);
      if (!d) return undefined;
      if ('failed' in d) {
        ctx.err(ctx.c.yellow(`irbook: ${ctx.t('draft-failed', { file: d.file, detail: d.failed })}`));
        return undefined;
      }
      if (d.lang !== ctx.lang) ctx.out(ctx.c.dim(`  ${d.gloss}`));
      ctx.out(ctx.c.dim(`  ${ctx.t('draft-saved', { file: d.file })}`));
      return d.text;
    },
    ...(w.injects ? { injects: w.injects } : {}),
    others,
    refold: () => reduce(journal.events),
  };
  const after = w.answers?.amend?.length ? amendsAfter(w.playbook, w.answers.amend, () => ({ now: w.clock.now(), tz })) : undefined;
  const hint = { code: 'hint-resume-cmd', params: { command: resumeCommand(ctx, w.id) } };
  try {
    await runSession({ ...deps, ...(after ? { after } : {}) }, s, { ...(w.takeUp ? { takeUp: w.takeUp } : {}) });
    ctx.err(ctx.c.dim(ctx.t(w.stamp.exercise ? 'hint-report-drill' : 'hint-report', { id: w.id })));
    return EXIT.ok;
  } catch (e) {
    if (e instanceof AnswerError) throw new UserError(EXIT.usage, 'answers-stopped', { step: e.step, detail: ctx.t(e.code, e.params) }, hint);
    if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) {
      throw new UserError(EXIT.cancelled, 'session-saved', { file: journal.file }, hint);
    }
    throw e;
  } finally {
    journal.close();
  }
}
