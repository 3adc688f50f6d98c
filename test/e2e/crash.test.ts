// Crash safety of a session, end to end: spawn the built binary on the chat-leak drill, SIGKILL it
// at many points, and check that every answer it acknowledged is in the journal and that `resume`
// carries on to the close without losing or repeating anything.
//
// An acknowledgement is an echoed answer line ("  · …"): the presenter prints it only after the
// journal append (write + fsync) has returned. Every such line the parent reads — including the
// ones still in the pipe when the child dies — names an event that must be in the journal, in order.
//
// Spawns bin/irbook.js, so `npm run build` must have run. The binary runs from a snapshot of bin/,
// dist/, playbooks/, templates/ and the answers file taken before the first run (node_modules is
// linked): a rebuild or a playbook edit in the working tree during the ~30 s of this file would
// otherwise change the program between a start and its resume (resume refuses a changed playbook).
// Kills run two at a time, each in its own temporary store; the file prints a summary (where each
// kill landed, torn tails) at the end.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainPath } from '../support/chains.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Where the binary runs from: a snapshot of the package (see above), set by beforeAll.
let APP = '';
const ANSWERS = 'test/fixtures/answers/chat-leak.yaml';
const ARGS = ['--answers', ANSWERS, '--lang', 'en'];
const ECHO = '  · ';
const ANSWER_TYPES = new Set(['fact.recorded', 'check.done', 'decision.made', 'notify.sent', 'record.written']);
const INCIDENT = /\b(INC-\d{8}-\d{3})\b/;
const STACK = /^\s+at /m;
const RUN_TIMEOUT_MS = 30_000;
const TEST_TIMEOUT_MS = 120_000;

interface Ev { seq: number; at: string; tz: string; type: string; data: Record<string, unknown>; prev: string; hash: string }
interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; lines: string[] }
interface Killed extends Run { killed: boolean; acks: string[] }
interface JournalFile { raw: Buffer; events: Ev[]; tail: Buffer }

// The echo text of an event, exactly as the built binary writes it.
let describeEvent: (e: Ev, lang: string, tz?: string) => string;

// ---- Processes ----

/** A clean shell: no irbook overrides from the caller, no colour, the given store. */
function envFor(store: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if ((!k.startsWith('IRBOOK_') || k === 'IRBOOK_CACHE_DIR') && k !== 'FORCE_COLOR') env[k] = v;
  return { ...env, NO_COLOR: '1', IRBOOK_STORE: store };
}

const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

/** Busy-wait: setTimeout cannot wait less than a millisecond. */
function spinMicros(us: number): void {
  const end = process.hrtime.bigint() + BigInt(Math.round(us * 1000));
  while (process.hrtime.bigint() < end) { /* spin */ }
}

/**
 * Run irbook; with `killAfter`, SIGKILL it as soon as that many echoed answers have been read
 * (after `jitterUs` more microseconds). Resolves once the pipes are drained, so `acks` holds every
 * echoed line the child wrote before it died.
 */
function irbook(store: string, args: string[], o: { killAfter?: number; jitterUs?: number } = {}): Promise<Killed> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(APP, 'bin', 'irbook.js'), ...args], { cwd: APP, env: envFor(store), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let partial = '';
    const lines: string[] = [];
    const acks: string[] = [];
    let killed = false;
    const watchdog = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`irbook ${args.join(' ')}: no exit after ${RUN_TIMEOUT_MS} ms`)); }, RUN_TIMEOUT_MS);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      partial += chunk;
      const parts = partial.split('\n');
      partial = parts.pop() ?? '';
      for (const raw of parts) {
        const line = stripAnsi(raw);
        lines.push(line);
        if (!line.startsWith(ECHO)) continue;
        acks.push(line.slice(ECHO.length));
        if (!killed && o.killAfter !== undefined && acks.length >= o.killAfter) {
          if (o.jitterUs) spinMicros(o.jitterUs);
          killed = child.kill('SIGKILL');
        }
      }
    });
    child.stderr.on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', (e) => { clearTimeout(watchdog); reject(e); });
    child.on('close', (code, signal) => {
      clearTimeout(watchdog);
      // A line cut short by the kill was never acknowledged as a whole: it is not counted.
      if (partial) lines.push(stripAnsi(partial));
      if (killed && signal === 'SIGKILL') kills++;
      resolvePromise({ code, signal, stdout, stderr, lines, acks, killed: killed && signal === 'SIGKILL' });
    });
  });
}

