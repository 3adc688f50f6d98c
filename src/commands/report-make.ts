// The work of `irbook report` (see report.ts): read and verify the journal, check the template and
// the profile, build the model, write it as Markdown or JSON or have the drawing thread draw it.
import { join } from 'node:path';
import type { Context } from '../cli/context.js';
import { readIncident } from '../adapters/incident.js';
import { playbooksDir } from '../adapters/dirs.js';
import { findTemplate } from '../adapters/template-lookup.js';
import { checkTemplate } from '../adapters/template-fs.js';
import { checkTarget, storage, writeAtomic } from '../adapters/atomic-write.js';
import { buildReport } from '../core/report/build.js';
import { templateFault } from '../core/report/template.js';
import { renderMarkdown } from '../core/report/markdown.js';
import type { ReportModel } from '../core/report/model.js';
import { EXIT, UserError } from '../errors.js';
import { findProfile, loadProfile } from '../adapters/profile-fs.js';
import type { PdfThread } from '../adapters/pdf-thread.js';
import type { ReportOptions } from './report.js';
import { missingFields } from '../core/profile/validate.js';

/** The report `o` asks for, drawn as a PDF by `thread` when there is one. */
export async function makeReport(ctx: Context, id: string, o: ReportOptions, thread: PdfThread | undefined): Promise<number> {
  // A report is evidence: never drawn from chains that do not verify as `verify` checks them (one
  // strict read: every line hashed, no checkpoint trusted, a torn tail refused; exit 5).
  const inc = await readIncident(ctx, id, { validated: true, strict: true });
  if (!inc.playbook || !inc.catalog?.clocks) throw new UserError(EXIT.invalid, 'report-no-playbook', { id, playbook: inc.state.started?.playbook.id ?? '?' }, { code: 'hint-list' });
  const pbDir = playbooksDir(ctx.opts.playbooks, ctx.env);
  const { file } = findTemplate(o.template, { playbooks: pbDir, templates: ctx.opts.templates, env: ctx.env });
  const checked = checkTemplate(file);
  if (!checked.value) throw new UserError(EXIT.invalid, 'playbook-invalid', { file, errors: checked.problems.length }, { code: 'hint-validate', params: { file } });

  const tpl = checked.value;
  if (tpl.exercise_only && !inc.state.started?.exercise) throw new UserError(EXIT.usage, 'template-exercise-only', { template: o.template, id });
  // A document for an authority that lacks what it must say is refused, or drawn as a stamped draft.
  const profileFile = findProfile(pbDir, ctx.opts.profile, ctx.env);
  const profile = loadProfile(profileFile);
  const missing = missingFields(profile, tpl.profile ?? []);
  if (missing.length && !o.draft) {
    throw new UserError(EXIT.invalid, 'profile-missing', { template: o.template, fields: missing.join(', '), file: profileFile ?? ctx.t('no-profile') }, { code: 'hint-profile-draft' });
  }
  const input = {
    playbook: inc.playbook, events: inc.events, template: tpl, clocks: inc.catalog.clocks, parties: inc.catalog.parties, generatedAt: new Date(),
    ...(profile ? { profile } : {}), appendix: o.appendix === true, draft: o.draft === true, heads: inc.heads,
  };
  const model = withTemplate(file, () => buildReport(input));
  const foreign = model.meta.untranslated ?? [];
  if (foreign.length) ctx.err(ctx.c.yellow(ctx.t('untranslated-warning', { count: foreign.length, first: (foreign[0] ?? '').slice(0, 40) })));
  const out = o.out === '-' ? '-' : checkTarget(o.out ?? join(inc.dir, `report-${o.template}.${o.format}`), o.force);

  if (thread) {
    if (out === '-') throw new UserError(EXIT.usage, 'pdf-needs-file');
    // renderPdf names a storage failure itself (a UserError, whose `code` is a message code).
    const r = await drawPdf(ctx, thread, model, out).catch((e: unknown) => { throw !(e instanceof UserError) && (e as NodeJS.ErrnoException).code ? storage(out, e) : e; });
    ctx.out(ctx.t('report-written', { file: out, detail: `${r.pages} p, ${Math.round(r.bytes / 1024)} KB` }));
    return EXIT.ok;
  }
  const text = o.format === 'md' ? renderMarkdown(model) : JSON.stringify(model, null, 2) + '\n';
  if (out === '-') process.stdout.write(text);
  else {
    const bytes = await writeAtomic(out, text, { force: o.force });
    ctx.out(ctx.t('report-written', { file: out, detail: `${bytes} B` }));
  }
  return EXIT.ok;
}

/** A template that fails while rendering (a limit hit) is an invalid template, named, not a crash. */
function withTemplate<T>(file: string, build: () => T): T {
  try {
    return build();
  } catch (e) {
    const detail = templateFault(e);
    if (detail === undefined) throw e;
    throw new UserError(EXIT.invalid, 'template-failed', { file, detail });
  }
}

/** A progress line appears if drawing takes a moment. */
async function drawPdf(ctx: Context, thread: PdfThread, model: ReportModel, out: string) {
  const started = Date.now();
  let last = '';
  const r = await thread.draw(model, out, (done, total) => {
    if (Date.now() - started < 400 || !process.stderr.isTTY) return;
    last = ctx.t('report-progress', { done, total });
    process.stderr.write(`\r${last}`);
  });
  if (last) process.stderr.write(`\r${' '.repeat(last.length + 2)}\r`);
  return r;
}
