// Short-write test child, run under `ulimit -f`: append ~10 KB events until the file size limit
// cuts a write short (EFBIG: Node ignores SIGXFSZ), then print what happened as JSON.
// Usage: node fill-up.mjs DIR
import { Journal } from '../../../dist/adapters/journal.js';

const j = Journal.open(process.argv[2], { create: true });
let acked = 0;
try {
  for (;;) {
    j.append({ at: new Date().toISOString(), tz: 'UTC', actor: 'fill', type: 'note.added', data: { text: 'fill', pad: 'y'.repeat(10_000) } });
    acked++;
  }
} catch (e) {
  let after = 'refused';
  try { j.append({ at: new Date().toISOString(), tz: 'UTC', actor: 'fill', type: 'note.added', data: { text: 'after' } }); after = 'appended'; } catch { /* still full */ }
  console.log(JSON.stringify({ acked, code: e.code, params: e.params, after, events: j.events.length }));
}