// Two processes at a time: the kills are timing-sensitive and each one fsyncs ~60 times.
const SLOTS = 2;
let free = SLOTS;
const waiting: (() => void)[] = [];
async function slot<T>(fn: () => Promise<T>): Promise<T> {
  if (free > 0) free--;
  else await new Promise<void>((r) => waiting.push(r));
  try {
    return await fn();
  } finally {
    const nextUp = waiting.shift();
    if (nextUp) nextUp();
    else free++;
  }
}

// ---- The journal ----

function readJournalFile(store: string, id: string): JournalFile {
  const raw = readFileSync(chainPath(store, id));
  const end = raw.lastIndexOf(0x0a) + 1;
  const events = raw.subarray(0, end).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Ev);
  return { raw, events, tail: raw.subarray(end) };
}

const answersOf = (events: readonly Ev[]) => events.filter((e) => ANSWER_TYPES.has(e.type));

/** What identifies an answer: one fact of one step, one item of a checklist, one decision / notification / record per step. */
function keyOf(e: Ev): string {
  const d = e.data;
  if (e.type === 'fact.recorded') return `${e.type} ${String(d.step)}.${String(d.fact)}`;
  if (e.type === 'check.done') return `${e.type} ${String(d.step)}[${String(d.item)}]`;
  return `${e.type} ${String(d.step)}`;
}

/** An answer without the times the (simulated) clock puts on it: a resumed run must give the same. */
function answerOf(e: Ev): unknown {
  const d = e.data;
  const pick = (...ks: string[]) => Object.fromEntries(ks.filter((k) => k in d).map((k) => [k, d[k]]));
  return { key: keyOf(e), ...pick('value', 'answer', 'recommended', 'reason', 'skipped', 'item', 'party', 'channel', 'ref', 'section', 'text', 'expr', 'facts') };
}

function idOf(run: Run): string {
  const first = run.lines[0] ?? '';
  const m = INCIDENT.exec(first);
  if (!m?.[1]) throw new Error(`no incident id on the first stdout line: ${JSON.stringify(first)}\nstderr: ${run.stderr}`);
  return m[1];
}

/** (b): every acknowledged answer is in the journal, in order, from answer number `from` on. */
function expectAcknowledged(acks: readonly string[], events: readonly Ev[], from = 0): void {
  const answers = answersOf(events);
  expect(answers.length, 'the journal holds fewer answers than were acknowledged').toBeGreaterThanOrEqual(from + acks.length);
  expect(answers.slice(from, from + acks.length).map((e) => describeEvent(e, 'en', e.tz))).toEqual(acks);
}

/** (c): a finished session: closed once, seq 1..n, nothing lost or repeated against an uninterrupted run. */
function expectComplete(events: readonly Ev[]): void {
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  expect(events.at(-1)?.type).toBe('session.closed');
  const count = (type: string) => events.filter((e) => e.type === type).length;
  expect(count('session.started')).toBe(1);
  expect(count('session.closed')).toBe(1);
  for (const type of ['stage.entered', 'stage.completed', 'step.skipped']) {
    const ids = events.filter((e) => e.type === type).map((e) => String(e.data.stage ?? e.data.step));
    expect(ids, `${type} repeated`).toEqual([...new Set(ids)]);
  }
  const keys = answersOf(events).map(keyOf);
  expect(keys.filter((k, i) => keys.indexOf(k) !== i), 'answers recorded twice').toEqual([]);
  expect(answersOf(events).map(answerOf)).toEqual(reference.map(answerOf));
}

// ---- The drill, uninterrupted ----

const stores: string[] = [];
const newStore = () => {
  const s = mkdtempSync(join(tmpdir(), 'irbook-crash-'));
  stores.push(s);
  return s;
};
let reference: Ev[] = [];
const report: string[] = [];
let kills = 0;
let tornTails = 0;

/** Copy the package as it is now; a file caught half-written by a concurrent build fails the drill run, which then retries. */
function snapshot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'irbook-crash-app-'));
  stores.push(dir);
  for (const p of ['package.json', 'bin', 'dist', 'playbooks', 'templates']) cpSync(join(ROOT, p), join(dir, p), { recursive: true });
  mkdirSync(join(dir, 'test', 'fixtures', 'answers'), { recursive: true });
  cpSync(join(ROOT, ANSWERS), join(dir, ANSWERS));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

