// irbook validate [PATH…]: schema and lint for playbooks, clocks, parties and templates.
import { existsSync } from 'node:fs';
import type { Context } from '../cli/context.js';
import { catalogFor, checkClocks, checkParties, checkPlaybook, yamlFiles, kindOf, type Checked } from '../adapters/playbook-fs.js';
import { checkDraft, checkTemplate } from '../adapters/template-fs.js';
import { dirname } from 'node:path';
import { playbooksDir, templatesDir } from '../adapters/dirs.js';
import { EXIT, UserError } from '../errors.js';
import type { Located } from '../adapters/yaml-source.js';

export async function run(ctx: Context, paths: string[], o: { format: 'text' | 'json'; quiet?: boolean }): Promise<number> {
  const pb = playbooksDir(ctx.opts.playbooks, ctx.env);
  const tpl = templatesDir(pb, ctx.opts.templates, ctx.env);
  const targets = paths.length ? paths : [pb, ...(existsSync(tpl) ? [tpl] : [])];
  const files = yamlFiles(targets);
  if (!files.length) throw new UserError(EXIT.usage, 'no-yaml-files', {}, { code: 'see-help', params: { command: 'validate' } });
  const problems: Located[] = files.flatMap((f) => checkFile(f, ctx.opts.templates).problems);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;

  if (o.format === 'json') {
    ctx.out(JSON.stringify({
      files: files.length, errors, warnings,
      problems: problems.map((p) => ({ ...p, message: ctx.t(p.code, p.params) })),
    }, null, 2));
  } else {
    for (const p of problems) {
      if (o.quiet && p.severity !== 'error') continue;
      const sev = p.severity === 'error' ? ctx.c.red(ctx.t('error')) : ctx.c.yellow(ctx.t('warning'));
      ctx.out(`${p.file}:${p.line}:${p.col} ${sev} ${ctx.t(p.code, p.params)} ${ctx.c.dim(`[${p.code}]`)}`);
    }
    if (!o.quiet) ctx.err(ctx.t('validate-summary', { files: files.length, errors, warnings }));
  }
  return errors ? EXIT.invalid : EXIT.ok;
}

/** Each kind of file with its own validator. */
function checkFile(file: string, templates?: string): Checked<unknown> {
  switch (kindOf(file)) {
    case 'clocks': return checkClocks(file, catalogFor(dirname(file), templates).catalog.parties);
    case 'parties': return checkParties(file);
    case 'draft': return checkDraft(file);
    case 'template': return checkTemplate(file);
    default: return checkPlaybook(file, templates);
  }
}
