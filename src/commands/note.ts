// irbook note INCIDENT TEXT: a note in the journal (internal: never in an authority report).
import { userInfo } from 'node:os';
import { checkedActor } from '../cli/actor.js';
import type { Context } from '../cli/context.js';
import { Journal, drillMark, incidentDir, storeDir } from '../adapters/journal.js';
import { EXIT, UserError } from '../errors.js';
import { MAX_NOTE } from '../core/session/input.js';

export async function run(ctx: Context, id: string, words: string[], o: { actor?: string }): Promise<number> {
  const text = words.join(' ').trim();
  if (!text) throw new UserError(EXIT.usage, 'empty-text');
  if (text.length > MAX_NOTE) throw new UserError(EXIT.usage, 'note-too-long', { chars: text.length, max: MAX_NOTE });
  const journal = Journal.open(incidentDir(storeDir(ctx.opts.store, ctx.env), id));
  try {
    const last = journal.events.at(-1);
    const e = journal.append({ at: new Date().toISOString(), tz: last?.tz ?? 'UTC', actor: checkedActor(o.actor ?? ctx.env.IRBOOK_ACTOR ?? userInfo().username), type: 'note.added', data: { text, ...drillMark(journal) } });
    ctx.out(ctx.t('note-added', { id, seq: e.seq }));
    return EXIT.ok;
  } finally {
    journal.close();
  }
}
