// irbook list: the playbooks found through the layers (the team's folder, then the shipped one),
// with id, version, title, steps per stage and where each came from. It reads the files without
// validating them (that is `irbook validate`), so it stays fast.
import type { Context } from '../cli/context.js';
import { kindOf } from '../adapters/files.js';
import { listById, playbookLayers, playbooksDir, type Found } from '../adapters/dirs.js';
import { readSource } from '../adapters/yaml-source.js';
import { pick, type Text } from '../core/i18n/lang.js';
import { table } from '../cli/table.js';
import { STAGE_IDS } from '../core/playbook/constants.js';

interface Raw { id?: unknown; version?: unknown; title?: Text; stages?: { id?: unknown; steps?: unknown[] }[] }

function entry({ file, source }: Found) {
  const raw = readSource(file).value as Raw | undefined;
  const stages = Array.isArray(raw?.stages) ? raw.stages : [];
  return {
    file,
    source,
    id: typeof raw?.id === 'string' ? raw.id : undefined,
    version: typeof raw?.version === 'string' ? raw.version : undefined,
    title: raw?.title,
    steps: Object.fromEntries(STAGE_IDS.map((s) => [s, stages.find((x) => x?.id === s)?.steps?.length ?? 0])),
  };
}

export async function run(ctx: Context, o: { json?: boolean }): Promise<number> {
  const dir = playbooksDir(ctx.opts.playbooks, ctx.env);
  const rows = listById(playbookLayers(dir), (f) => kindOf(f) === 'playbook').map(entry);
  if (o.json) {
    ctx.out(JSON.stringify(rows.map((r) => ({ ...r, title: r.title === undefined ? undefined : pick(r.title, ctx.lang) })), null, 2));
    return 0;
  }
  if (!rows.length) {
    ctx.err(ctx.t('list-empty', { dir }));
    return 0;
  }
  const head = [ctx.t('col-id'), ctx.t('col-version'), ctx.t('col-source'), ctx.t('col-stages'), ctx.t('col-title')];
  const from = (r: { source: string }) => ctx.t(`source-${r.source}`);
  const body = rows.map((r) => r.id === undefined
    ? [r.file, '', from(r), '', ctx.c.red(ctx.t('list-invalid'))]
    : [r.id, r.version ?? '', from(r), STAGE_IDS.map((s) => String(r.steps[s])).join('/'), pick(r.title, ctx.lang)]);
  for (const line of table([head, ...body])) ctx.out(line);
  return 0;
}
