// Reading an incident for the commands that look (status, timeline, incidents, reports): its
// journal, the state folded from it, its playbook when it can still be found, and its clocks now.
//
// The journal pins the playbook by sha256. When the file still has that hash it was validated when
// the session started, so the display commands read it as it is and do not load the validator;
// otherwise (or with `validated`) the playbook and its clocks go through full validation.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { clockEngine, clockViews, isOpen, type ClockView } from '../core/clocks/clocks.js';
import { pick } from '../core/i18n/lang.js';
import type { ClockSet, Party, Playbook } from '../core/playbook/schema.js';
import { evaluatorFor } from '../core/session/evaluator.js';
import type { SessionEvent } from '../core/session/events.js';
import { next } from '../core/session/next.js';
import { reduce, type State } from '../core/session/state.js';
import { playbooksDir } from '../adapters/dirs.js';
import { besideOrShipped } from '../adapters/files.js';
import { incidentDir, readIncidentJournal, storeDir, writersOf, type IncidentVerdict } from '../adapters/journal.js';
import { corrupt } from '../adapters/chains.js';
import type { Head } from '../core/journal/heads.js';
import { parseSource, readSource } from '../adapters/yaml-source.js';
import type { Context } from './context.js';
import { EXIT } from '../errors.js';

export interface Incident {
  id: string;
  dir: string;
  events: SessionEvent[];
  state: State;
  playbook?: Playbook;
  /** The clocks and parties beside the playbook, when it was found. */
  catalog?: { clocks?: ClockSet; parties: Party[] };
  clocks: ClockView[];
  /** Per writer, the last seq and hash; and whether the chains verify (read commands refuse or mark those that do not). */
  heads: Head[];
  verdict: IncidentVerdict;
}

type Loaded = { playbook: Playbook; catalog: { clocks?: ClockSet; parties: Party[] } };

function trusted(file: string, sha: string): Loaded | undefined {
  const bytes = readFileSync(file);
  if (createHash('sha256').update(bytes).digest('hex') !== sha) return undefined;
  const dir = dirname(file);
  const playbook = parseSource(file, bytes.toString('utf8')).value as Playbook | undefined;
  const clocks = readSource(besideOrShipped(dir, 'clocks.yaml')).value as ClockSet | undefined;
  const parties = (readSource(besideOrShipped(dir, 'parties.yaml')).value as { parties?: Party[] } | undefined)?.parties;
  // Only the shape this module relies on; anything else goes the validated way.
  if (!playbook?.stages || !Array.isArray(clocks?.clocks) || !clocks?.facts || !Array.isArray(parties)) return undefined;
  return { playbook, catalog: { clocks, parties } };
}

async function validated(ctx: Context, file: string): Promise<Loaded | undefined> {
  const { checkPlaybook, catalogFor } = await import('../adapters/playbook-fs.js');
  const playbook = checkPlaybook(file, ctx.opts.templates).value;
  const c = catalogFor(dirname(file), ctx.opts.templates);
  return playbook ? { playbook, catalog: { ...(c.clocks ? { clocks: c.clocks } : {}), parties: c.parties } } : undefined;
}

/** The clocks now; a drill is judged at its own last time, not the wall clock. */
function clocksAt(loaded: Loaded, state: State, now = new Date()): ClockView[] {
  const at = state.started?.clock && state.lastAt ? new Date(state.lastAt) : now;
  const set = loaded.catalog.clocks;
  return set ? clockViews(clockEngine(set), state, at) : [];
}

export async function readIncident(ctx: Context, id: string, o: { validated?: boolean; now?: Date; lenient?: boolean } = {}): Promise<Incident> {
  const dir = incidentDir(storeDir(ctx.opts.store, ctx.env), id);
  // A start that crashed before its first write leaves a folder without a journal: show it as empty.
  const { events, heads, verdict } = writersOf(dir).length ? readIncidentJournal(dir) : { events: [], heads: [], verdict: { ok: true, events: 0, heads: [], warnings: [] } as IncidentVerdict };
  // Never show tampered or truncated history as fact (`incidents` marks it instead: lenient).
  if (!verdict.ok && !o.lenient) throw corrupt({ ...verdict, reason: ctx.t(verdict.reason, { detail: verdict.detail ?? '' }) }, EXIT.verify);
  const state = reduce(events);
  const started = state.started;
  let loaded: Loaded | undefined;
  let clocks: ClockView[] = [];
  if (started) {
    const byId = join(playbooksDir(ctx.opts.playbooks, ctx.env), `${started.playbook.id}.yaml`);
    const file = existsSync(byId) ? byId : resolve(started.playbook.file);
    const fast = existsSync(file) && !o.validated ? trusted(file, started.playbook.sha256) : undefined;
    try {
      if (fast) clocks = clocksAt(fast, state, o.now);
      loaded = fast;
    } catch {
      // clocks.yaml read as it is may have been broken since the session started: validate it.
    }
    if (!loaded && existsSync(file)) {
      loaded = await validated(ctx, file);
      if (loaded) clocks = clocksAt(loaded, state, o.now);
    }
  }
  return { id, dir, events, state, ...(loaded ? { playbook: loaded.playbook, catalog: loaded.catalog } : {}), clocks, heads, verdict };
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
