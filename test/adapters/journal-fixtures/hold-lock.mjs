// Lock test child: open the journal, say so, then hold it until killed. Usage: node hold-lock.mjs DIR
import { writeSync } from 'node:fs';
import { Journal } from '../../../dist/adapters/journal.js';

Journal.open(process.argv[2], { create: true });
writeSync(1, 'locked\n');
setInterval(() => {}, 60_000);
