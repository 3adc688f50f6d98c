// irbook resume INCIDENT: carry on an interrupted session from its journal, or take up the steps
// put off once the walk is over.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkedActor } from '../cli/actor.js';
import type { Context } from '../cli/context.js';
import type { Profile } from '../core/profile/schema.js';
import { resolveTz, walk } from '../cli/session.js';
import { recap } from '../adapters/recap.js';
import { draftsDir } from '../adapters/drafts.js';
import { playbooksDir } from '../adapters/dirs.js';
import { Journal, incidentDir, storeDir } from '../adapters/journal.js';
import { findPlaybook } from '../adapters/files.js';
import { findProfile } from '../adapters/profile-find.js';
import { sourceShas } from '../adapters/pinned.js';
import type { SessionEvent } from '../core/session/events.js';
import { changedFrom, planResume } from '../core/session/plan.js';
import { apply } from '../core/session/state.js';
import { EXIT, UserError } from '../errors.js';

export interface ResumeOptions { actor?: string; tz?: string; answers?: string; scenario?: string; allowChangedPlaybook?: boolean }

export async function run(ctx: Context, id: string, o: ResumeOptions): Promise<number> {
  // What only some resumes need loads only for them (an answers file, a changed playbook taken,
  // a profile): the validators behind it stay out of the time to the first prompt.
  const answers = o.answers ? (await import('../cli/answers-file.js')).readAnswers(ctx, o.answers) : undefined;
  if (!answers && !process.stdin.isTTY) throw new UserError(EXIT.usage, 'no-tty', {}, { code: 'see-help', params: { command: 'resume' } });
  const journal = Journal.open(incidentDir(storeDir(ctx.opts.store, ctx.env), id));
  try {
    // One fold of the events (from the checkpoint where it still stands), for the plan, the recap and the walk.
    const folded = journal.fold();
    const started = folded.state.started;
    if (!started) throw new UserError(EXIT.storage, 'not-a-session', { id });
    // The playbook by id from the playbooks folder, else the file recorded at the start.
    const byId = findPlaybook(started.playbook.id, playbooksDir(ctx.opts.playbooks, ctx.env))?.file ?? '';
    const file = existsSync(byId) ? byId : resolve(started.playbook.file);
    // The walk goes on with the model pinned in the journal: the files are only hashed, not parsed,
    // unless they changed and the change is taken, or the journal predates pinning.
    const pin = folded.pin ?? { sha256: { playbook: started.playbook.sha256 } };
    const now = existsSync(file) ? sourceShas(file) : undefined;
    const take = !pin.pinned || (now !== undefined && changedFrom(pin.sha256, now) !== undefined && (o.allowChangedPlaybook ?? false));
    const fresh = take ? (await import('../adapters/playbook-fs.js')).loadPlaybook(file, '', ctx.opts.templates) : undefined;
    const model = fresh ? { playbook: fresh.playbook, clocks: fresh.catalog.clocks, parties: fresh.catalog.parties } : pin.pinned;
    if (!model?.clocks) throw new UserError(EXIT.invalid, 'playbook-invalid', { file: 'clocks.yaml', errors: 1 });
    const { playbook, clocks, parties } = model;
    const current = now ?? pin.sha256;
    const plan = planResume(journal.events, {
      id, tz: resolveTz(o.tz ?? answers?.tz ?? started.timezone, ctx.env),
      actor: checkedActor(o.actor ?? answers?.actor ?? ctx.env.IRBOOK_ACTOR ?? started.responder),
      playbook: { id: playbook.id, version: playbook.version, sha256: current.playbook, ...(current.clocks ? { clocks: current.clocks } : {}), ...(current.parties ? { parties: current.parties } : {}) },
      allowChanged: o.allowChangedPlaybook ?? false, folded,
      ...(fresh && now ? { pinned: { playbook, clocks, parties, sha256: now } } : {}),
      ...(answers?.clock !== undefined ? { clock: answers.clock } : {}), ...(answers?.pace !== undefined ? { pace: answers.pace } : {}), ...(answers?.speed !== undefined ? { speed: answers.speed } : {}),
    });
    if (!plan.ok) throw plan.error;
    // The plan's state is the fold before its events: each is applied as it is journaled.
    const { state } = plan;
    for (const e of plan.events) apply(state, journal.append(e) as SessionEvent);
    const injects = [...(answers?.injects ?? []), ...(o.scenario ? (await import('../cli/answers-file.js')).readScenario(ctx, o.scenario).injects : [])];
    if (journal.repaired) ctx.err(ctx.c.yellow(ctx.t('journal-repaired-note', { line: journal.repaired.line, bytes: journal.repaired.bytes })));
    ctx.out(ctx.c.bold(ctx.t('session-resumed', { id, seq: journal.events.length })));
    recap(ctx, { playbook, clocks, state, events: journal.events, now: plan.clock.now(), tz: plan.stamp.tz });
    return await walk({
      ctx, id, playbook, clocks, parties, journal, state, stamp: plan.stamp, clock: plan.clock,
      draftsDir: draftsDir(file, ctx.opts.templates, ctx.env), ...(await withProfile(ctx)), takeUp: plan.takeUp, ...(injects.length ? { injects } : {}), ...(answers ? { answers } : {}),
    });
  } finally {
    journal.close();
  }
}

/** The organisation profile of the playbooks folder in use, for the drafts. */
async function withProfile(ctx: Context): Promise<{ profile?: Profile }> {
  const file = findProfile(playbooksDir(ctx.opts.playbooks, ctx.env), ctx.opts.profile, ctx.env);
  const profile = file ? (await import('../adapters/profile-fs.js')).loadProfile(file) : undefined;
  return profile ? { profile } : {};
}
