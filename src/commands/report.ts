// irbook report INCIDENT --template T --format pdf|md|json: a report built from the journal alone.
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Context } from '../cli/context.js';
import { readIncident } from '../cli/incident.js';
import { verifyIncident } from '../adapters/journal.js';
import { playbooksDir, templatesDir } from '../adapters/dirs.js';
import { checkTemplate } from '../adapters/template-fs.js';
import { buildReport } from '../core/report/build.js';
import { renderMarkdown } from '../core/report/markdown.js';
import type { ReportModel } from '../core/report/model.js';
import { EXIT, UserError } from '../errors.js';
import { findProfile, loadProfile } from '../adapters/profile-fs.js';
import { missingFields } from '../core/profile/validate.js';

export interface ReportOptions { template: string; format: 'pdf' | 'md' | 'json'; out?: string; force?: boolean; draft?: boolean; appendix?: boolean }

export async function run(ctx: Context, id: string, o: ReportOptions): Promise<number> {
  const inc = await readIncident(ctx, id, { validated: true });
  // A report is evidence: never draw one from a journal whose chain does not verify.
  const v = verifyIncident(inc.dir);
  if (!v.ok) throw new UserError(EXIT.verify, 'verify-failed', { id, line: `${v.file}:${v.line}`, reason: ctx.t(v.reason, { detail: v.detail ?? '' }) }, { code: 'see-help', params: { command: 'verify' } });
  if (!inc.playbook || !inc.catalog?.clocks) throw new UserError(EXIT.invalid, 'report-no-playbook', { id, playbook: inc.state.started?.playbook.id ?? '?' }, { code: 'hint-list' });
  const dir = templatesDir(playbooksDir(ctx.opts.playbooks, ctx.env), ctx.opts.templates, ctx.env);
  const file = join(dir, `${o.template}.yaml`);
  if (!/^[a-z][a-z0-9-]*$/.test(o.template) || !existsSync(file)) throw new UserError(EXIT.usage, 'template-not-found', { template: o.template, dir });
  const checked = checkTemplate(file);
  if (!checked.value) throw new UserError(EXIT.invalid, 'playbook-invalid', { file, errors: checked.problems.length }, { code: 'hint-validate', params: { file } });

  const tpl = checked.value;
  if (tpl.exercise_only && !inc.state.started?.exercise) throw new UserError(EXIT.usage, 'template-exercise-only', { template: o.template, id });
  // A document for an authority that lacks what it must say is refused, or drawn as a stamped draft.
  const pbDir = playbooksDir(ctx.opts.playbooks, ctx.env);
  const profileFile = findProfile(pbDir, ctx.opts.profile, ctx.env);
  const profile = loadProfile(profileFile);
  const missing = missingFields(profile, tpl.profile ?? []);
  if (missing.length && !o.draft) {
    throw new UserError(EXIT.invalid, 'profile-missing', { template: o.template, fields: missing.join(', '), file: profileFile ?? ctx.t('no-profile') }, { code: 'hint-profile-draft' });
  }
  const model = buildReport({
    playbook: inc.playbook, events: inc.events, template: tpl, clocks: inc.catalog.clocks, parties: inc.catalog.parties, generatedAt: new Date(),
    ...(profile ? { profile } : {}), appendix: o.appendix === true, draft: o.draft === true,
  });
  const foreign = model.meta.untranslated ?? [];
  if (foreign.length) ctx.err(ctx.c.yellow(ctx.t('untranslated-warning', { count: foreign.length, first: (foreign[0] ?? '').slice(0, 40) })));
  const out = o.out === '-' ? '-' : resolve(o.out ?? join(inc.dir, `report-${o.template}.${o.format}`));
  if (out !== '-' && existsSync(out) && !o.force) throw new UserError(EXIT.usage, 'out-exists', { file: out }, { code: 'hint-force' });

  if (o.format === 'pdf') {
    if (out === '-') throw new UserError(EXIT.usage, 'pdf-needs-file');
    const r = await drawPdf(ctx, model, out);
    chmodSync(out, 0o600); // reports carry personal data, like the journal
    ctx.out(ctx.t('report-written', { file: out, detail: `${r.pages} p, ${Math.round(r.bytes / 1024)} KB` }));
    return EXIT.ok;
  }
  const text = o.format === 'md' ? renderMarkdown(model) : JSON.stringify(model, null, 2) + '\n';
  if (out === '-') process.stdout.write(text);
  else {
    writeFileSync(out, text, { mode: 0o600 });
    ctx.out(ctx.t('report-written', { file: out, detail: `${Buffer.byteLength(text)} B` }));
  }
  return EXIT.ok;
}

/** pdfkit and the fonts load only here; a progress line appears if drawing takes a moment. */
async function drawPdf(ctx: Context, model: ReportModel, out: string) {
  const started = Date.now();
  let last = '';
  const { renderPdf } = await import('../adapters/render-pdf.js');
  const r = await renderPdf(model, out, {
    onProgress: (done, total) => {
      if (Date.now() - started < 400 || !process.stderr.isTTY) return;
      last = ctx.t('report-progress', { done, total });
      process.stderr.write(`\r${last}`);
    },
  });
  if (last) process.stderr.write(`\r${' '.repeat(last.length + 2)}\r`);
  return r;
}
