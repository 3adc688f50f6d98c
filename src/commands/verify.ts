// irbook verify INCIDENT: walk the hash chain; exit 5 and name the first bad line.
import { join } from 'node:path';
import type { Context } from '../cli/context.js';
import { incidentDir, JOURNAL_FILE, storeDir, verifyJournal } from '../adapters/journal.js';
import { sanitize } from '../core/text/sanitize.js';
import { EXIT } from '../errors.js';

export async function run(ctx: Context, id: string, o: { json?: boolean }): Promise<number> {
  const file = join(incidentDir(storeDir(ctx.opts.store, ctx.env), id), JOURNAL_FILE);
  const v = verifyJournal(file);
  if (o.json) ctx.out(JSON.stringify({ incident: id, file, ...v }, null, 2));
  else if (v.ok) ctx.out(ctx.c.green(ctx.t('verify-ok', { id, events: v.events, last: v.last.slice(0, 16) })));
  else {
    ctx.out(ctx.c.red(`${sanitize(file)}:${v.line}: ${ctx.t('verify-failed', { id, line: v.line, reason: ctx.t(v.reason) })}${v.detail ? ` (${sanitize(v.detail)})` : ''}`));
    // A half-written last line is what a crash leaves; resume repairs it (and records the repair).
    if (v.reason === 'verify-torn') ctx.err(`  → ${ctx.t('hint-verify-torn', { id })}`);
  }
  return v.ok ? EXIT.ok : EXIT.verify;
}