beforeAll(async () => {
  let run: Killed | undefined;
  let store = '';
  for (let attempt = 1; attempt <= 3; attempt++) {
    APP = snapshot();
    store = newStore();
    run = await irbook(store, ['start', 'chat-leak', ...ARGS]);
    if (run.code === 0 || attempt === 3) break;
    await new Promise((r) => setTimeout(r, 2000));
  }
  if (!run) throw new Error('unreachable');
  expect(run.code, run.stderr).toBe(0);
  ({ describeEvent } = (await import(pathToFileURL(join(APP, 'dist', 'core', 'session', 'describe.js')).href)) as { describeEvent: typeof describeEvent });
  const id = idOf(run);
  const j = readJournalFile(store, id);
  expect(j.tail.length).toBe(0);
  reference = answersOf(j.events);
  // Every answer is echoed once, in journal order: the acknowledgements the kills count.
  expect(run.acks).toEqual(reference.map((e) => describeEvent(e, 'en', e.tz)));
  expect(reference.length).toBeGreaterThanOrEqual(40);
}, TEST_TIMEOUT_MS);

afterAll(() => {
  for (const s of stores) rmSync(s, { recursive: true, force: true });
  if (report.length) {
    console.log(`crash test: ${kills} SIGKILLs, ${tornTails} left a torn tail before resume\n${report.join('\n')}`);
  }
});

// ---- One kill, then resume ----

interface Crash { store: string; id: string; run: Killed; before: JournalFile }

/** Start, SIGKILL after `k` acknowledgements (+ jitter), and check (a) and (b). */
async function crashStart(k: number, jitterUs?: number): Promise<Crash> {
  const store = newStore();
  const run = await irbook(store, ['start', 'chat-leak', ...ARGS], { killAfter: k, ...(jitterUs ? { jitterUs } : {}) });
  const id = idOf(run);
  expect(id).toMatch(/^INC-\d{8}-\d{3}$/);
  expect(run.acks.length).toBeGreaterThanOrEqual(Math.min(k, reference.length));
  if (!run.killed) expect(run.code, `exited on its own: ${run.stderr}`).toBe(0);
  const before = readJournalFile(store, id);
  expectAcknowledged(run.acks, before.events);
  return { store, id, run, before };
}

/** Resume to the close and check (c); returns the final journal. */
async function resumeToEnd(c: { store: string; id: string }, before: JournalFile): Promise<{ run: Killed; after: JournalFile }> {
  const run = await irbook(c.store, ['resume', c.id, ...ARGS]);
  expect(STACK.test(run.stderr), run.stderr).toBe(false);
  expect(run.code, run.stderr).toBe(0);
  const after = readJournalFile(c.store, c.id);
  expect(after.tail.length, 'journal ends in a partial line').toBe(0);
  // What was complete before the resume is kept byte for byte (a torn tail alone is dropped).
  const kept = before.raw.length - before.tail.length;
  expect(after.raw.subarray(0, kept).equals(before.raw.subarray(0, kept))).toBe(true);
  // The resumed run asks only what was not answered, and acknowledges each answer it records.
  expectAcknowledged(run.acks, after.events, answersOf(before.events).length);
  expect(answersOf(after.events).length).toBe(answersOf(before.events).length + run.acks.length);
  const repaired = after.events.filter((e) => e.type === 'journal.repaired');
  if (before.tail.length) {
    expect(repaired).toHaveLength(1);
    expect(repaired[0]?.seq).toBe(before.events.length + 1);
    expect(repaired[0]?.data).toMatchObject({ line: before.events.length + 1, bytes: before.tail.length, sha256: createHash('sha256').update(before.tail).digest('hex') });
  } else {
    expect(repaired).toHaveLength(0);
  }
  const verify = await irbook(c.store, ['verify', c.id]);
  expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  expectComplete(after.events);
  return { run, after };
}

