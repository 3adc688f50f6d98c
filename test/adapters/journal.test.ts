// The session journal: canonical hashing, the chain, tampering, torn tails, permissions, incident
// ids, the lock, and a real crash (SIGKILL) test. The child-process tests use dist/ (npm run build).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  GENESIS, JOURNAL_FILE, Journal, canonical, createIncident, hashEvent, incidentDir, listIncidents, readJournal, storeDir, verifyJournal,
  type JournalEvent, type NewEvent,
} from '../../src/adapters/journal.js';
import { LOCK_FILE, breakStale, readLock } from '../../src/adapters/lock.js';
import { JOURNAL } from '../../src/core/i18n/journal-messages.js';
import { EXIT, UserError } from '../../src/errors.js';

const FIXTURES = fileURLToPath(new URL('./journal-fixtures/', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/adapters/journal.js', import.meta.url));
const fixture = (name: string) => join(FIXTURES, name);

let root: string;
beforeEach(() => { root = mkdtempSync(join(tmpdir(), 'irbook-journal-')); });
afterEach(() => { rmSync(root, { recursive: true, force: true }); });

const ev = (i: number, data: Record<string, unknown> = {}): NewEvent => ({
  at: new Date(Date.UTC(2026, 10, 23, 2, 14, i)).toISOString(), tz: 'Asia/Shanghai', actor: 'zhang', type: 'note.added', data: { i, ...data },
});

function incident(): string {
  return createIncident(join(root, 'store'), '20261123').dir;
}

/** A closed journal of n events; returns its folder and file. */
function journalOf(n: number): { dir: string; file: string } {
  const dir = incident();
  const j = Journal.open(dir, { create: true });
  for (let i = 1; i <= n; i++) j.append(ev(i));
  j.close();
  return { dir, file: join(dir, JOURNAL_FILE) };
}

function thrown(f: () => unknown): UserError {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError, nothing was thrown');
}

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').slice(0, -1);
const writeLines = (file: string, ls: string[]) => writeFileSync(file, ls.map((l) => `${l}\n`).join(''));
const mode = (p: string) => statSync(p).mode & 0o777;

describe('canonical', () => {
  it.each<[string, unknown, string]>([
    ['sorts keys', { b: 1, a: 2 }, '{"a":2,"b":1}'],
    ['sorts nested keys, keeps array order', { z: [{ y: 1, x: 2 }, 3], a: { d: null, c: true } }, '{"a":{"c":true,"d":null},"z":[{"x":2,"y":1},3]}'],
    ['sorts by code point, not UTF-16 unit', { '\u{1F600}': 1, '\uFF01': 2, 'a': 3 }, '{"a":3,"！":2,"😀":1}'],
    ['sorts upper before lower case', { b: 1, B: 2, _: 3 }, '{"B":2,"_":3,"b":1}'],
    ['keeps unicode text as is', { text: '漏えい 泄露 込 这' }, '{"text":"漏えい 泄露 込 这"}'],
    ['escapes what JSON escapes', { s: 'a"b\\c\n\u0001' }, '{"s":"a\\"b\\\\c\\n\\u0001"}'],
    ['writes numbers in shortest form', [1.5, -0, 1e21, 100], '[1.5,0,1e+21,100]'],
    ['an empty object and array', { a: {}, b: [] }, '{"a":{},"b":[]}'],
    ['a null-prototype object', Object.assign(Object.create(null) as object, { b: 1, a: 1 }), '{"a":1,"b":1}'],
  ])('%s', (_name, value, expected) => {
    expect(canonical(value)).toBe(expected);
  });

  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['an undefined property', { a: undefined }],
    ['an undefined array element', [1, undefined]],
    ['a sparse array', [1, , 3]],
    ['NaN', { n: NaN }],
    ['Infinity', [Infinity]],
    ['a function', { f: () => 1 }],
    ['a bigint', { n: 1n }],
    ['a symbol', Symbol('x')],
    ['a Date', { d: new Date(0) }],
    ['a Map', new Map()],
    ['a cycle', cyclic],
  ])('rejects %s', (_name, value) => {
    expect(() => canonical(value)).toThrow(TypeError);
  });

  it('shares repeated (non-cyclic) values', () => {
    const x = { a: 1 };
    expect(canonical({ p: x, q: [x, x] })).toBe('{"p":{"a":1},"q":[{"a":1},{"a":1}]}');
  });
});

