// Crash test child: append events for ever, printing each seq only after append (and its fsync)
// has returned. The test SIGKILLs it at a random moment. Usage: node append-loop.mjs DIR [BIG [ACTOR]]
// With BIG, every line carries about BIG bytes, so a kill often lands inside a write and tears it.
import { writeSync } from 'node:fs';
import { Journal } from '../../../dist/adapters/journal.js';

const big = Number(process.argv[3] ?? 0);
const actor = process.argv[4] ?? 'crash';
const j = Journal.open(process.argv[2], { create: true, actor });
for (let i = 0; ; i++) {
  const pad = 'x'.repeat(Math.floor(big ? big * (0.5 + Math.random()) : Math.random() * 200));
  const e = j.append({ at: new Date().toISOString(), tz: 'Asia/Tokyo', actor, type: 'note.added', data: { i, text: '漏えい 泄露', pad } });
  writeSync(1, `${e.seq}\n`);
}
