// irbook drill compare INC-A INC-B …: the same playbook drilled several times, side by side.
import type { Context } from '../cli/context.js';
import { checkZone } from '../cli/session.js';
import { readIncident } from '../adapters/incident.js';
import { table } from '../cli/table.js';
import { compareDrills } from '../core/report/compare.js';
import { renderMarkdown } from '../core/report/markdown.js';
import { EXIT, UserError } from '../errors.js';
import { checkTarget, storage, writeAtomic } from '../adapters/atomic-write.js';

export interface CompareOptions { format: 'text' | 'md' | 'pdf' | 'json'; out?: string; tz?: string; force?: boolean }

export async function run(ctx: Context, ids: string[], o: CompareOptions): Promise<number> {
  if (o.tz !== undefined) checkZone(o.tz);
  // Refused before any work: an existing file is replaced only with --force.
  const out = o.out && o.format !== 'text' && o.format !== 'json' ? checkTarget(o.out, o.force) : undefined;
  const incidents = await Promise.all(ids.map((id) => readIncident(ctx, id)));
  const first = incidents[0];
  const pb = first?.playbook;
  if (!first || !pb) throw new UserError(EXIT.invalid, 'report-no-playbook', { id: ids[0] ?? '', playbook: first?.state.started?.playbook.id ?? '?' });
  const other = incidents.find((i) => i.state.started?.playbook.id !== pb.id);
  if (other) throw new UserError(EXIT.usage, 'compare-other-playbook', { id: other.id, playbook: other.state.started?.playbook.id ?? '?', expected: pb.id });
  const tz = o.tz ?? first.state.started?.timezone ?? 'UTC';
  const model = compareDrills(pb, incidents.map((i) => ({ id: i.id, state: i.state, clocks: i.clocks })), ctx.lang, tz, new Date());
  if (o.format === 'json') ctx.out(JSON.stringify(model, null, 2));
  else if (o.format === 'text') {
    const t = model.sections[0];
    if (t?.kind === 'table') for (const line of table([t.columns, ...t.rows])) ctx.out(line);
  } else {
    if (!out) throw new UserError(EXIT.usage, 'compare-needs-out');
    if (o.format === 'md') await writeAtomic(out, renderMarkdown(model), { force: o.force });
    else await (await import('../adapters/render-pdf.js')).renderPdf(model, out).catch((e: unknown) => { throw (e as NodeJS.ErrnoException).code ? storage(out, e) : e; });
    ctx.out(ctx.t('report-written', { file: out, detail: o.format }));
  }
  return EXIT.ok;
}
