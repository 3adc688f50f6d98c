// irbook note INCIDENT TEXT: a note in the journal (internal: never in an authority report).
import { userInfo } from 'node:os';
import { checkedActor } from '../cli/actor.js';
import type { Context } from '../cli/context.js';
import { Journal, incidentDir, storeDir } from '../adapters/journal.js';
import { ev, stamp } from '../core/session/events.js';
import { sideStamp } from '../core/session/plan.js';
import { reduce } from '../core/session/state.js';
import { EXIT, UserError } from '../errors.js';
import { MAX_NOTE } from '../core/session/input.js';

export async function run(ctx: Context, id: string, words: string[], o: { actor?: string }): Promise<number> {
  const text = words.join(' ').trim();
  if (!text) throw new UserError(EXIT.usage, 'empty-text');
  if (text.length > MAX_NOTE) throw new UserError(EXIT.usage, 'note-too-long', { chars: text.length, max: MAX_NOTE });
  const journal = Journal.open(incidentDir(storeDir(ctx.opts.store, ctx.env), id));
  try {
    // In a drill the note takes the drill clock's time, so resuming does not jump to the wall clock.
    const at = sideStamp(reduce(journal.events), new Date(), checkedActor(o.actor ?? ctx.env.IRBOOK_ACTOR ?? userInfo().username), journal.events.at(-1)?.tz);
    const e = journal.append(stamp(ev('note.added', { text }), at));
    ctx.out(ctx.t('note-added', { id, seq: e.seq }));
    return EXIT.ok;
  } finally {
    journal.close();
  }
}
