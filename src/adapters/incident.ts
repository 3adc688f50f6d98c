// Reading an incident for the commands that look (status, timeline, incidents, reports) and the
// ones that add to it (amend, defer, close): its
// journal, the state folded from it, its playbook when it can still be found, and its clocks now.
//
// A journal embeds the validated playbook model, clocks and parties it is judged by (session.started,
// or the latest playbook.changed): those are used as they are, with no file read, YAML parse or
// validation, so a later edit of clocks.yaml or the playbook never changes an old incident's verdicts.
// A journal written before that pins the playbook by sha256 only: when the file still has that hash
// it was validated when the session started, so it is read as it is; otherwise (or with `validated`)
// the playbook and its clocks go through full validation.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { clockEngine, clockViews, type ClockView } from '../core/clocks/clocks.js';
import type { ClockSet, Party, Playbook } from '../core/playbook/schema.js';
import type { SessionEvent } from '../core/session/events.js';
import { reduce, type State } from '../core/session/state.js';
import { stamp, type NewEvent } from '../core/session/events.js';
import { pinnedOf, sideStamp, type Plan } from '../core/session/plan.js';
import type { Head } from '../core/journal/heads.js';
import { EXIT, UserError } from '../errors.js';
import { sha256 } from './chain-file.js';
import { corrupt } from './chains.js';
import { readFolded, saveCheckpoint } from './checkpoint-read.js';
import { listSeals } from './seal.js';
import { playbooksDir } from './dirs.js';
import { besideOrShipped, findPlaybook } from './files.js';
import { incidentDir, Journal, readIncidentJournal, storeDir, writersOf, type IncidentVerdict } from './journal.js';
import type { Context } from '../cli/context.js';

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

/** What reading needs of the command's context: the folders in use. */
export type Reader = Pick<Context, 'opts' | 'env'>;

type Loaded = { playbook: Playbook; catalog: { clocks?: ClockSet; parties: Party[] } };

// Only incidents without a pinned model (begun before models were pinned) come here: the YAML
// reader is loaded for them alone, so a read of a pinned incident loads no YAML parser.
async function trusted(file: string, sha: string): Promise<Loaded | undefined> {
  const bytes = readFileSync(file);
  if (sha256(bytes) !== sha) return undefined;
  const { parseSource, readSource } = await import('./yaml-source.js');
  const dir = dirname(file);
  const playbook = parseSource(file, bytes.toString('utf8')).value as Playbook | undefined;
  const clocks = readSource(besideOrShipped(dir, 'clocks.yaml')).value as ClockSet | undefined;
  const parties = (readSource(besideOrShipped(dir, 'parties.yaml')).value as { parties?: Party[] } | undefined)?.parties;
  // Only the shape this module relies on; anything else goes the validated way.
  if (!playbook?.stages || !Array.isArray(clocks?.clocks) || !clocks?.facts || !Array.isArray(parties)) return undefined;
  return { playbook, catalog: { clocks, parties } };
}