describe('hashEvent', () => {
  const e = { seq: 1, at: '2026-11-23T02:14:09.512Z', tz: 'Asia/Shanghai', actor: 'zhang', type: 'session.started', data: { b: 1, a: 2 }, prev: GENESIS };
  it('is the sha256 of the canonical form, whatever the key order', () => {
    expect(hashEvent(e)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEvent({ ...e, data: { a: 2, b: 1 } })).toBe(hashEvent(e));
    expect(hashEvent({ ...e, data: { a: 2, b: 2 } })).not.toBe(hashEvent(e));
  });
  it('ignores a hash field', () => {
    expect(hashEvent({ ...e, hash: 'x' } as JournalEvent)).toBe(hashEvent(e));
  });
});

describe('storeDir', () => {
  it.each<[string | undefined, Record<string, string>, string]>([
    ['/a/b', { IRBOOK_STORE: '/c' }, '/a/b'],
    [undefined, { IRBOOK_STORE: '/c' }, '/c'],
    [undefined, { IRBOOK_STORE: 'rel' }, resolve('rel')],
    [undefined, {}, resolve('incidents')],
    ['', {}, resolve('incidents')],
  ])('option %s, env %o → %s', (option, env, expected) => {
    expect(storeDir(option, env)).toBe(expected);
  });
});

describe('incidents in the store', () => {
  it('numbers incidents per day: 001, 002, … and a new day starts at 001', () => {
    const store = join(root, 'store');
    expect(listIncidents(store)).toEqual([]);
    const ids = [1, 2, 3].map(() => createIncident(store, '20261123').id);
    expect(ids).toEqual(['INC-20261123-001', 'INC-20261123-002', 'INC-20261123-003']);
    expect(createIncident(store, '20261124').id).toBe('INC-20261124-001');
    mkdirSync(join(store, 'not-an-incident'));
    writeFileSync(join(store, 'INC-20261123-009'), 'a file, not a folder');
    expect(listIncidents(store)).toEqual([...ids, 'INC-20261124-001']);
    // The stray file takes no number the store did not give out, but its name is not reused.
    expect(createIncident(store, '20261123').id).toBe('INC-20261123-004');
  });

  it('never reuses the number of a deleted incident', () => {
    const store = join(root, 'store');
    for (let i = 0; i < 3; i++) createIncident(store, '20261123');
    rmSync(join(store, 'INC-20261123-002'), { recursive: true });
    expect(createIncident(store, '20261123').id).toBe('INC-20261123-004');
  });

  it('says so when a day is full', () => {
    const store = join(root, 'store');
    mkdirSync(join(store, 'INC-20261123-999'), { recursive: true });
    const e = thrown(() => createIncident(store, '20261123'));
    expect([e.exit, e.code]).toEqual([EXIT.storage, 'incident-day-full']);
  });

  it('gives distinct ids to incidents created at once by several processes', async () => {
    const store = join(root, 'store');
    const runs = Array.from({ length: 6 }, () => run(process.execPath, [fixture('create-incidents.mjs'), store, '20261123', '10']));
    const out = await Promise.all(runs);
    const ids = out.flatMap((o) => o.stdout.trim().split('\n'));
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
    expect(listIncidents(store)).toEqual(Array.from({ length: 60 }, (_, i) => `INC-20261123-${String(i + 1).padStart(3, '0')}`));
  }, 30_000);

  it('finds an existing incident by id', () => {
    const store = join(root, 'store');
    const { id, dir } = createIncident(store, '20261123');
    expect(incidentDir(store, id)).toBe(dir);
  });

  it.each(['../x', 'INC-1', '/etc', join(tmpdir(), 'INC-20261123-001'), 'INC-20261123-001/..', 'INC-20261123-001/../INC-20261123-001', '', 'INC-20261123-1000', 'inc-20261123-001', 'INC-20261123-002'])(
    'incidentDir refuses %j', (id) => {
      const store = join(root, 'store');
      createIncident(store, '20261123');
      const e = thrown(() => incidentDir(store, id));
      expect([e.exit, e.code, e.params]).toEqual([EXIT.usage, 'incident-not-found', { id, store }]);
    },
  );

  it('creates folders 0700 and the journal 0600 even under a permissive or odd umask', () => {
    const old = process.umask(0o002);
    try {
      const store = join(root, 'new', 'store');
      const { dir } = createIncident(store, '20261123');
      Journal.open(dir, { create: true }).close();
      expect(mode(store)).toBe(0o700);
      expect(mode(dir)).toBe(0o700);
      expect(mode(join(dir, JOURNAL_FILE))).toBe(0o600);
      process.umask(0o277);
      const second = createIncident(store, '20261123').dir;
      Journal.open(second, { create: true }).close();
      expect(mode(second)).toBe(0o700);
      expect(mode(join(second, JOURNAL_FILE))).toBe(0o600);
    } finally {
      process.umask(old);
    }
  });

  it('leaves the mode of an existing store alone', () => {
    const store = join(root, 'shared');
    mkdirSync(store, { mode: 0o750 });
    createIncident(store, '20261123');
    expect(mode(store)).toBe(0o750);
  });
});

