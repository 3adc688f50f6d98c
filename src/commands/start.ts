// irbook start PLAYBOOK: open a new incident and walk the responder through it.
import { userInfo } from 'node:os';
import { relative } from 'node:path';
import type { Context } from '../cli/context.js';
import { readAnswers, readScenario } from '../cli/answers-file.js';
import { dayOf, draftsDir, resolveTz, sessionClock, walk } from '../cli/session.js';
import { playbooksDir } from '../adapters/dirs.js';
import { Journal, createIncident, storeDir } from '../adapters/journal.js';
import { loadPlaybook } from '../adapters/playbook-fs.js';
import { siteCode } from '../adapters/site.js';
import { gitInfo, sha256File } from '../adapters/provenance.js';
import { realClock } from '../core/session/clock.js';
import type { Started } from '../core/session/events.js';
import { parseDatetime } from '../core/session/input.js';
import { durationMs } from '../core/time/duration.js';
import { EXIT, UserError } from '../errors.js';

export interface StartOptions { actor?: string; tz?: string; exercise?: boolean; answers?: string; clock?: string; pace?: string; speed?: string; scenario?: string }

export async function run(ctx: Context, ref: string, o: StartOptions): Promise<number> {
  const answers = o.answers ? readAnswers(ctx, o.answers) : undefined;
  if (!answers && !process.stdin.isTTY) throw new UserError(EXIT.usage, 'no-tty', {}, { code: 'see-help', params: { command: 'start' } });
  const { file, playbook, catalog } = loadPlaybook(ref, playbooksDir(ctx.opts.playbooks, ctx.env), ctx.opts.templates);
  if (!catalog.clocks) throw new UserError(EXIT.invalid, 'playbook-invalid', { file: 'clocks.yaml', errors: 1 });
  const tz = resolveTz(o.tz ?? answers?.tz, ctx.env);
  const actor = o.actor ?? answers?.actor ?? ctx.env.IRBOOK_ACTOR ?? userInfo().username;
  const exercise = o.exercise ?? answers?.exercise ?? false;

  const start = o.clock ?? answers?.clock;
  let startAt: Date | undefined;
  if (start !== undefined) {
    const t = parseDatetime(start, { now: new Date(8.64e15), tz });
    if (!t.ok) throw new UserError(EXIT.usage, t.code, { ...t.params });
    startAt = new Date(t.value);
  }
  const speed = o.speed !== undefined ? Number(o.speed) : answers?.speed;
  if (speed !== undefined && !(speed > 0 && speed <= 100_000)) throw new UserError(EXIT.usage, 'bad-speed', { speed: String(o.speed) });
  const pace = o.pace ?? answers?.pace;
  if (pace !== undefined && durationMs(pace) === undefined) throw new UserError(EXIT.usage, 'bad-duration', { value: pace });
  const clock = sessionClock(startAt, { ...(pace ? { pace } : {}), ...(speed ? { speed } : {}) }) ?? realClock();
  const injects = [...(answers?.injects ?? []), ...(o.scenario ? readScenario(ctx, o.scenario).injects : [])];

  const store = storeDir(ctx.opts.store, ctx.env);
  const { id, dir } = createIncident(store, dayOf(clock.now(), tz), siteCode(store, playbooksDir(ctx.opts.playbooks, ctx.env), ctx.env, { profile: ctx.opts.profile }));
  const journal = Journal.open(dir, { create: true, actor });
  const started: Started = {
    incident: id,
    playbook: { id: playbook.id, version: playbook.version, sha256: sha256File(file), file: relative(process.cwd(), file) || file, ...gitInfo(file) },
    responder: actor, locale: ctx.lang, timezone: tz, exercise,
    ...(clock.simulated ? { clock: { start: clock.now().toISOString(), ...(speed ? { speed } : { pace: pace ?? 'PT1M' }) } } : {}),
  };
  journal.append({ at: clock.now().toISOString(), tz, actor, type: 'session.started', data: started });
  ctx.out(ctx.c.bold(ctx.t('session-started', { id, playbook: playbook.id, version: playbook.version, file: journal.file })));
  return walk({ ctx, id, playbook, clocks: catalog.clocks, parties: catalog.parties, journal, tz, actor, clock, exercise, draftsDir: draftsDir(file, ctx), ...(injects.length ? { injects } : {}), ...(answers ? { answers: answers.answers } : {}) });
}