async function validated(ctx: Reader, file: string): Promise<Loaded | undefined> {
  const { checkPlaybook, catalogFor } = await import('./playbook-fs.js');
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

const NO_JOURNAL = { events: [], heads: [], verdict: { ok: true, events: 0, heads: [], warnings: [] } as IncidentVerdict, chains: [] };

/**
 * An incident, its chains checked (events a checkpoint vouches for are not hashed again; `strict`:
 * no checkpoint, and a torn tail fails as in `verify` — for reports, which are evidence).
 */
export async function readIncident(ctx: Context, id: string, o: { validated?: boolean; now?: Date; lenient?: boolean; strict?: boolean; renew?: boolean } = {}): Promise<Incident> {
  const dir = incidentDir(storeDir(ctx.opts.store, ctx.env), id);
  // A start that crashed before its first write leaves a folder without a journal: show it as empty.
  const { events, heads, verdict, chains } = writersOf(dir).length ? readIncidentJournal(dir, { strict: o.strict ?? false, checkpoint: !o.strict }) : NO_JOURNAL;
  // Never show tampered or truncated history as fact (`incidents` marks it instead: lenient).
  if (!verdict.ok && !o.lenient) throw refused(ctx, verdict);
  const state = reduce(events);
  const pin = pinnedOf(events);
  // The sealed heads were checked just now: the checkpoint vouches for them in its prefix.
  // `renew`: the checkpoint could not be read through; replaced whatever was added since.
  if (verdict.ok && !o.strict) saveCheckpoint(dir, chains, () => ({ state, pin, anchors: listSeals(dir).flatMap((s) => s.heads) }), o.renew ? 1 : undefined);
  return { ...(await incidentOf(ctx, id, dir, state, pin, o)), events: [...events], heads, verdict };
}

/**
 * An incident without its events (status): through the checkpoint when it still matches the
 * chains, so only the events after it are parsed and folded; else the full read (which leaves a
 * checkpoint for the next time).
 */
export async function readIncidentState(ctx: Context, id: string, o: { now?: Date } = {}): Promise<Omit<Incident, 'events'>> {
  const dir = incidentDir(storeDir(ctx.opts.store, ctx.env), id);
  const quick = writersOf(dir).length ? readFolded(dir) : undefined;
  if (!quick || quick === 'stale') return readIncident(ctx, id, { ...o, renew: quick === 'stale' });
  return { ...(await incidentOf(ctx, id, dir, quick.state, quick.pin, o)), heads: quick.heads, verdict: quick.verdict };
}

const refused = (ctx: Context, v: Extract<IncidentVerdict, { ok: false }>) => corrupt({ ...v, reason: ctx.t(v.reason, { detail: v.detail ?? '' }) }, EXIT.verify);

/** An incident as its events say (folded into `state`, pinned model `pin`), without the events or the verdict on its chains. */
type Read = Omit<Incident, 'heads' | 'verdict' | 'events'>;

async function incidentOf(ctx: Reader, id: string, dir: string, state: State, pin: ReturnType<typeof pinnedOf>, o: { validated?: boolean; now?: Date }): Promise<Read> {
  const started = state.started;
  let loaded: Loaded | undefined;
  let clocks: ClockView[] = [];
  const pinned = pin?.pinned;
  if (pinned) {
    loaded = { playbook: pinned.playbook, catalog: { clocks: pinned.clocks, parties: pinned.parties } };
    clocks = clocksAt(loaded, state, o.now);
  } else if (started) {
    const byId = findPlaybook(started.playbook.id, playbooksDir(ctx.opts.playbooks, ctx.env))?.file ?? '';
    const file = existsSync(byId) ? byId : resolve(started.playbook.file);
    const fast = existsSync(file) && !o.validated ? await trusted(file, started.playbook.sha256) : undefined;
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
  return { id, dir, state, ...(loaded ? { playbook: loaded.playbook, catalog: loaded.catalog } : {}), clocks };
}

/**
 * Add to an incident beside the walk (amend, defer, resolve, close): the journal is opened first,
 * so the change is checked against everything written before it; nothing is written when refused.
 */
export async function changeIncident(ctx: Reader, id: string, actor: string, change: (inc: Read & { events: SessionEvent[]; playbook: Playbook }) => Plan<{ event: NewEvent }>): Promise<SessionEvent> {
  const journal = Journal.open(incidentDir(storeDir(ctx.opts.store, ctx.env), id), { actor });
  try {
    const state = reduce(journal.events);
    const inc = { ...(await incidentOf(ctx, id, journal.dir, state, pinnedOf(journal.events), {})), events: [...journal.events] };
    if (!inc.state.started) throw new UserError(EXIT.storage, 'not-a-session', { id });
    const { playbook } = inc;
    if (!playbook) throw new UserError(EXIT.invalid, 'report-no-playbook', { id, playbook: inc.state.started.playbook.id }, { code: 'hint-list' });
    const p = change({ ...inc, playbook });
    if (!p.ok) throw p.error;
    return journal.append(stamp(p.event, sideStamp(inc.state, new Date(), actor)));
  } finally {
    journal.close();
  }
}
