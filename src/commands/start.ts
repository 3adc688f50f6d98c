// irbook start PLAYBOOK: open a new incident and walk the responder through it.
import { userInfo } from 'node:os';
import { basename, relative } from 'node:path';
import { checkedActor } from '../cli/actor.js';
import type { Context } from '../cli/context.js';
import { startZone, walk } from '../cli/session.js';
import { draftsDir } from '../adapters/drafts.js';
import { playbooksDir } from '../adapters/dirs.js';
import { Journal, createIncident, storeDir } from '../adapters/journal.js';
import { loadValidated } from '../adapters/playbook-cache.js';
import { findProfile } from '../adapters/profile-find.js';
import { siteCode } from '../adapters/site.js';
import { gitInfo } from '../adapters/provenance.js';
import { planStart } from '../core/session/plan.js';
import { trackedByGit } from '../adapters/git-ignored.js';
import { EXIT, UserError } from '../errors.js';

export interface StartOptions { actor?: string; tz?: string; exercise?: boolean; answers?: string; clock?: string; pace?: string; speed?: string; scenario?: string }

export async function run(ctx: Context, ref: string, o: StartOptions): Promise<number> {
  // An unknown playbook is reported before a missing terminal: it is the first thing to fix.
  const { file, playbook, clocks, parties, sha256: shas } = await loadValidated(ref, playbooksDir(ctx.opts.playbooks, ctx.env), ctx.opts.templates, ctx.env);
  const git = gitInfo(file);
  // Answer and scenario files are checked with zod: loaded only when one is given.
  const answers = o.answers ? (await import('../cli/answers-file.js')).readAnswers(ctx, o.answers) : undefined;
  if (!answers && !process.stdin.isTTY) throw new UserError(EXIT.usage, 'no-tty', {}, { code: 'see-help', params: { command: 'start' } });
  if (!clocks || !shas) throw new UserError(EXIT.invalid, 'playbook-invalid', { file: 'clocks.yaml', errors: 1 });
  const pbDir = playbooksDir(ctx.opts.playbooks, ctx.env);
  const profileFile = findProfile(pbDir, ctx.opts.profile, ctx.env);
  const profile = profileFile ? (await import('../adapters/profile-fs.js')).loadProfile(profileFile) : undefined;
  const tz = await startZone(o.tz ?? answers?.tz, ctx.env, ctx, !answers, profile?.timezone);
  // Every input is read before the incident exists: a bad file leaves nothing behind.
  const injects = [...(answers?.injects ?? []), ...(o.scenario ? (await import('../cli/answers-file.js')).readScenario(ctx, o.scenario).injects : [])];
  const store = storeDir(ctx.opts.store, ctx.env);
  let dir = '';
  const provenance = await git;
  const plan = planStart({
    playbook: { id: playbook.id, version: playbook.version, sha256: shas.playbook, file: relative(process.cwd(), file) || file, ...provenance },
    model: { playbook, clocks, parties, sha256: { clocks: shas.clocks, parties: shas.parties } },
    actor: checkedActor(o.actor ?? answers?.actor ?? ctx.env.IRBOOK_ACTOR ?? userInfo().username),
    locale: ctx.lang, tz, exercise: o.exercise ?? answers?.exercise ?? false,
    ...defined({ clock: o.clock ?? answers?.clock, pace: o.pace ?? answers?.pace, speed: o.speed ?? answers?.speed }),
  }, (day) => {
    const made = createIncident(store, day, siteCode(store, ctx.env, { site: profile?.site }));
    dir = made.dir;
    return made.id;
  });
  if (!plan.ok) throw plan.error;
  // After the incident's folder exists: an ignore rule such as `incidents/` matches folders only.
  // git answers while the first events are written.
  const tracked = trackedByGit(store);
  const journal = Journal.open(dir, { create: true, actor: plan.stamp.actor });
  for (const e of plan.events) journal.append(e);
  if (await tracked) ctx.err(ctx.c.yellow(ctx.t('store-not-ignored', { store, entry: `${basename(store)}/` })));
  ctx.out(ctx.c.bold(ctx.t('session-started', { id: plan.incident, playbook: playbook.id, version: playbook.version, file: journal.file })));
  return walk({
    ctx, id: plan.incident, playbook, clocks, parties, journal, stamp: plan.stamp, clock: plan.clock,
    draftsDir: draftsDir(file, ctx.opts.templates, ctx.env), ...(profile ? { profile } : {}), ...(injects.length ? { injects } : {}), ...(answers ? { answers } : {}),
  });
}

const defined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