async function killAndResume(k: number | 'last', jitterUs?: number): Promise<void> {
  const n = k === 'last' ? reference.length : Math.min(k, reference.length);
  const c = await crashStart(n, jitterUs);
  const { run, before } = c;
  const answersBefore = answersOf(before.events).length;
  const closed = before.events.at(-1)?.type === 'session.closed';
  if (before.tail.length) tornTails++;
  report.push(`  kill after ${String(n).padStart(2)} acks${jitterUs ? ` +${jitterUs.toFixed(0).padStart(3)}µs` : '       '}: ` +
    (run.killed ? `SIGKILL with ${run.acks.length} acked, ${answersBefore} answers / ${before.events.length} events in the journal` : `too late, the run had finished (exit ${run.code})`) +
    (before.tail.length ? `, torn tail of ${before.tail.length} bytes` : ''));
  if (closed) {
    // The kill came after the close: there is nothing to resume, and resume must not touch it.
    expectComplete(before.events);
    const again = await irbook(c.store, ['resume', c.id, ...ARGS]);
    expect(again.code).not.toBe(0);
    expect(STACK.test(again.stderr), again.stderr).toBe(false);
    expect(readFileSync(chainPath(c.store, c.id)).equals(before.raw)).toBe(true);
    const verify = await irbook(c.store, ['verify', c.id]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    return;
  }
  await resumeToEnd(c, before);
}

// Spread over the whole drill (chat-leak has ~50 answers), then a few kills a random fraction of a
// millisecond after an acknowledgement, to land inside the next append.
const POINTS: (number | 'last')[] = [1, 2, 3, 5, 7, 10, 12, 15, 17, 20, 24, 27, 30, 34, 38, 42, 45, 47, 49, 'last'];
const JITTERED: number[] = [4, 11, 19, 26, 33, 41];

describe('SIGKILL during `start`, then `resume`', () => {
  for (const k of POINTS) {
    it.concurrent(`kill after ${k} acknowledged answer(s)`, () => slot(() => killAndResume(k)), TEST_TIMEOUT_MS);
  }
  for (const k of JITTERED) {
    const us = 1 + Math.random() * 999;
    it.concurrent(`kill ${us.toFixed(0)} µs after acknowledgement ${k}`, () => slot(() => killAndResume(k, us)), TEST_TIMEOUT_MS);
  }
});

describe('torn writes and repeated crashes', () => {
  it.concurrent('a half-written last line is cut off on resume and recorded as journal.repaired', () => slot(async () => {
    const c = await crashStart(20);
    expect(c.run.killed, 'the run finished before the kill').toBe(true);
    const file = chainPath(c.store, c.id);
    const last = c.before.events.at(-1);
    if (!last) throw new Error('empty journal');
    // Pretend the next append died half way: a line with no newline, cut inside a CJK character.
    const next = JSON.stringify({
      seq: last.seq + 1, at: last.at, tz: 'Asia/Shanghai', actor: 'zhang', type: 'note.added',
      data: { text: '漏えい・泄露: a half-written line' }, prev: last.hash, hash: 'f'.repeat(64),
    });
    const bytes = Buffer.from(next, 'utf8');
    const cut = bytes.indexOf(Buffer.from('泄', 'utf8')) + 1;
    const half = bytes.subarray(0, cut);
    appendFileSync(file, half);
    const before = readJournalFile(c.store, c.id);
    expect(before.tail.equals(half)).toBe(true);
    expect(before.events).toHaveLength(c.before.events.length);
    const { run, after } = await resumeToEnd(c, before);
    expect(run.stderr).toMatch(/repair/i);
    const repaired = after.events.find((e) => e.type === 'journal.repaired');
    expect(repaired?.data).toMatchObject({ line: last.seq + 1, bytes: cut });
    expect(after.events.some((e) => e.type === 'note.added')).toBe(false);
    report.push(`  torn write by hand after ${c.run.acks.length} acks: ${cut} bytes cut, journal.repaired at seq ${repaired?.seq}`);
  }), TEST_TIMEOUT_MS);

  it.concurrent('a resumed run killed in turn resumes again, losing and repeating nothing', () => slot(async () => {
    const c = await crashStart(8);
    expect(c.run.killed, 'the start finished before the kill').toBe(true);
    if (c.before.tail.length) tornTails++;
    const answers1 = answersOf(c.before.events).length;
    // Kill the resume after it has acknowledged 10 answers of its own.
    const second = await irbook(c.store, ['resume', c.id, ...ARGS], { killAfter: 10 });
    expect(second.killed, `the resume finished before the kill: ${second.stderr}`).toBe(true);
    expect(STACK.test(second.stderr), second.stderr).toBe(false);
    const mid = readJournalFile(c.store, c.id);
    if (mid.tail.length) tornTails++;
    // Both runs' acknowledgements are in the journal, the resume's right after the start's.
    expectAcknowledged(c.run.acks, mid.events);
    expectAcknowledged(second.acks, mid.events, answers1);
    expect(mid.events.filter((e) => e.type === 'session.closed')).toHaveLength(0);
    const { after } = await resumeToEnd(c, mid);
    expect(answersOf(after.events).slice(0, c.run.acks.length).map((e) => describeEvent(e, 'en', e.tz))).toEqual(c.run.acks);
    report.push(`  kill during resume: start killed with ${c.run.acks.length} acked, resume killed with ${second.acks.length} acked, ` +
      `${answersOf(mid.events).length} answers in the journal before the second resume`);
  }), TEST_TIMEOUT_MS);
});
