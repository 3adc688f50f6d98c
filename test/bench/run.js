// npm run bench: prints the numbers quoted in the README's performance section.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chainsBench } from './chains.js';
import { benchAppend } from './journal.js';
import { ms } from './lib.js';
import { sessionBench } from './session.js';
import { startup, validateThroughput } from './startup-validate.js';

console.log(`irbook benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
startup();
validateThroughput();
await sessionBench();
const dir = mkdtempSync(join(tmpdir(), 'irbook-bench-'));
const j = benchAppend(dir, 1000);
rmSync(dir, { recursive: true, force: true });
console.log(`journal append p50, two writers on one incident ${ms(j.journalP50Ms)}  vs raw write+fsync ${ms(j.rawP50Ms)}  (${(j.journalP50Ms / j.rawP50Ms).toFixed(2)}×; goal ≤ 1.5×)`);
chainsBench();
