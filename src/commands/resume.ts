// irbook resume INCIDENT: carry on an interrupted session from its journal.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkedActor } from '../cli/actor.js';
import type { Context } from '../cli/context.js';
import { readAnswers, readScenario } from '../cli/answers-file.js';
import { draftsDir, resolveTz, sessionClock, walk } from '../cli/session.js';
import { playbooksDir } from '../adapters/dirs.js';
import { Journal, drillMark, incidentDir, storeDir } from '../adapters/journal.js';
import { loadPlaybook } from '../adapters/playbook-fs.js';
import { sha256File } from '../adapters/provenance.js';
import { realClock } from '../core/session/clock.js';
import { reduce } from '../core/session/state.js';
import { EXIT, UserError } from '../errors.js';

export interface ResumeOptions { actor?: string; tz?: string; answers?: string; scenario?: string; allowChangedPlaybook?: boolean }

export async function run(ctx: Context, id: string, o: ResumeOptions): Promise<number> {
  const answers = o.answers ? readAnswers(ctx, o.answers) : undefined;
  if (!answers && !process.stdin.isTTY) throw new UserError(EXIT.usage, 'no-tty', {}, { code: 'see-help', params: { command: 'resume' } });
  const dir = incidentDir(storeDir(ctx.opts.store, ctx.env), id);
  const journal = Journal.open(dir);
  try {
    const s = reduce(journal.events);
    const started = s.started;
    if (!started) throw new UserError(EXIT.storage, 'not-a-session', { id });
    if (s.closedAt) throw new UserError(EXIT.usage, 'session-already-closed', { id }, { code: 'hint-report', params: { id } });

    // The playbook by id from the playbooks folder, else the file recorded at the start.
    const byId = join(playbooksDir(ctx.opts.playbooks, ctx.env), `${started.playbook.id}.yaml`);
    const ref = existsSync(byId) ? byId : resolve(started.playbook.file);
    const { file, playbook, catalog } = loadPlaybook(ref, '', ctx.opts.templates);
    const sha = sha256File(file);
    if (sha !== started.playbook.sha256 && !o.allowChangedPlaybook) {
      throw new UserError(EXIT.usage, 'playbook-changed', { id: playbook.id, was: started.playbook.sha256.slice(0, 12), now: sha.slice(0, 12) }, { code: 'hint-allow-changed', params: { id } });
    }
    if (!catalog.clocks) throw new UserError(EXIT.invalid, 'playbook-invalid', { file: 'clocks.yaml', errors: 1 });

    const tz = resolveTz(o.tz ?? answers?.tz ?? started.timezone, ctx.env);
    const actor = checkedActor(o.actor ?? answers?.actor ?? ctx.env.IRBOOK_ACTOR ?? started.responder);
    // A drill clock carries on from the journal's last time, at its pace or speed.
    // The repair of a torn line is stamped with the wall clock; the drill clock ignores it.
    const lastAt = journal.events.filter((e) => e.type !== 'journal.repaired').at(-1)?.at ?? started.clock?.start;
    const clock = started.clock
      ? sessionClock(new Date(lastAt ?? started.at), { ...(started.clock.speed ? { speed: started.clock.speed } : { pace: answers?.pace ?? started.clock.pace ?? 'PT1M' }) }) ?? realClock()
      : realClock();
    if (started.clock && !started.clock.speed) clock.tick();
    const injects = [...(answers?.injects ?? []), ...(o.scenario ? readScenario(ctx, o.scenario).injects : [])];

    if (sha !== started.playbook.sha256) {
      // Carrying on with a changed playbook is allowed, and recorded.
      journal.append({ at: clock.now().toISOString(), tz, actor, type: 'playbook.changed', data: { id: playbook.id, was: started.playbook.sha256, now: sha, version: playbook.version, ...drillMark(journal) } });
    }
    if (journal.repaired) ctx.err(ctx.c.yellow(ctx.t('journal-repaired-note', { line: journal.repaired.line, bytes: journal.repaired.bytes })));
    ctx.out(ctx.c.bold(ctx.t('session-resumed', { id, seq: journal.events.length })));
    return await walk({ ctx, id, playbook, clocks: catalog.clocks, parties: catalog.parties, journal, tz, actor, clock, exercise: started.exercise, draftsDir: draftsDir(file, ctx), ...(injects.length ? { injects } : {}), ...(answers ? { answers: answers.answers } : {}) });
  } finally {
    journal.close();
  }
}
