// Journal.append (one write + fsync, plus hashing and the lock-free bookkeeping) against a bare
// fs.writeSync + fs.fsyncSync loop of lines of the same size, in the same run on the same disk.
// Run directly: node test/bench/journal.js [N]   (needs npm run build)
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Journal } from '../../dist/adapters/journal.js';
import { median } from './lib.js';

const event = (i, actor = 'zhang') => ({
  at: new Date().toISOString(), tz: 'Asia/Shanghai', actor, type: 'decision.made',
  data: { step: 'isolate', expr: 'device_infected || malicious', recommended: true, answer: true, facts: { device_infected: true, malicious: false, persons_affected: 1500 + i } },
});

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** p50 of Journal.append and of a raw write+fsync of a line of the same size, n of each, in `dir`. */
export function benchAppend(dir, n) {
  const j = Journal.open(dir, { create: true, actor: 'zhang' });
  const other = Journal.open(dir, { actor: 'li' });
  j.append(event(0));
  const lineBytes = Buffer.byteLength(JSON.stringify(j.events.at(-1))) + 1;
  const line = Buffer.from(`${'x'.repeat(lineBytes - 1)}\n`);
  const fd = openSync(join(dir, 'raw.jsonl'), 'a', 0o600);
  const journal = [];
  const raw = [];
  // Interleaved (after a warm-up), so disk and JIT conditions are the same for both.
  for (let i = -20; i < n; i++) {
    let t0 = now();
    (i % 2 ? other : j).append(event(i, i % 2 ? 'li' : 'zhang'));
    const tj = now() - t0;
    t0 = now();
    writeSync(fd, line, 0, line.length);
    fsyncSync(fd);
    const tr = now() - t0;
    if (i >= 0) {
      journal.push(tj);
      raw.push(tr);
    }
  }
  closeSync(fd);
  j.close();
  return { journalP50Ms: median(journal), rawP50Ms: median(raw), lineBytes };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const n = Number(process.argv[2] ?? 500);
  const dir = mkdtempSync(join(tmpdir(), 'irbook-bench-'));
  try {
    const r = benchAppend(dir, n);
    console.log(`journal append + fsync, two writers: p50 ${r.journalP50Ms.toFixed(3)} ms (${n} events of ${r.lineBytes} bytes, in ${tmpdir()})`);
    console.log(`raw write + fsync:      p50 ${r.rawP50Ms.toFixed(3)} ms`);
    console.log(`ratio:                  ${(r.journalP50Ms / r.rawP50Ms).toFixed(2)}×`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
