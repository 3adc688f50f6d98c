// irbook evidence INCIDENT FILE…: register evidence by sha256, size and path (files stay put).
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { Context } from '../cli/context.js';
import { Journal, incidentDir, storeDir } from '../adapters/journal.js';
import { ev, stamp } from '../core/session/events.js';
import { sideStamp } from '../core/session/plan.js';
import { reduce } from '../core/session/state.js';
import { EXIT, UserError } from '../errors.js';

async function sha256(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export async function run(ctx: Context, id: string, files: string[], o: { actor?: string; note?: string }): Promise<number> {
  const dir = incidentDir(storeDir(ctx.opts.store, ctx.env), id);
  // Hash everything first: a missing file refuses the whole call before anything is journaled.
  const items = [];
  for (const f of files) {
    const path = resolve(f);
    try {
      const st = statSync(path);
      if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      items.push({ path, bytes: st.size, sha256: await sha256(path) });
    } catch (e) {
      throw new UserError(EXIT.usage, 'evidence-unreadable', { path: f, detail: (e as NodeJS.ErrnoException).code ?? String(e) });
    }
  }
  const journal = Journal.open(dir);
  try {
    const at = sideStamp(reduce(journal.events), new Date(), o.actor ?? ctx.env.IRBOOK_ACTOR ?? userInfo().username, journal.events.at(-1)?.tz);
    for (const it of items) {
      const e = journal.append(stamp(ev('evidence.added', { ...it, ...(o.note ? { note: o.note } : {}) }), at));
      ctx.out(ctx.t('evidence-added', { path: it.path, sha256: it.sha256, bytes: it.bytes, seq: e.seq }));
    }
    return EXIT.ok;
  } finally {
    journal.close();
  }
}
