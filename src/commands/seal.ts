// irbook seal INCIDENT: sign the incident's heads (per writer: last seq and hash) with an SSH key
// into seals/, so a later cut or rewrite of any chain fails `verify` against the signature.
import type { Context } from '../cli/context.js';
import { defaultActor, verifyIncident, writerId, incidentDir, storeDir } from '../adapters/journal.js';
import { corrupt } from '../adapters/chains.js';
import { seal } from '../adapters/seal.js';
import { EXIT, UserError } from '../errors.js';

export async function run(ctx: Context, id: string, o: { key?: string; actor?: string }): Promise<number> {
  const dir = incidentDir(storeDir(ctx.opts.store, ctx.env), id);
  const key = o.key ?? ctx.env.IRBOOK_SIGNING_KEY;
  if (!key) throw new UserError(EXIT.usage, 'seal-key-missing', { key: '-' });
  // Only heads that verify are worth signing.
  const v = verifyIncident(dir);
  if (!v.ok) throw corrupt(v, EXIT.verify);
  const file = seal(dir, id, v.heads, key, writerId(o.actor ?? defaultActor(ctx.env)));
  ctx.out(ctx.t('sealed', { id, file, n: v.heads.length }));
  return EXIT.ok;
}
