// irbook list: the playbooks found through the layers (the team's folder, then the shipped one),
// with id, version, title, steps per stage and where each came from. It reads the files without
// validating them (that is `irbook validate`), so it stays fast; what it read of each file is
// cached by the file's size, times and inode, and the YAML reader is loaded only for a file that changed.
import { statSync } from 'node:fs';
import type { Context } from '../cli/context.js';
import { kindOf } from '../adapters/files.js';
import { listById, playbookLayers, playbooksDir, type Found } from '../adapters/dirs.js';
import { buildId, cacheKey, readCache, writeCache } from '../adapters/cache.js';
import { pick, type Text } from '../core/i18n/lang.js';
import { table } from '../cli/table.js';
import { STAGE_IDS } from '../core/playbook/constants.js';

interface Raw { id?: unknown; version?: unknown; title?: Text; stages?: { id?: unknown; steps?: unknown[] }[] }
interface Shown { id?: string; version?: string; title?: Text; steps: Record<string, number> }
type Cached = Record<string, { stamp: string; shown: Shown }>;

function shown(raw: Raw | undefined): Shown {
  const stages = Array.isArray(raw?.stages) ? raw.stages : [];
  return {
    id: typeof raw?.id === 'string' ? raw.id : undefined,
    version: typeof raw?.version === 'string' ? raw.version : undefined,
    title: raw?.title,
    steps: Object.fromEntries(STAGE_IDS.map((s) => [s, stages.find((x) => x?.id === s)?.steps?.length ?? 0])),
  };
}

/** Changes with any write to the file (or its replacement by another); '' when it cannot be read. */
function stampOf(file: string): string {
  try {
    const st = statSync(file, { bigint: true });
    return `${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}`;
  } catch {
    return '';
  }
}

/** What each file shows: from the cache when the file is unchanged, else read (and cached). */
async function entries(dir: string, found: Found[], env: NodeJS.ProcessEnv) {
  // One entry per playbooks folder, holding only the files listed now.
  const name = `list-${cacheKey([dir])}.json`;
  const key = buildId();
  const cached = readCache<Cached>(name, key, env) ?? {};
  const fresh: Cached = {};
  let read: typeof import('../adapters/yaml-source.js').readSource | undefined;
  for (const { file } of found) {
    const stamp = stampOf(file);
    const hit = cached[file];
    if (hit && stamp && hit.stamp === stamp) { fresh[file] = hit; continue; }
    read ??= (await import('../adapters/yaml-source.js')).readSource;
    // As JSON, as a later run reads it back from the cache: both runs show the very same thing.
    fresh[file] = { stamp, shown: JSON.parse(JSON.stringify(shown(read(file).value as Raw | undefined))) as Shown };
  }
  if (read) writeCache(name, key, fresh, env);
  return found.map(({ file, source }) => ({ file, source, ...fresh[file]!.shown }));
}

export async function run(ctx: Context, o: { json?: boolean }): Promise<number> {
  const dir = playbooksDir(ctx.opts.playbooks, ctx.env);
  const rows = await entries(dir, listById(playbookLayers(dir), (f) => kindOf(f) === 'playbook'), ctx.env);
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
