// The session journal: canonical hashing, the chain, tampering, torn tails, permissions, incident
// ids, the lock, and a real crash (SIGKILL) test. The child-process tests use dist/ (npm run build).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  GENESIS, Journal, createIncident, hashEvent, incidentDir, listIncidents, readJournal, storeDir, verifyIncident, verifyJournal, writerId,
  type JournalEvent, type NewEvent,
} from '../../src/adapters/journal.js';
import { breakStale, chainLock, readLock } from '../../src/adapters/lock.js';
import { hostSite, siteCode } from '../../src/adapters/site.js';
import { JOURNAL } from '../../src/core/i18n/journal-messages.js';
import { EXIT, UserError } from '../../src/errors.js';

const FIXTURES = fileURLToPath(new URL('./journal-fixtures/', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/adapters/journal.js', import.meta.url));
const fixture = (name: string) => join(FIXTURES, name);

let root: string;
// Lock files a test wrote itself: they live in the lock folder, outside root, named by the journal
// folder's inode, which a later test's folder may reuse.
const planted: string[] = [];
beforeEach(() => { root = mkdtempSync(join(tmpdir(), 'irbook-journal-')); });
afterEach(() => {
  for (const f of planted.splice(0)) for (const x of [f, `${f}.break`]) rmSync(x, { force: true });
  rmSync(root, { recursive: true, force: true });
});
/** Write a lock file as another process would have left it. */
const plant = (file: string, content: string) => {
  planted.push(file);
  writeFileSync(file, content);
};

const ev = (i: number, data: Record<string, unknown> = {}): NewEvent => ({
  at: new Date(Date.UTC(2026, 10, 23, 2, 14, i)).toISOString(), tz: 'Asia/Shanghai', actor: 'zhang', type: 'note.added', data: { text: `note ${i}`, i, ...data },
});

function incident(): string {
  return createIncident(join(root, 'store'), '20261123').dir;
}

/** A closed journal of n events; returns its folder and file. */
function journalOf(n: number): { dir: string; file: string } {
  const dir = incident();
  const j = Journal.open(dir, { create: true, actor: 'zhang' });
  for (let i = 1; i <= n; i++) j.append(ev(i));
  j.close();
  return { dir, file: chainOf(dir) };
}

/** The chain file of `actor` at this host. */
const chainOf = (dir: string, actor = 'zhang') => join(dir, 'journal', `${writerId(actor)}.jsonl`);
const lockOf = (dir: string, actor = 'zhang') => chainLock(join(dir, 'journal'), writerId(actor));

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
    // Not even the highest one (the counter file remembers), nor the whole lot.
    rmSync(join(store, 'INC-20261123-004'), { recursive: true });
    expect(createIncident(store, '20261123').id).toBe('INC-20261123-005');
    for (const id of listIncidents(store)) rmSync(join(store, id), { recursive: true });
    expect(createIncident(store, '20261123').id).toBe('INC-20261123-006');
  });

  it('puts a site code in the id, numbered per site, so clones of one store never collide', () => {
    const store = join(root, 'store');
    expect([createIncident(store, '20261123', 'SH').id, createIncident(store, '20261123', 'TK').id, createIncident(store, '20261123', 'SH').id, createIncident(store, '20261123').id])
      .toEqual(['INC-20261123-SH-001', 'INC-20261123-TK-001', 'INC-20261123-SH-002', 'INC-20261123-001']);
    expect(listIncidents(store)).toHaveLength(4);
    expect(incidentDir(store, 'INC-20261123-SH-002')).toBe(join(store, 'INC-20261123-SH-002'));
    expect(() => createIncident(store, '20261123', 'sh/..')).toThrow(TypeError);
  });

  it('takes the site code from IRBOOK_SITE, else the profile\'s site, else the host in a git store only', () => {
    const store = join(root, 'store');
    mkdirSync(store);
    expect(siteCode(store, {}, { host: 'sh-01' })).toBeUndefined();
    mkdirSync(join(store, '.git'));
    expect(siteCode(store, {}, { host: 'sh-01' })).toBe(hostSite('sh-01'));
    expect(siteCode(store, {}, { site: 'sh01', host: 'sh-01' })).toBe('SH01');
    expect(siteCode(store, { IRBOOK_SITE: 'tk' }, { site: 'sh01' })).toBe('TK');
    expect(thrown(() => siteCode(store, { IRBOOK_SITE: 'TOKYO-HQ' })).code).toBe('bad-site-code');
  });

  it.each<[string, RegExp]>([['sh-01.example.cn', /^SH01[0-9A-Z]{2}$/], ['tokyo-hq', /^TOKY[0-9A-Z]{2}$/], ['東京', /^[0-9A-Z]{2}$/]])('derives a site code from host %s', (host, re) => {
    expect(hostSite(host)).toMatch(re);
    expect(hostSite(host)).not.toBe(hostSite(`${host}2`));
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
      Journal.open(dir, { create: true, actor: 'zhang' }).close();
      expect(mode(store)).toBe(0o700);
      expect(mode(dir)).toBe(0o700);
      expect(mode(chainOf(dir))).toBe(0o600);
      process.umask(0o277);
      const second = createIncident(store, '20261123').dir;
      Journal.open(second, { create: true, actor: 'zhang' }).close();
      expect(mode(second)).toBe(0o700);
      expect(mode(chainOf(second))).toBe(0o600);
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
    const j = Journal.open(dir, { create: true, actor: 'zhang' });
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

    const file = chainOf(dir);
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
    const data: Record<string, unknown> = { text: 'x', n: 1 };
    const e = j.append({ ...ev(1), data });
    data.n = 2;
    expect(e.data).toEqual({ text: 'x', n: 1 });
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
    expect(existsSync(chainOf(dir))).toBe(false);
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
    expect([e.exit, e.code, e.params]).toMatchObject([EXIT.storage, 'journal-corrupt', { file, line, reason }]);
    expect(readFileSync(file)).toEqual(before);
    expect(existsSync(lockOf(dir))).toBe(false);
  });

  it('detects invalid UTF-8', () => {
    const { file } = journalOf(2);
    const buf = readFileSync(file);
    const at = buf.indexOf('zhang');
    buf[at] = 0xff;
    writeFileSync(file, buf);
    expect(verifyJournal(file)).toMatchObject({ ok: false, line: 1, reason: 'verify-bad-utf8' });
  });

  it('names line 15 for invalid UTF-8 in line 15, and refuses a 0-byte journal, a device, a missing start', () => {
    const { dir, file } = journalOf(20);
    const buf = readFileSync(file);
    let at = 0;
    for (let n = 0; n < 14; n++) at = buf.indexOf(0x0a, at) + 1;
    buf[buf.indexOf('note', at)] = 0xc3; // a lead byte followed by ASCII
    writeFileSync(file, buf);
    expect(verifyJournal(file)).toMatchObject({ ok: false, line: 15, reason: 'verify-bad-utf8' });
    expect(verifyIncident(dir)).toMatchObject({ ok: false, file, line: 15, reason: 'verify-bad-utf8' });
    writeFileSync(file, '');
    expect(verifyIncident(dir)).toMatchObject({ ok: false, reason: 'verify-empty' });
    writeFileSync(file, buf.subarray(0, buf.indexOf(0x0a) + 1));
    expect(verifyIncident(dir)).toMatchObject({ ok: false, reason: 'verify-no-start' });
    rmSync(file);
    symlinkSync('/dev/full', file);
    const e = thrown(() => verifyIncident(dir));
    expect([e.exit, e.code]).toEqual([EXIT.storage, 'journal-not-file']);
    expect(thrown(() => Journal.open(dir)).code).toBe('journal-not-file');
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
    const file = chainOf(dir);
    mkdirSync(join(dir, 'journal'));
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

describe('short lock: one append, never a session', () => {
  it('two journals open on one incident both append; each catches up with the other', () => {
    const { dir, file } = journalOf(1);
    const a = Journal.open(dir);
    const b = Journal.open(dir);
    expect(a.append(ev(2)).seq).toBe(2);
    expect(b.append(ev(3))).toMatchObject({ seq: 3, prev: a.events.at(-1)!.hash });
    expect(a.append(ev(4)).seq).toBe(4);
    a.close();
    b.close();
    expect(verifyJournal(file)).toMatchObject({ ok: true, events: 4 });
    expect(existsSync(lockOf(dir))).toBe(false);
  });

  it('another process appends while this one has the journal open', async () => {
    const { dir, file } = journalOf(1);
    const j = Journal.open(dir);
    const out = JSON.parse((await run(process.execPath, [fixture('try-open.mjs'), dir])).stdout) as { ok: boolean; seq: number };
    expect(out).toMatchObject({ ok: true, seq: 2 });
    expect(j.append(ev(3)).seq).toBe(3);
    j.close();
    expect(verifyJournal(file)).toMatchObject({ ok: true, events: 3 });
  });

  it('waits for a live holder, gives up with journal-busy after the bound, and takes over once the holder is SIGKILLed', async () => {
    const { dir, file } = journalOf(1);
    const child = spawn(process.execPath, [fixture('hold-lock.mjs'), lockOf(dir)], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((res) => child.stdout.once('data', () => res()));
    try {
      const j = Journal.open(dir, { lockWaitMs: 300 });
      const t0 = Date.now();
      const e = thrown(() => j.append(ev(2)));
      expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
      expect([e.exit, e.code, e.params.pid, e.hint?.code]).toEqual([EXIT.storage, 'journal-busy', child.pid, 'hint-journal-busy']);
      expect(lines(file)).toHaveLength(1);
    } finally {
      child.kill('SIGKILL');
      await new Promise((res) => child.once('close', res));
    }
    expect(readLock(lockOf(dir))?.pid).toBe(child.pid); // left behind by the kill
    const j = Journal.open(dir, { lockWaitMs: 300 });
    j.append(ev(2));
    expect(existsSync(lockOf(dir))).toBe(false);
    expect(verifyJournal(file)).toMatchObject({ ok: true, events: 2 });
  }, 20_000);

  const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid;
  it.each<[string, () => string, boolean]>([
    ['a dead pid on this host is taken over', () => JSON.stringify({ pid: deadPid(), host: hostname(), since: '2026-01-01T00:00:00.000Z' }), true],
    ['a live pid on this host is respected', () => JSON.stringify({ pid: process.ppid, host: hostname(), since: '2026-01-01T00:00:00.000Z' }), false],
    ['a pid on another host is respected', () => JSON.stringify({ pid: deadPid(), host: `not-${hostname()}`, since: '2026-01-01T00:00:00.000Z' }), false],
    ['a fresh garbled lock is respected (its writer may be mid-write)', () => '', false],
  ])('%s', (_name, content, taken) => {
    const { dir, file } = journalOf(1);
    plant(lockOf(dir), content());
    const j = Journal.open(dir, { lockWaitMs: 200 });
    if (taken) {
      j.append(ev(2));
      expect(existsSync(lockOf(dir))).toBe(false);
    } else {
      expect(thrown(() => j.append(ev(2))).code).toBe('journal-busy');
      expect(lines(file)).toHaveLength(1);
    }
    expect(existsSync(`${lockOf(dir)}.break`)).toBe(false);
  });

  it('a taker does not remove a lock that changed after it judged it stale', () => {
    const { dir } = journalOf(1);
    const stale = JSON.stringify({ pid: deadPid(), host: hostname(), since: '2026-01-01T00:00:00.000Z' });
    const fresh = JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-01-02T00:00:00.000Z' });
    plant(lockOf(dir), fresh); // another taker got there first
    expect(breakStale(lockOf(dir), stale)).toBe(false);
    expect(readFileSync(lockOf(dir), 'utf8')).toBe(fresh);
  });

  it('takers wait for a fresh break guard, and clear one left by a crash', () => {
    const { dir } = journalOf(1);
    const lock = lockOf(dir);
    const stale = JSON.stringify({ pid: deadPid(), host: hostname(), since: '2026-01-01T00:00:00.000Z' });
    plant(lock, stale);
    writeFileSync(`${lock}.break`, '');
    expect(breakStale(lock, stale)).toBe(false);
    expect(thrown(() => Journal.open(dir, { lockWaitMs: 100 }).append(ev(2))).code).toBe('journal-busy');
    expect(existsSync(lock)).toBe(true);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${lock}.break`, old, old);
    Journal.open(dir).append(ev(2));
    expect(existsSync(`${lock}.break`)).toBe(false);
  });

  it('six processes appending to one chain at once (after a stale lock) lose nothing and keep it whole', async () => {
    const { dir, file } = journalOf(1);
    plant(lockOf(dir), JSON.stringify({ pid: deadPid(), host: hostname(), since: '2026-01-01T00:00:00.000Z' }));
    const outs = await Promise.all(Array.from({ length: 6 }, (_, p) => run(process.execPath, ['-e', `
      import(${JSON.stringify(DIST)}).then(({ Journal }) => {
        const j = Journal.open(${JSON.stringify(dir)});
        const seqs = [];
        for (let i = 0; i < 20; i++) seqs.push(j.append({ at: new Date().toISOString(), tz: 'UTC', actor: 'zhang', type: 'note.added', data: { text: 'p${p} ' + i } }).seq);
        console.log(JSON.stringify(seqs));
      });`])));
    const acked = outs.flatMap((o) => JSON.parse(o.stdout) as number[]);
    expect(acked.sort((a, b) => a - b)).toEqual(Array.from({ length: 120 }, (_, i) => i + 2));
    expect(verifyJournal(file)).toMatchObject({ ok: true, events: 121 });
  }, 30_000);
});

describe('crash (SIGKILL) during appends', () => {
  it('keeps every acknowledged event across 20 kills, repairs, and carries on', async () => {
    let tornSeen = 0;
    for (let round = 0; round < 20; round++) {
      // Even rounds: small lines, killed a random 0–5 ms after a random number of acks. Odd rounds:
      // multi-megabyte lines, killed while the next line is being written (a real torn write).
      const dir = incident();
      const file = chainOf(dir, 'crash');
      const killAfter = 1 + Math.floor(Math.random() * 10);
      const acks = await crashRun(dir, round % 2 ? { big: 3_000_000, killAfter: killAfter % 4 + 1, midWrite: true } : { big: 0, killAfter, delayMs: Math.random() * 5 });
      expect(acks.length).toBeGreaterThan(0);
      const r = readJournal(file);
      const tornTail = Boolean(r.torn && !r.torn.complete);
      if (tornTail) tornSeen++;
      expect(verifyJournal(file)).toMatchObject(tornTail ? { ok: false, reason: 'verify-torn', line: r.events.length + 1 } : { ok: true });

      const bytes = readFileSync(file);
      const j = Journal.open(dir, { actor: 'crash' });
      expect(j.repaired?.line).toBe(tornTail ? r.events.length + 1 : undefined);
      if (j.repaired) {
        expect(j.repaired.bytes).toBe(r.torn?.bytes);
        expect(j.repaired.sha256).toBe(createHash('sha256').update(bytes.subarray(bytes.length - j.repaired.bytes)).digest('hex'));
      }
      for (const seq of acks) expect(j.events[seq - 1]?.seq).toBe(seq);
      expect(verifyJournal(file)).toMatchObject({ ok: true, events: j.events.length });
      const e = j.append({ ...(j.repaired ? { ...ev(0), type: 'journal.repaired', data: { ...j.repaired } } : ev(0)), actor: 'crash' });
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
    expect(readJournal(chainOf(dir, 'fill')).torn).toBeUndefined();
    expect(verifyJournal(chainOf(dir, 'fill'))).toMatchObject({ ok: true, events: out.events });
  }, 20_000);
});

/**
 * Run append-loop.mjs on `dir` and SIGKILL it once `killAfter` seqs are acknowledged: after
 * `delayMs`, or (midWrite) the moment the file grows past its size at that point, i.e. while
 * the next line is being written. Returns the acknowledged seqs.
 */
async function crashRun(dir: string, opts: { big: number; killAfter: number; delayMs?: number; midWrite?: boolean }): Promise<number[]> {
  const child = spawn(process.execPath, [fixture('append-loop.mjs'), dir, String(opts.big)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const file = chainOf(dir, 'crash');
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
  const codes = ['incident-not-found', 'hint-incidents', 'incident-day-full', 'journal-unreadable', 'journal-missing', 'journal-write-failed', 'journal-busy', 'hint-journal-busy', 'journal-not-file', 'journal-corrupt', 'hint-verify',
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
