// Short-lock test child: take a chain's lock, say so, then hold it until killed (a writer stuck
// mid-append). Usage: node hold-lock.mjs LOCKFILE
import { writeSync } from 'node:fs';
import { acquireLock } from '../../../dist/adapters/lock.js';

acquireLock(process.argv[2]);
writeSync(1, 'locked\n');
setInterval(() => {}, 60_000);
