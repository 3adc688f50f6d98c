// irbook validate [PATH…]: schema and lint for playbooks, clocks, parties and templates.
import { existsSync } from 'node:fs';
import type { Context } from '../cli/context.js';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { yamlFiles } from '../adapters/files.js';
import { checkFile } from '../adapters/check-file.js';
import { playbooksDir, templatesDir } from '../adapters/dirs.js';
import { findProfile } from '../adapters/profile-fs.js';
import { EXIT, UserError } from '../errors.js';
import type { Located } from '../adapters/yaml-source.js';

export async function run(ctx: Context, paths: string[], o: { format: 'text' | 'json'; quiet?: boolean }): Promise<number> {
  const pb = playbooksDir(ctx.opts.playbooks, ctx.env);
  const tpl = templatesDir(pb, ctx.opts.templates, ctx.env);
  const profile = paths.length ? undefined : findProfile(pb, ctx.opts.profile, ctx.env);
  const targets = paths.length ? paths : [pb, ...(existsSync(tpl) ? [tpl] : []), ...(profile ? [profile] : [])];
  const files = yamlFiles(targets);
  if (!files.length) throw new UserError(EXIT.usage, 'no-yaml-files', {}, { code: 'see-help', params: { command: 'validate' } });
  const problems = await checkAll(files, ctx.opts.templates);
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

// Past this many files the work is shared with worker threads (one per further core).
const PARALLEL_FROM = 200;

/** Every file's problems, in file order; big sets are split across the machine's cores. */
async function checkAll(files: string[], templates?: string): Promise<Located[]> {
  const cores = Math.min(availableParallelism(), 8);
  if (files.length < PARALLEL_FROM || cores < 2) return files.flatMap((f) => checkFile(f, templates).problems);
  const size = Math.ceil(files.length / cores);
  const chunks = Array.from({ length: cores }, (_, i) => files.slice(i * size, (i + 1) * size));
  const inWorkers = chunks.slice(1).map((chunk) => new Promise<Located[]>((done, fail) => {
    const w = new Worker(new URL('./validate-worker.js', import.meta.url), { workerData: { files: chunk, templates } });
    w.once('message', done);
    w.once('error', fail);
  }));
  const here = (chunks[0] ?? []).flatMap((f) => checkFile(f, templates).problems);
  return [...here, ...(await Promise.all(inWorkers)).flat()];
}
