// Short-lock test child: open a journal another process has open, append one event, print the
// outcome as JSON. Usage: node try-open.mjs DIR
import { Journal } from '../../../dist/adapters/journal.js';

try {
  const j = Journal.open(process.argv[2]);
  const e = j.append({ at: new Date().toISOString(), tz: 'UTC', actor: 'zhang', type: 'note.added', data: { text: 'from another process' } });
  console.log(JSON.stringify({ ok: true, seq: e.seq }));
} catch (e) {
  console.log(JSON.stringify({ ok: false, code: e.code, params: e.params }));
}
