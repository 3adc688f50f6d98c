// irbook evidence INCIDENT FILE…: register evidence by sha256, size and real path (files stay put).
import { userInfo } from 'node:os';
import { checkedActor } from '../cli/actor.js';
import type { Context } from '../cli/context.js';
import { Journal, incidentDir, storeDir } from '../adapters/journal.js';
import { ev, stamp } from '../core/session/events.js';
import { sideStamp } from '../core/session/plan.js';
import { reduce } from '../core/session/state.js';
import { readEvidence } from '../adapters/evidence.js';
import { EXIT, UserError } from '../errors.js';
import { MAX_NOTE } from '../core/session/input.js';

export async function run(ctx: Context, id: string, files: string[], o: { actor?: string; note?: string }): Promise<number> {
  const dir = incidentDir(storeDir(ctx.opts.store, ctx.env), id);
  const actor = checkedActor(o.actor ?? ctx.env.IRBOOK_ACTOR ?? userInfo().username);
  if (o.note && o.note.length > MAX_NOTE) throw new UserError(EXIT.usage, 'note-too-long', { chars: o.note.length, max: MAX_NOTE });
  // Hash everything first: a file that cannot be registered refuses the whole call before anything is journaled.
  const items = files.map(readEvidence);
  const journal = Journal.open(dir);
  try {
    const at = sideStamp(reduce(journal.events), new Date(), actor, journal.events.at(-1)?.tz);
    for (const it of items) {
      const e = journal.append(stamp(ev('evidence.added', { ...it, ...(o.note ? { note: o.note } : {}) }), at));
      ctx.out(ctx.t('evidence-added', { path: it.link ? `${it.link} → ${it.path}` : it.path, sha256: it.sha256, bytes: it.bytes, seq: e.seq }));
    }
    return EXIT.ok;
  } finally {
    journal.close();
  }
}
