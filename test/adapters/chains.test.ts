// Many writers on one incident: one chain per writer, `seen` references, the merged order, the
// v1 layout, anchors (expected heads) against a cut tail, a recomputed chain, an emptied file and
// a removed chain file, and SIGKILL during appends of two concurrent writers.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, renameSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS, Journal, createIncident, hashEvent, readIncidentJournal, verifyIncident, verifyJournal, writerId, type JournalEvent, type NewEvent } from '../../src/adapters/journal.js';

const FIXTURES = fileURLToPath(new URL('./journal-fixtures/', import.meta.url));

let root: string;
beforeEach(() => { root = mkdtempSync(join(tmpdir(), 'irbook-chains-')); });
afterEach(() => { rmSync(root, { recursive: true, force: true }); });

let clock = Date.UTC(2026, 10, 23, 2);
const ev = (actor: string, type = 'note.added', data: Record<string, unknown> = { text: `${actor} says` }): NewEvent => ({ at: new Date((clock += 1000)).toISOString(), tz: 'Asia/Shanghai', actor, type, data });
const started = (actor: string) => ev(actor, 'session.started', { incident: 'INC-20261123-001', playbook: { id: 'chat-leak' }, responder: actor, timezone: 'Asia/Shanghai' });
const chain = (dir: string, actor: string) => join(dir, 'journal', `${writerId(actor)}.jsonl`);
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').slice(0, -1);

/** An incident walked by zhang while li adds notes from a second journal (a second process). */
function twoWriters(): { dir: string; zhang: Journal; li: Journal } {
  const { dir } = createIncident(join(root, 'store'), '20261123');
  const zhang = Journal.open(dir, { create: true, actor: 'zhang' });
  zhang.append(started('zhang'));
  zhang.append(ev('zhang'));
  const li = Journal.open(dir, { actor: 'li' });
  li.append(ev('li'));
  li.append(ev('li'));
  zhang.refresh();
  zhang.append(ev('zhang'));
  zhang.append(ev('zhang'));
  li.refresh();
  li.append(ev('li'));
  return { dir, zhang, li };
}

