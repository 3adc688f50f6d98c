// node test/bench/append.js INCIDENT_DIR ACTOR N: one of two writers started together on one
// incident. Times N Journal.append calls (a note each, into ACTOR's chain, fsync'd) interleaved
// with a raw writeSync + fsyncSync of a line of the same size into a file beside the journal, so
// disk and load affect both alike, and with a bare append: the same kind of line built and hashed
// (sha256 over its JSON, chained by prev), written and fsync'd, with no lock, no check of the chain
// and no validation: what any hash-chained append costs here before irbook's own work.
// Prints {journal: [ms…], raw: [ms…], bare: [ms…]}.
import { hash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Journal } from '../../dist/adapters/journal.js';

const [dir, actor, n] = [process.argv[2], process.argv[3], Number(process.argv[4])];
const j = Journal.open(dir, { actor });
const fd = openSync(join(dir, `raw-${actor}.bin`), 'a', 0o600);
const bareFd = openSync(join(dir, `bare-${actor}.jsonl`), 'a', 0o600);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const out = { journal: [], raw: [], bare: [] };
const note = (i) => ({ at: new Date().toISOString(), tz: 'Asia/Shanghai', actor, type: 'note.added', data: { text: `${actor} のメモ ${i}：漏えいの経過 / 泄露经过记录` } });
let prev = '0'.repeat(64);
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
  const b = { seq: i + 21, ...note(i), prev };
  prev = hash('sha256', JSON.stringify(b), 'hex');
  const bytes = Buffer.from(`${JSON.stringify({ ...b, hash: prev })}\n`);
  writeSync(bareFd, bytes, 0, bytes.length);
  fsyncSync(bareFd);
  const tb = now() - t;
  if (i >= 0) {
    out.journal.push(tj);
    out.raw.push(tr);
    out.bare.push(tb);
  }
}
closeSync(fd);
closeSync(bareFd);
j.close();
process.stdout.write(JSON.stringify(out));
