// irbook list: the playbooks found, with id, version, title and steps per stage.
import type { Context } from '../cli/context.js';
import { checkPlaybook, kindOf, yamlFiles } from '../adapters/playbook-fs.js';
import { playbooksDir } from '../adapters/dirs.js';
import { pick } from '../core/i18n/lang.js';
import { STAGE_IDS } from '../core/playbook/schema.js';
import { table } from '../cli/table.js';

export async function run(ctx: Context, o: { json?: boolean }): Promise<number> {
  const dir = playbooksDir(ctx.opts.playbooks, ctx.env);
  const rows = yamlFiles([dir]).filter((f) => kindOf(f) === 'playbook').map((file) => {
    const r = checkPlaybook(file, ctx.opts.templates);
    const pb = r.value;
    const errors = r.problems.filter((p) => p.severity === 'error').length;
    return {
      file,
      id: pb?.id ?? file,
      version: pb?.version ?? '',
      title: pb ? pick(pb.title, ctx.lang) : '',
      steps: pb ? Object.fromEntries(STAGE_IDS.map((s) => [s, pb.stages.find((x) => x.id === s)?.steps.length ?? 0])) : {},
      valid: errors === 0,
      errors,
    };
  });
  if (o.json) {
    ctx.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  if (!rows.length) {
    ctx.err(ctx.t('list-empty', { dir }));
    return 0;
  }
  const head = [ctx.t('col-id'), ctx.t('col-version'), ctx.t('col-stages'), ctx.t('col-title')];
  const body = rows.map((r) => [r.id, r.version, r.valid ? STAGE_IDS.map((s) => String(r.steps[s] ?? 0)).join('/') : '', r.valid ? r.title : ctx.c.red(ctx.t('list-invalid'))]);
  for (const line of table([head, ...body])) ctx.out(line);
  return 0;
}
