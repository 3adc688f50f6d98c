// irbook show PLAYBOOK [--format text|mermaid|json]: the playbook as an outline, a flowchart or
// its parsed JSON; where it came from (the team's folder or the shipped one) goes to stderr.
import type { Context } from '../cli/context.js';
import { findPlaybook } from '../adapters/files.js';
import { loadValidated } from '../adapters/playbook-cache.js';
import { playbooksDir } from '../adapters/dirs.js';
import { mermaid, outline } from '../core/playbook/outline.js';

export interface ShowOptions { format: 'text' | 'mermaid' | 'json' }

export async function run(ctx: Context, ref: string, o: ShowOptions): Promise<number> {
  const dir = playbooksDir(ctx.opts.playbooks, ctx.env);
  const { file, playbook } = await loadValidated(ref, dir, ctx.opts.templates, ctx.env);
  const source = findPlaybook(ref, dir)?.source ?? 'team';
  if (o.format === 'json') {
    ctx.out(JSON.stringify({ file, source, playbook }, null, 2));
    return 0;
  }
  ctx.err(ctx.c.dim(`${ctx.t(`source-${source}`)}: ${file}`));
  if (o.format === 'mermaid') ctx.out(['```mermaid', mermaid(playbook, ctx.lang), '```'].join('\n'));
  else for (const line of outline(playbook, ctx.lang)) ctx.out(line);
  return 0;
}
