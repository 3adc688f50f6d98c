// node test/bench/append.js INCIDENT_DIR ACTOR N: one of two writers started together on one
// incident. Times N Journal.append calls (a note each, into ACTOR's chain, fsync'd) interleaved
// with a raw writeSync + fsyncSync of a line of the same size into a file beside the journal, so
// disk and load affect both alike, and with two floors of a hash-chained append: bare (the same
// kind of line built and hashed, chained by prev, written and fsync'd; no lock, no check, no
// validation) and locked (the same with the fewest calls a lock needs: a hard link taken on the
// memory file system, a stat of the file, the link removed). What any such append costs here
// before irbook's own work. Prints {journal: [ms…], raw: [ms…], bare: [ms…], locked: [ms…]}.
import { hash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, lstatSync, mkdtempSync, openSync, rmSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Journal } from '../../dist/adapters/journal.js';

const [dir, actor, n] = [process.argv[2], process.argv[3], Number(process.argv[4])];
const j = Journal.open(dir, { actor });
const fd = openSync(join(dir, `raw-${actor}.bin`), 'a', 0o600);
const bareFd = openSync(join(dir, `bare-${actor}.jsonl`), 'a', 0o600);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const out = { journal: [], raw: [], bare: [], locked: [] };
const locks = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'irbook-bench-'));
const holder = join(locks, 'holder');
writeFileSync(holder, String(process.pid));
const lockedFile = join(dir, `locked-${actor}.jsonl`);
const lockedFd = openSync(lockedFile, 'a', 0o600);
const note = (i) => ({ at: new Date().toISOString(), tz: 'Asia/Shanghai', actor, type: 'note.added', data: { text: `${actor} のメモ ${i}：漏えいの経過 / 泄露经过记录` } });
let prev = '0'.repeat(64);
let lockedPrev = prev;
// One bare append: the event chained to `last`, hashed, written and fsync'd, between take() and give().
function chained(fd, i, last, take, give) {
  const b = { seq: i + 21, ...note(i), prev: last };
  take();
  const h = hash('sha256', JSON.stringify(b), 'hex');
  const bytes = Buffer.from(`${JSON.stringify({ ...b, hash: h })}\n`);
  writeSync(fd, bytes, 0, bytes.length);
  give();
  fsyncSync(fd);
  return h;
}
const nothing = () => {};
for (let i = -20; i < n; i++) {
  let t = now();
  const e = j.append(note(i));
  const tj = now() - t;
  const line = Buffer.from(`${'x'.repeat(Buffer.byteLength(JSON.stringify(e)))}\n`);
  t = now();
  writeSync(fd, line, 0, line.length);
  fsyncSync(fd);
  const tr = now() - t;
  t = now();
  prev = chained(bareFd, i, prev, nothing, nothing);
  const tb = now() - t;
  t = now();
  lockedPrev = chained(lockedFd, i, lockedPrev, () => {
    linkSync(holder, join(locks, 'lock'));
    lstatSync(lockedFile);
  }, () => unlinkSync(join(locks, 'lock')));
  const tl = now() - t;
  if (i >= 0) {
    out.journal.push(tj);
    out.raw.push(tr);
    out.bare.push(tb);
    out.locked.push(tl);
  }
}
closeSync(fd);
closeSync(bareFd);
closeSync(lockedFd);
rmSync(locks, { recursive: true, force: true });
j.close();
process.stdout.write(JSON.stringify(out));
