// Concurrency test child: create N incidents on one day and print their ids, one a line.
// Usage: node create-incidents.mjs STORE DAY N
import { createIncident } from '../../../dist/adapters/journal.js';

const [store, day, n] = process.argv.slice(2);
for (let i = 0; i < Number(n); i++) console.log(createIncident(store, day).id);