describe('one chain per writer', () => {
  it('writes each writer to its own chain, merges by time, and records seen heads only when they change', () => {
    const { dir, zhang, li } = twoWriters();
    const z = lines(chain(dir, 'zhang')).map((l) => JSON.parse(l) as JournalEvent);
    const l = lines(chain(dir, 'li')).map((x) => JSON.parse(x) as JournalEvent);
    expect(z.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(l.map((e) => e.seq)).toEqual([1, 2, 3]);
    // li read zhang's two events when it opened and two more on refresh; zhang saw li's two after refresh, once.
    expect(l.map((e) => e.seen)).toEqual([{ [writerId('zhang')]: z[1]!.hash }, undefined, { [writerId('zhang')]: z[3]!.hash }]);
    expect(z.map((e) => e.seen)).toEqual([undefined, undefined, { [writerId('li')]: l[1]!.hash }, undefined]);
    const merged = readIncidentJournal(dir);
    expect(merged.events.map((e) => `${e.actor}${e.seq}`)).toEqual(['zhang1', 'zhang2', 'li1', 'li2', 'zhang3', 'zhang4', 'li3']);
    expect(merged.heads).toEqual([{ writer: writerId('li'), seq: 3, hash: l[2]!.hash }, { writer: writerId('zhang'), seq: 4, hash: z[3]!.hash }]);
    expect(verifyIncident(dir)).toMatchObject({ ok: true, events: 7, heads: merged.heads });
    expect(zhang.heads()).toHaveLength(2);
    li.close();
  });

  it('an append names only the heads its process has read, so an answer never claims to have seen what came after', () => {
    const { dir, zhang, li } = twoWriters();
    zhang.append(ev('zhang'));
    const unread = li.append(ev('li'));
    expect(unread.seen).toBeUndefined();
    expect(li.refresh().map((x) => [x.writer, x.event.seq])).toEqual([[writerId('zhang'), 5]]);
    const read = li.append(ev('li'));
    expect(read.seen).toEqual({ [writerId('zhang')]: lines(chain(dir, 'zhang')).map((l) => (JSON.parse(l) as JournalEvent).hash).at(-1) });
    expect(verifyIncident(dir)).toMatchObject({ ok: true, events: 10 });
  });

  it('othersSince gives the other writers\' new events after a cursor, in order', () => {
    const { zhang, li } = twoWriters();
    const cursor = zhang.cursor();
    expect(zhang.othersSince(cursor).map((x) => x.event.seq)).toEqual([3]);
    li.append(ev('li', 'note.added', { text: 'call the DPO' }));
    zhang.append(ev('zhang', 'note.added', { text: 'mine, not news' }));
    const news = zhang.othersSince(cursor);
    expect(news.map((x) => [x.writer, x.event.seq, x.event.data.text])).toEqual([[writerId('li'), 3, 'li says'], [writerId('li'), 4, 'call the DPO']]);
    expect(zhang.othersSince(zhang.cursor())).toEqual([]);
    expect(zhang.events.map((e) => e.actor).at(-2)).toBe('li');
  });

  it('othersSince also gives what another process of the same writer added (a note from a second terminal), never this journal\'s own', () => {
    const { dir, zhang } = twoWriters();
    const cursor = zhang.cursor();
    zhang.append(ev('zhang', 'note.added', { text: 'from the walk' }));
    const second = Journal.open(dir, { actor: 'zhang' });
    second.append(ev('zhang', 'note.added', { text: 'from the second terminal' }));
    second.close();
    zhang.append(ev('zhang', 'note.added', { text: 'from the walk again' }));
    const news = zhang.othersSince(cursor);
    expect(news.map((x) => [x.writer, x.event.seq, x.event.data.text])).toEqual([[writerId('li'), 3, 'li says'], [writerId('zhang'), 6, 'from the second terminal']]);
    expect(zhang.othersSince(zhang.cursor())).toEqual([]);
    expect(verifyIncident(dir)).toMatchObject({ ok: true, events: 10 });
  });

  it('reads and verifies a v1 journal.jsonl as the single chain v1, and a note beside it as a second chain', () => {
    const { dir } = createIncident(join(root, 'store'), '20261123');
    const v1: JournalEvent[] = [];
    for (const e of [started('zhang'), ev('zhang')]) {
      const full = { ...e, seq: v1.length + 1, prev: v1.at(-1)?.hash ?? GENESIS, hash: '' };
      full.hash = hashEvent(full);
      v1.push(full);
    }
    writeFileSync(join(dir, 'journal.jsonl'), v1.map((e) => `${JSON.stringify(e)}\n`).join(''));
    expect(verifyIncident(dir)).toMatchObject({ ok: true, events: 2, heads: [{ writer: 'v1', seq: 2, hash: v1[1]!.hash }] });
    Journal.open(dir).append(ev('li'));
    expect(verifyIncident(dir)).toMatchObject({ ok: true, events: 3 });
    expect(readIncidentJournal(dir).events.map((e) => e.actor)).toEqual(['zhang', 'zhang', 'li']);
    // A v1 chain tampered with still fails, naming its file and line.
    writeFileSync(join(dir, 'journal.jsonl'), readFileSync(join(dir, 'journal.jsonl'), 'utf8').replace('zhang says', 'mallory says'));
    expect(verifyIncident(dir)).toMatchObject({ ok: false, file: join(dir, 'journal.jsonl'), line: 2, reason: 'verify-bad-hash' });
  });

  it('warns about event types it does not know, and fails on a known type missing a field', () => {
    const { dir, zhang } = twoWriters();
    zhang.append(ev('zhang', 'future.thing', { x: 1 }));
    expect(verifyIncident(dir)).toMatchObject({ ok: true, warnings: [{ file: chain(dir, 'zhang'), line: 5, type: 'future.thing' }] });
    expect(() => zhang.append(ev('zhang', 'note.added', { txt: 'typo' }))).toThrow(/data.text/);
  });
});

describe('anchors and cross references catch what a single chain cannot', () => {
  const rewrite = (file: string, keep: number, change?: (e: JournalEvent) => void) => {
    const out: JournalEvent[] = [];
    for (const l of lines(file).slice(0, keep)) {
      const e = JSON.parse(l) as JournalEvent;
      change?.(e);
      e.prev = out.at(-1)?.hash ?? GENESIS;
      e.hash = hashEvent(e);
      out.push(e);
    }
    writeFileSync(file, out.map((e) => `${JSON.stringify(e)}\n`).join(''));
  };
  it.each<[string, (dir: string) => void, string, string]>([
    ['zhang\'s last line cut', (dir) => rewrite(chain(dir, 'zhang'), 3), 'verify-seen-missing', 'verify-head-missing'],
    ['li\'s last line cut (nobody references it: only the anchor sees it)', (dir) => rewrite(chain(dir, 'li'), 2), 'ok', 'verify-head-missing'],
    ['zhang\'s chain rewritten and every hash recomputed', (dir) => rewrite(chain(dir, 'zhang'), 4, (e) => { if (e.seq === 2) e.data.text = 'nothing happened'; }), 'verify-seen-missing', 'verify-head-changed'],
    ['li\'s file emptied', (dir) => writeFileSync(chain(dir, 'li'), ''), 'verify-seen-missing', 'verify-chain-missing'],
    ['li\'s chain file removed', (dir) => unlinkSync(chain(dir, 'li')), 'verify-seen-missing', 'verify-chain-missing'],
  ])('%s', (_name, tamper, plain, anchored) => {
    const { dir } = twoWriters();
    const heads = verifyIncident(dir);
    if (!heads.ok) throw new Error('setup does not verify');
    tamper(dir);
    expect(verifyJournal(chain(dir, 'zhang')).ok).toBe(true); // each chain alone still looks fine
    expect(verifyIncident(dir)).toMatchObject(plain === 'ok' ? { ok: true } : { ok: false, reason: plain });
    const v = verifyIncident(dir, { expect: [{ source: 'report-hq.md', heads: heads.heads }] });
    expect(v).toMatchObject({ ok: false });
    if (!v.ok && plain === 'ok') expect([v.reason, v.detail]).toEqual([anchored, expect.stringContaining('report-hq.md: ')]);
  });

  it('a chain renamed to another writer breaks the references to it', () => {
    const { dir } = twoWriters();
    renameSync(chain(dir, 'li'), chain(dir, 'mallory'));
    expect(verifyIncident(dir)).toMatchObject({ ok: false, reason: 'verify-seen-missing' });
  });
});

describe('SIGKILL during appends of two concurrent writers', () => {
  it('keeps every acknowledged event of both, repairs, and both chains verify', async () => {
    for (let round = 0; round < 6; round++) {
      const { dir } = createIncident(join(root, 'store'), '20261123');
      const j = Journal.open(dir, { create: true, actor: 'zhang' });
      j.append(started('zhang'));
      const runs = await Promise.all(['zhang', 'li'].map((actor, i) => killedRun(dir, actor, round % 2 ? 2_000_000 : 0, 2 + ((round + i) % 5))));
      const r = Journal.open(dir, { actor: 'zhang' }); // repairs torn tails of this host's chains
      for (const [i, actor] of ['zhang', 'li'].entries()) {
        const events = r.events.filter((e) => e.actor === actor && e.type === 'note.added');
        const acked = runs[i]!;
        expect(events.length).toBeGreaterThanOrEqual(acked.length);
        for (const seq of acked) expect(events.some((e) => e.seq === seq)).toBe(true);
      }
      expect(verifyIncident(dir)).toMatchObject({ ok: true });
    }
  }, 120_000);
});

function killedRun(dir: string, actor: string, big: number, killAfter: number): Promise<number[]> {
  return new Promise((res) => {
    const child = spawn(process.execPath, [join(FIXTURES, 'append-loop.mjs'), dir, String(big), actor], { stdio: ['ignore', 'pipe', 'inherit'] });
    const acks: number[] = [];
    let pending = '';
    child.stdout.on('data', (d: Buffer) => {
      pending += d.toString();
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      acks.push(...parts.map(Number));
      if (acks.length >= killAfter) setTimeout(() => child.kill('SIGKILL'), Math.random() * 3);
    });
    child.once('close', () => res(acks));
  });
}
