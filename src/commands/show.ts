// irbook show PLAYBOOK [--mermaid]: the playbook as an outline or a flowchart.
import type { Context } from '../cli/context.js';
import { loadPlaybook } from '../adapters/playbook-fs.js';
import { playbooksDir } from '../adapters/dirs.js';
import { mermaid, outline } from '../core/playbook/outline.js';

export async function run(ctx: Context, ref: string, o: { mermaid?: boolean }): Promise<number> {
  const { playbook } = loadPlaybook(ref, playbooksDir(ctx.opts.playbooks, ctx.env), ctx.opts.templates);
  if (o.mermaid) ctx.out(['```mermaid', mermaid(playbook, ctx.lang), '```'].join('\n'));
  else for (const line of outline(playbook, ctx.lang)) ctx.out(line);
  return 0;
}
