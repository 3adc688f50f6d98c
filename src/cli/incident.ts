// Reading an incident for the commands that only look (status, timeline, incidents): its journal,
// the state folded from it, its playbook when it can still be found, and its clocks now.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { clockEngine, clockViews, isOpen, type ClockView } from '../core/clocks/clocks.js';
import { pick } from '../core/i18n/lang.js';
import type { Playbook } from '../core/playbook/schema.js';
import { evaluatorFor } from '../core/session/evaluator.js';
import { next } from '../core/session/next.js';
import { reduce, type State } from '../core/session/state.js';
import type { SessionEvent } from '../core/session/events.js';
import { playbooksDir } from '../adapters/dirs.js';
import { incidentDir, JOURNAL_FILE, readJournal, storeDir } from '../adapters/journal.js';
import { checkPlaybook, catalogFor, type LoadedCatalog } from '../adapters/playbook-fs.js';
import type { Context } from './context.js';
import { dirname } from 'node:path';

export interface Incident {
  id: string;
  dir: string;
  events: SessionEvent[];
  state: State;
  playbook?: Playbook;
  /** The catalog beside the playbook (clocks, parties) when the playbook was found. */
  catalog?: LoadedCatalog;
  clocks: ClockView[];
}

export function readIncident(ctx: Context, id: string, now = new Date()): Incident {
  const dir = incidentDir(storeDir(ctx.opts.store, ctx.env), id);
  // A start that crashed before its first write leaves a folder without a journal: show it as empty.
  const file = join(dir, JOURNAL_FILE);
  const { events } = existsSync(file) ? readJournal(file) : { events: [] };
  const state = reduce(events);
  const started = state.started;
  let playbook: Playbook | undefined;
  let catalog: LoadedCatalog | undefined;
  let clocks: ClockView[] = [];
  if (started) {
    const byId = join(playbooksDir(ctx.opts.playbooks, ctx.env), `${started.playbook.id}.yaml`);
    const file = existsSync(byId) ? byId : resolve(started.playbook.file);
    if (existsSync(file)) {
      playbook = checkPlaybook(file, ctx.opts.templates).value;
      catalog = catalogFor(dirname(file), ctx.opts.templates);
      const set = catalog.clocks;
      // A simulated (drill) session is judged at its own last time, not the wall clock.
      const at = started.clock && state.lastAt ? new Date(state.lastAt) : now;
      if (set) clocks = clockViews(clockEngine(set), state, at);
    }
  }
  return { id, dir, events, state, ...(playbook ? { playbook } : {}), ...(catalog ? { catalog } : {}), clocks };
}

/** A compact summary for status / incidents, in the UI language. */
export function summary(ctx: Context, inc: Incident) {
  const s = inc.state;
  const n = inc.playbook && !s.closedAt ? next(inc.playbook, s, evaluatorFor(inc.playbook)) : undefined;
  const stage = n && 'stage' in n ? n.stage : [...s.entered.keys()].pop();
  const step = n && 'step' in n ? n.step.id : undefined;
  return {
    id: inc.id,
    playbook: s.started?.playbook.id,
    version: s.started?.playbook.version,
    title: inc.playbook ? pick(inc.playbook.title, ctx.lang) : s.started?.playbook.id,
    state: s.closedAt ? 'closed' : 'open',
    exercise: s.started?.exercise ?? false,
    startedAt: s.started?.at,
    responder: s.started?.responder,
    timezone: s.started?.timezone,
    stage,
    next: step,
    events: s.count,
    lastAt: s.lastAt,
    clocks: inc.clocks.filter((c) => c.status !== 'not-applicable').map((c) => ({
      id: c.clock.id, status: c.status, start: c.start, due: c.due, satisfiedAt: c.satisfiedAt, leftMs: c.leftMs,
    })),
    openClocks: inc.clocks.filter(isOpen).length,
  };
}
