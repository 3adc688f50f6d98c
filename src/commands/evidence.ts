// irbook evidence INCIDENT FILE…: register evidence by sha256, size and path (files stay put).
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { checkedActor } from '../cli/actor.js';
import type { Context } from '../cli/context.js';
import { Journal, drillMark, incidentDir, storeDir } from '../adapters/journal.js';
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
    const tz = journal.events.at(-1)?.tz ?? 'UTC';
    const actor = checkedActor(o.actor ?? ctx.env.IRBOOK_ACTOR ?? userInfo().username);
    for (const it of items) {
      const e = journal.append({ at: new Date().toISOString(), tz, actor, type: 'evidence.added', data: { ...it, ...(o.note ? { note: o.note } : {}), ...drillMark(journal) } });
      ctx.out(ctx.t('evidence-added', { path: it.path, sha256: it.sha256, bytes: it.bytes, seq: e.seq }));
    }
    return EXIT.ok;
  } finally {
    journal.close();
  }
}