describe('append and read', () => {
  it('round-trips events through the file, chained from GENESIS', () => {
    const dir = incident();
    const j = Journal.open(dir, { create: true });
    const written = [
      j.append(ev(1, { text: '漏えい 泄露 😀', nested: { b: [1, 2], a: null } })),
      j.append({ ...ev(2), type: 'decision.made', data: { step: 'isolate', answer: true, facts: { persons_affected: 1500 } } }),
      j.append(ev(3)),
    ];
    expect(written.map((e) => e.seq)).toEqual([1, 2, 3]);
    for (const e of written) expect(e.hash).toBe(hashEvent(e));
    expect(written[0]!.prev).toBe(GENESIS);
    expect(written[1]!.prev).toBe(written[0]!.hash);
    expect(j.events).toEqual(written);
    j.close();

    const file = join(dir, JOURNAL_FILE);
    const r = readJournal(file);
    expect(r).toEqual({ events: written });
    expect(verifyJournal(file)).toEqual({ ok: true, events: 3, last: written[2]!.hash });
    // One line per event, fields in the documented order.
    expect(lines(file)).toHaveLength(3);
    expect(Object.keys(JSON.parse(lines(file)[0]!) as object)).toEqual(['seq', 'at', 'tz', 'actor', 'type', 'data', 'prev', 'hash']);
  });

  it('keeps its own copy of the data', () => {
    const { dir } = journalOf(0);
    const j = Journal.open(dir);
    const data: Record<string, unknown> = { n: 1 };
    const e = j.append({ ...ev(1), data });
    data.n = 2;
    expect(e.data).toEqual({ n: 1 });
    j.close();
  });

  it('continues the chain when reopened, and starts empty for a new journal', () => {
    const { dir, file } = journalOf(2);
    const j = Journal.open(dir);
    expect(j.events).toHaveLength(2);
    expect(j.repaired).toBeUndefined();
    expect(j.append(ev(3)).prev).toBe(j.events[1]!.hash);
    j.close();
    expect(verifyJournal(file)).toMatchObject({ ok: true, events: 3 });
    expect(verifyJournal(journalOf(0).file)).toEqual({ ok: true, events: 0, last: GENESIS });
  });

  it.each<[string, unknown]>([
    ['data with undefined', { ...ev(1), data: { a: undefined } }],
    ['data that is an array', { ...ev(1), data: [1] }],
    ['a numeric actor', { ...ev(1), actor: 7 }],
  ])('refuses to append %s and writes nothing', (_name, bad) => {
    const { dir, file } = journalOf(1);
    const j = Journal.open(dir);
    expect(() => j.append(bad as NewEvent)).toThrow(TypeError);
    expect(j.events).toHaveLength(1);
    j.append(ev(2));
    j.close();
    expect(verifyJournal(file)).toMatchObject({ ok: true, events: 2 });
  });

  it('throws on append after close, and close is idempotent', () => {
    const { dir } = journalOf(0);
    const j = Journal.open(dir);
    j.close();
    j.close();
    expect(() => j.append(ev(1))).toThrow(/closed/);
  });

  it('needs create to start a journal', () => {
    const dir = incident();
    const e = thrown(() => Journal.open(dir));
    expect([e.exit, e.code]).toEqual([EXIT.storage, 'journal-missing']);
    expect(existsSync(join(dir, JOURNAL_FILE))).toBe(false);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect(thrown(() => Journal.open(join(root, 'nowhere'), { create: true })).code).toBe('journal-missing');
  });

  it('reports a file it cannot read as journal-unreadable', () => {
    for (const f of [() => readJournal(join(root, 'none.jsonl')), () => verifyJournal(join(root, 'none.jsonl'))]) {
      const e = thrown(f);
      expect([e.exit, e.code]).toEqual([EXIT.storage, 'journal-unreadable']);
    }
  });
});

