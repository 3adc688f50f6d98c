// Lock test child: try to open the journal and print the outcome as JSON. With --leave, exit
// without close() (the exit handler must release the lock). Usage: node try-open.mjs DIR [--leave]
import { Journal } from '../../../dist/adapters/journal.js';

try {
  const j = Journal.open(process.argv[2], { create: true });
  console.log(JSON.stringify({ ok: true, pid: process.pid }));
  if (process.argv[3] !== '--leave') j.close();
} catch (e) {
  console.log(JSON.stringify({ ok: false, code: e.code, params: e.params }));
}
