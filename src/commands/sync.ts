// irbook sync [INCIDENT]: share the store with the other sites through its git remote — this
// host's new journal lines, seals and id counter committed, then pull --rebase and push.
import type { Context } from '../cli/context.js';
import { playbooksDir } from '../adapters/dirs.js';
import { incidentDir, storeDir } from '../adapters/journal.js';
import { syncStore } from '../adapters/git-sync.js';
import { EXIT } from '../errors.js';

export async function run(ctx: Context, id: string | undefined, _o: Record<string, never>): Promise<number> {
  const store = storeDir(ctx.opts.store, ctx.env);
  if (id) incidentDir(store, id);
  const r = syncStore(store, { playbooks: playbooksDir(ctx.opts.playbooks, ctx.env), ...(id && { incident: id }) });
  ctx.out(ctx.t('synced', { remote: r.remote, lines: r.committed, files: r.files.length, pulled: r.pulled }));
  return EXIT.ok;
}