describe('verifyJournal names the first bad line', () => {
  const rehash = (line: string, change: (e: JournalEvent) => void): string => {
    const e = JSON.parse(line) as JournalEvent;
    change(e);
    e.hash = hashEvent(e);
    return JSON.stringify(e);
  };
  it.each<[string, (ls: string[]) => string[], number, string]>([
    ['a value changed in a middle line', (ls) => ls.map((l, i) => (i === 2 ? l.replace('"i":3', '"i":30') : l)), 3, 'verify-bad-hash'],
    ['the actor changed', (ls) => ls.map((l, i) => (i === 1 ? l.replace('"zhang"', '"li"') : l)), 2, 'verify-bad-hash'],
    ['a line deleted', (ls) => ls.filter((_, i) => i !== 1), 2, 'verify-bad-seq'],
    ['the last line deleted (undetectable by the chain)', (ls) => ls.slice(0, -1), 0, 'ok'],
    ['two lines swapped', (ls) => [ls[0]!, ls[2]!, ls[1]!, ls[3]!, ls[4]!], 2, 'verify-bad-seq'],
    ['a line changed and its hash recomputed', (ls) => ls.map((l, i) => (i === 2 ? rehash(l, (e) => { e.data.i = 99; }) : l)), 4, 'verify-bad-prev'],
    ['a line deleted and the rest renumbered', (ls) => ls.filter((_, i) => i !== 1).map((l, i) => (i >= 1 ? rehash(l, (e) => { e.seq = i + 1; }) : l)), 2, 'verify-bad-prev'],
    ['line 1 chained to something other than GENESIS', (ls) => [rehash(ls[0]!, (e) => { e.prev = 'f'.repeat(64); }), ...ls.slice(1)], 1, 'verify-bad-prev'],
    ['a line that is not JSON', (ls) => ls.map((l, i) => (i === 3 ? l.slice(0, 20) : l)), 4, 'verify-bad-json'],
    ['a blank line', (ls) => [...ls.slice(0, 2), '', ...ls.slice(2)], 3, 'verify-bad-json'],
    ['a line with an extra field', (ls) => ls.map((l, i) => (i === 1 ? l.replace('{', '{"x":1,') : l)), 2, 'verify-bad-fields'],
    ['a line with a missing field', (ls) => ls.map((l, i) => (i === 4 ? l.replace(/"tz":"[^"]*",/, '') : l)), 5, 'verify-bad-fields'],
    ['a line that is an array', (ls) => ls.map((l, i) => (i === 0 ? '[1]' : l)), 1, 'verify-bad-fields'],
    ['two bad lines', (ls) => ls.map((l, i) => (i === 1 || i === 3 ? l.replace(/"i":\d/, '"i":0') : l)), 2, 'verify-bad-hash'],
    ['a hash changed to upper case', (ls) => ls.map((l, i) => (i === 2 ? l.replace(/"hash":"([0-9a-f]+)"/, (_, h: string) => `"hash":"${h.toUpperCase()}"`) : l)), 3, 'verify-bad-fields'],
  ])('%s', (_name, tamper, line, reason) => {
    const { dir, file } = journalOf(5);
    writeLines(file, tamper(lines(file)));
    const v = verifyJournal(file);
    if (reason === 'ok') {
      expect(v.ok).toBe(true);
      return;
    }
    expect(v).toMatchObject({ ok: false, line, reason });
    // The journal is refused for appending and left exactly as it is.
    const before = readFileSync(file);
    const e = thrown(() => Journal.open(dir));
    expect([e.exit, e.code, e.params]).toEqual([EXIT.storage, 'journal-corrupt', { line, reason }]);
    expect(readFileSync(file)).toEqual(before);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('detects invalid UTF-8', () => {
    const { file } = journalOf(2);
    const buf = readFileSync(file);
    const at = buf.indexOf('zhang');
    buf[at] = 0xff;
    writeFileSync(file, buf);
    expect(verifyJournal(file)).toMatchObject({ ok: false, line: 1, reason: 'verify-bad-json' });
  });
});

describe('torn tail', () => {
  it('half a line: read reports it, open drops it and says what it dropped', () => {
    const { dir, file } = journalOf(3);
    const full = readFileSync(file);
    const half = '{"seq":4,"at":"2026-11-23T02:14:09.512Z","tz":"Asia/Sha';
    appendFileSync(file, half);

    const r = readJournal(file);
    expect(r.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(r.torn).toEqual({ line: 4, bytes: Buffer.byteLength(half), complete: false });
    expect(r.bad).toBeUndefined();
    expect(verifyJournal(file)).toMatchObject({ ok: false, line: 4, reason: 'verify-torn' });

    const j = Journal.open(dir);
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    expect(j.repaired).toEqual({ line: 4, bytes: Buffer.byteLength(half), sha256: sha(half) });
    // The complete events are kept as they were, and the repair is recorded as the next event.
    expect(readFileSync(file).subarray(0, full.length)).toEqual(full);
    const e4 = j.events.at(-1)!;
    expect(j.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(e4).toMatchObject({ seq: 4, type: 'journal.repaired', data: { line: 4, bytes: Buffer.byteLength(half), sha256: sha(half) } });
    j.close();
    expect(verifyJournal(file)).toMatchObject({ ok: true, events: 4, last: e4.hash });
  });

  it('a first line torn inside a multi-byte character', () => {
    const dir = incident();
    const file = join(dir, JOURNAL_FILE);
    const bytes = Buffer.from('{"seq":1,"data":{"t":"漏');
    writeFileSync(file, bytes.subarray(0, bytes.length - 1));
    expect(readJournal(file)).toEqual({ events: [], torn: { line: 1, bytes: bytes.length - 1, complete: false } });
    const j = Journal.open(dir);
    expect(j.repaired).toMatchObject({ line: 1, bytes: bytes.length - 1 });
    expect(j.events.map((e) => e.type)).toEqual(['journal.repaired']);
    j.append(ev(2));
    j.close();
    expect(verifyJournal(file)).toMatchObject({ ok: true, events: 2 });
  });

  it('a complete last event without its newline is kept, and the newline added', () => {
    const { dir, file } = journalOf(3);
    const full = readFileSync(file);
    const cut = full.subarray(0, full.length - 1);
    writeFileSync(file, cut);

    const r = readJournal(file);
    expect(r.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(r.torn).toEqual({ line: 3, bytes: cut.length - (cut.lastIndexOf(0x0a) + 1), complete: true });
    expect(verifyJournal(file)).toMatchObject({ ok: true, events: 3 });

    const j = Journal.open(dir);
    expect(j.repaired).toBeUndefined();
    expect(j.events).toHaveLength(3);
    expect(readFileSync(file)).toEqual(full);
    j.append(ev(4));
    j.close();
    expect(verifyJournal(file)).toMatchObject({ ok: true, events: 4 });
    expect(lines(file)).toHaveLength(4);
  });

  it('a tampered last line without newline is not mistaken for a torn one', () => {
    const { dir, file } = journalOf(3);
    const text = readFileSync(file, 'utf8').slice(0, -1).replace('"i":3', '"i":4');
    writeFileSync(file, text);
    expect(verifyJournal(file)).toMatchObject({ ok: false, line: 3, reason: 'verify-bad-hash' });
    expect(thrown(() => Journal.open(dir)).code).toBe('journal-corrupt');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('lock', () => {
  it('refuses a second open in the same process, and allows it after close', () => {
    const { dir } = journalOf(1);
    const j = Journal.open(dir);
    const info = readLock(dir);
    expect(info).toMatchObject({ pid: process.pid, host: hostname() });
    expect(mode(join(dir, LOCK_FILE))).toBe(0o600);
    const e = thrown(() => Journal.open(dir));
    expect([e.exit, e.code, e.params]).toEqual([EXIT.storage, 'journal-locked', { id: 'INC-20261123-001', pid: process.pid, host: hostname(), since: info!.since }]);
    expect(e.hint?.code).toBe('hint-journal-locked');
    j.append(ev(2)); // the holder is unaffected
    j.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    Journal.open(dir).close();
  });

  it('refuses another process while this one holds it', async () => {
    const { dir } = journalOf(1);
    const j = Journal.open(dir);
    const out = JSON.parse((await run(process.execPath, [fixture('try-open.mjs'), dir])).stdout) as { ok: boolean; code: string; params: Record<string, unknown> };
    expect(out).toMatchObject({ ok: false, code: 'journal-locked', params: { pid: process.pid } });
    j.close();
    expect(JSON.parse((await run(process.execPath, [fixture('try-open.mjs'), dir])).stdout)).toMatchObject({ ok: true });
  });

  it('is refused while another live process holds it, and taken over once that process is SIGKILLed', async () => {
    const { dir, file } = journalOf(1);
    const child = spawn(process.execPath, [fixture('hold-lock.mjs'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((res) => child.stdout.once('data', () => res()));
    try {
      const e = thrown(() => Journal.open(dir));
      expect([e.code, e.params.pid]).toEqual(['journal-locked', child.pid]);
    } finally {
      child.kill('SIGKILL');
      await new Promise((res) => child.once('close', res));
    }
    expect(readLock(dir)?.pid).toBe(child.pid); // left behind by the kill
    const j = Journal.open(dir);
    expect(readLock(dir)?.pid).toBe(process.pid);
    j.append(ev(2));
    j.close();
    expect(verifyJournal(file)).toMatchObject({ ok: true, events: 2 });
  }, 20_000);

  it('is released when the process exits without close()', async () => {
    const { dir } = journalOf(1);
    expect(JSON.parse((await run(process.execPath, [fixture('try-open.mjs'), dir, '--leave'])).stdout)).toMatchObject({ ok: true });
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid;
  it.each<[string, () => string, boolean]>([
    ['a dead pid on this host is taken over', () => JSON.stringify({ pid: deadPid(), host: hostname(), since: '2026-01-01T00:00:00.000Z' }), true],
    ['a live pid on this host is respected', () => JSON.stringify({ pid: process.ppid, host: hostname(), since: '2026-01-01T00:00:00.000Z' }), false],
    ['a pid on another host is respected', () => JSON.stringify({ pid: deadPid(), host: `not-${hostname()}`, since: '2026-01-01T00:00:00.000Z' }), false],
    ['a fresh garbled lock is respected (its writer may be mid-write)', () => '', false],
  ])('%s', (_name, content, taken) => {
    const { dir } = journalOf(1);
    writeFileSync(join(dir, LOCK_FILE), content());
    if (taken) {
      const j = Journal.open(dir);
      expect(readLock(dir)?.pid).toBe(process.pid);
      j.close();
    } else {
      expect(thrown(() => Journal.open(dir)).code).toBe('journal-locked');
    }
    expect(existsSync(join(dir, `${LOCK_FILE}.break`))).toBe(false);
  });

  it('a taker does not remove a lock that changed after it judged it stale', () => {
    const { dir } = journalOf(1);
    const stale = JSON.stringify({ pid: deadPid(), host: hostname(), since: '2026-01-01T00:00:00.000Z' });
    const j = Journal.open(dir); // another taker got there first
    expect(breakStale(join(dir, LOCK_FILE), stale)).toBe(false);
    expect(readLock(dir)?.pid).toBe(process.pid);
    j.close();
  });

  it('takers wait for a fresh break guard, and clear one left by a crash', () => {
    const { dir } = journalOf(1);
    const lock = join(dir, LOCK_FILE);
    const stale = JSON.stringify({ pid: deadPid(), host: hostname(), since: '2026-01-01T00:00:00.000Z' });
    writeFileSync(lock, stale);
    writeFileSync(`${lock}.break`, '');
    expect(breakStale(lock, stale)).toBe(false);
    expect(thrown(() => Journal.open(dir)).code).toBe('journal-locked');
    expect(existsSync(lock)).toBe(true);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${lock}.break`, old, old);
    Journal.open(dir).close();
    expect(existsSync(`${lock}.break`)).toBe(false);
  });

  it('lets only one of several processes take over a stale lock', async () => {
    const { dir } = journalOf(1);
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: hostname(), since: '2026-01-01T00:00:00.000Z' }));
    // --leave: the winners keep the lock until they exit, so a late starter cannot also win.
    const outs = await Promise.all(Array.from({ length: 6 }, () => run(process.execPath, ['-e', `
      import(${JSON.stringify(DIST)}).then(({ Journal }) => {
        try { Journal.open(${JSON.stringify(dir)}); console.log('won'); setTimeout(() => {}, 1500); }
        catch (e) { console.log(e.code); }
      });`])));
    const results = outs.map((o) => o.stdout.trim()).sort();
    expect(results.filter((r) => r === 'won')).toHaveLength(1);
    expect(results.filter((r) => r === 'journal-locked')).toHaveLength(5);
  }, 30_000);
});

describe('crash (SIGKILL) during appends', () => {
  it('keeps every acknowledged event across 20 kills, repairs, and carries on', async () => {
    let tornSeen = 0;
    for (let round = 0; round < 20; round++) {
      // Even rounds: small lines, killed a random 0–5 ms after a random number of acks. Odd rounds:
      // multi-megabyte lines, killed while the next line is being written (a real torn write).
      const dir = incident();
      const file = join(dir, JOURNAL_FILE);
      const killAfter = 1 + Math.floor(Math.random() * 10);
      const acks = await crashRun(dir, round % 2 ? { big: 3_000_000, killAfter: killAfter % 4 + 1, midWrite: true } : { big: 0, killAfter, delayMs: Math.random() * 5 });
      expect(acks.length).toBeGreaterThan(0);
      const r = readJournal(file);
      const tornTail = Boolean(r.torn && !r.torn.complete);
      if (tornTail) tornSeen++;
      expect(verifyJournal(file)).toMatchObject(tornTail ? { ok: false, reason: 'verify-torn', line: r.events.length + 1 } : { ok: true });

      const bytes = readFileSync(file);
      const j = Journal.open(dir);
      expect(j.repaired?.line).toBe(tornTail ? r.events.length + 1 : undefined);
      if (j.repaired) {
        expect(j.repaired.bytes).toBe(r.torn?.bytes);
        expect(j.repaired.sha256).toBe(createHash('sha256').update(bytes.subarray(bytes.length - j.repaired.bytes)).digest('hex'));
      }
      for (const seq of acks) expect(j.events[seq - 1]?.seq).toBe(seq);
      expect(verifyJournal(file)).toMatchObject({ ok: true, events: j.events.length });
      const e = j.append(j.repaired ? { ...ev(0), type: 'journal.repaired', data: { ...j.repaired } } : ev(0));
      j.close();
      expect(verifyJournal(file)).toMatchObject({ ok: true, events: e.seq, last: e.hash });
      rmSync(dir, { recursive: true });
    }
    console.log(`crash test: ${tornSeen} of 20 kills tore a line`);
    // Linux cuts a write short on SIGKILL between pages: the mid-write rounds must have torn some.
    if (process.platform === 'linux') expect(tornSeen).toBeGreaterThan(0);
  }, 120_000);

  it('cuts a short write (file size limit) back to the last complete event', async () => {
    const dir = incident();
    const { stdout } = await run('sh', ['-c', 'ulimit -f 100 && exec "$0" "$1" "$2"', process.execPath, fixture('fill-up.mjs'), dir]);
    const out = JSON.parse(stdout) as { acked: number; code: string; params: Record<string, string>; after: string; events: number };
    expect(out).toMatchObject({ code: 'journal-write-failed' });
    expect(out.params.detail).toMatch(/short write|EFBIG/);
    expect(out.acked).toBeGreaterThan(0);
    expect(out.events).toBe(out.acked + (out.after === 'appended' ? 1 : 0));
    expect(readJournal(join(dir, JOURNAL_FILE)).torn).toBeUndefined();
    expect(verifyJournal(join(dir, JOURNAL_FILE))).toMatchObject({ ok: true, events: out.events });
  }, 20_000);
});

/**
 * Run append-loop.mjs on `dir` and SIGKILL it once `killAfter` seqs are acknowledged: after
 * `delayMs`, or (midWrite) the moment the file grows past its size at that point, i.e. while
 * the next line is being written. Returns the acknowledged seqs.
 */
async function crashRun(dir: string, opts: { big: number; killAfter: number; delayMs?: number; midWrite?: boolean }): Promise<number[]> {
  const child = spawn(process.execPath, [fixture('append-loop.mjs'), dir, String(opts.big)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const file = join(dir, JOURNAL_FILE);
  const acks: number[] = [];
  let pending = '';
  let stderr = '';
  let killing = false;
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  child.stdout.on('data', (d: Buffer) => {
    pending += d.toString();
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    acks.push(...parts.map(Number));
    if (acks.length < opts.killAfter || killing) return;
    killing = true;
    if (opts.midWrite) {
      // Busy-wait on the size: a multi-megabyte write takes milliseconds, a stat microseconds.
      const size = statSync(file).size;
      const until = Date.now() + 5000;
      while (statSync(file).size === size && Date.now() < until);
      child.kill('SIGKILL');
    } else setTimeout(() => child.kill('SIGKILL'), opts.delayMs ?? 0);
  });
  const [code, signal] = await new Promise<[number | null, string | null]>((res) => child.once('close', (c, s) => res([c, s])));
  expect({ code, signal, stderr }).toEqual({ code: null, signal: 'SIGKILL', stderr: '' });
  return acks;
}

function run(cmd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.once('error', rej);
    child.once('close', (code) => (code === 0 ? res({ code, stdout, stderr }) : rej(new Error(`${args.join(' ')} exited ${code}: ${stderr}`))));
  });
}

describe('messages', () => {
  const codes = ['incident-not-found', 'hint-incidents', 'incident-day-full', 'journal-unreadable', 'journal-missing', 'journal-write-failed', 'journal-locked', 'hint-journal-locked', 'journal-corrupt', 'hint-verify',
    'verify-bad-json', 'verify-bad-fields', 'verify-bad-seq', 'verify-bad-prev', 'verify-bad-hash', 'verify-torn'];
  it.each(codes)('%s is in the catalog in en, ja and zh', (code) => {
    const m = JOURNAL[code];
    expect(m && [m.en, m.ja, m.zh].every((s) => s.length > 0)).toBe(true);
  });
  it('every message uses the same parameters in each language', () => {
    for (const [code, m] of Object.entries(JOURNAL)) {
      const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      expect([code, params(m.ja)]).toEqual([code, params(m.en)]);
      expect([code, params(m.zh)]).toEqual([code, params(m.en)]);
    }
  });
});
