// node test/bench/append.js INCIDENT_DIR ACTOR N: one of two writers started together on one
// incident. Times N Journal.append calls (a note each, into ACTOR's chain, fsync'd) interleaved
// with a raw writeSync + fsyncSync of a line of the same size into a file beside the journal, so
// disk and load affect both alike. Prints {journal: [ms…], raw: [ms…]}.
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Journal } from '../../dist/adapters/journal.js';

const [dir, actor, n] = [process.argv[2], process.argv[3], Number(process.argv[4])];
const j = Journal.open(dir, { actor });
const fd = openSync(join(dir, `raw-${actor}.bin`), 'a', 0o600);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const out = { journal: [], raw: [] };
for (let i = -20; i < n; i++) {
  let t = now();
  const e = j.append({ at: new Date().toISOString(), tz: 'Asia/Shanghai', actor, type: 'note.added', data: { text: `${actor} のメモ ${i}：漏えいの経過 / 泄露经过记录` } });
  const tj = now() - t;
  const line = Buffer.from(`${'x'.repeat(Buffer.byteLength(JSON.stringify(e)))}\n`);
  t = now();
  writeSync(fd, line, 0, line.length);
  fsyncSync(fd);
  const tr = now() - t;
  if (i >= 0) {
    out.journal.push(tj);
    out.raw.push(tr);
  }
}
closeSync(fd);
j.close();
process.stdout.write(JSON.stringify(out));
