// irbook validate [PATH…]: schema and lint for playbooks, clocks, parties, templates and drafts.
// Without paths it checks what irbook would use: every id through the layers (the team's files,
// and the shipped ones they do not override), and says where each came from.
import { readFileSync } from 'node:fs';
import type { Context } from '../cli/context.js';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { yamlFiles } from '../adapters/files.js';
import { checkFile } from '../adapters/check-file.js';
import { PACKAGE_ROOT, listById, playbookLayers, playbooksDir, sourceOf, templateLayers } from '../adapters/dirs.js';
import { github, json, sarif, type Outcome, type ValidateFormat } from '../cli/validate-formats.js';
import { findProfile } from '../adapters/profile-fs.js';
import { EXIT, UserError } from '../errors.js';
import { shareEntries, type Located } from '../adapters/yaml-source.js';
import { CLOSED, OPEN } from './validate-worker-state.js';

export interface ValidateOptions { format: ValidateFormat; json?: boolean; quiet?: boolean; maxWarnings?: string; strict?: boolean; deep?: boolean }

/** The files in effect: each playbook, clocks, parties, template and draft id from its first layer. */
function effectiveFiles(ctx: Context): string[] {
  const pb = playbooksDir(ctx.opts.playbooks, ctx.env);
  const tl = templateLayers(pb, ctx.opts.templates, ctx.env);
  const profile = findProfile(pb, ctx.opts.profile, ctx.env);
  return [...listById(playbookLayers(pb)), ...listById(tl), ...listById(tl, undefined, 'drafts')].map((f) => f.file).concat(profile ? [profile] : []);
}

export async function run(ctx: Context, paths: string[], o: ValidateOptions): Promise<number> {
  const format = o.json ? 'json' : o.format;
  const maxWarnings = o.maxWarnings === undefined ? Infinity : Number(o.maxWarnings);
  if (!(Number.isInteger(maxWarnings) && maxWarnings >= 0) && maxWarnings !== Infinity) throw new UserError(EXIT.usage, 'bad-max-warnings', { value: String(o.maxWarnings) });
  const files = paths.length ? yamlFiles(paths) : effectiveFiles(ctx);
  if (!files.length) throw new UserError(EXIT.usage, 'no-yaml-files', {}, { code: 'see-help', params: { command: 'validate' } });
  // --strict: warnings fail the run like errors, and the coverage check tries every subset (as --deep).
  const problems = (await checkAll(files, ctx.opts.templates, o.deep || o.strict ? 'deep' : 'fast')).map((p) => ({ ...p, source: sourceOf(p.file) }));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const outcome: Outcome = { files: files.map((file) => ({ file, source: sourceOf(file) })), problems, errors, warnings };

  if (format === 'json') ctx.out(json(outcome, version()));
  else if (format === 'sarif') ctx.out(sarif(outcome, version()));
  else if (format === 'github') for (const line of github(outcome)) ctx.out(line);
  else {
    for (const p of problems) {
      if (o.quiet && p.severity !== 'error') continue;
      const sev = p.severity === 'error' ? ctx.c.red(ctx.t('error')) : ctx.c.yellow(ctx.t('warning'));
      ctx.out(`${p.file}:${p.line}:${p.col} ${sev} ${ctx.t(p.code, p.params)} ${ctx.c.dim(`[${p.code}]`)}`);
    }
    if (!o.quiet) {
      const team = outcome.files.filter((f) => f.source === 'team').length;
      ctx.err(`${ctx.t('validate-summary', { files: files.length, errors, warnings })} ${ctx.c.dim(ctx.t('validate-sources', { team, shipped: files.length - team }))}`);
    }
  }
  if (errors || (o.strict && warnings)) return EXIT.invalid;
  if (warnings > maxWarnings) {
    ctx.err(ctx.t('too-many-warnings', { warnings, max: maxWarnings }));
    return EXIT.invalid;
  }
  return EXIT.ok;
}

const version = (): string => (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

// Past this many files the work is shared with worker threads (one per further core).
const PARALLEL_FROM = 200;

/**
 * Every file's problems, in file order. Big sets are shared with worker threads: the workers are
 * started first, and each thread takes the next file from a shared counter until none is left,
 * so the main thread works while they start and no thread waits on a fixed share. A worker that
 * has not begun when the files run out is stopped rather than waited for.
 */
async function checkAll(files: string[], templates: string | undefined, coverage: 'fast' | 'deep'): Promise<Located[]> {
  shareEntries();
  const cores = Math.min(availableParallelism(), 8);
  if (files.length < PARALLEL_FROM || cores < 2) return files.flatMap((f) => checkFile(f, templates, coverage).problems);
  // [0]: the next file; [1 + k]: worker k's state (OPEN, then TAKING once it took a file, or CLOSED).
  const state = new Int32Array(new SharedArrayBuffer(4 * cores));
  const workers = Array.from({ length: cores - 1 }, (_, k) => new Worker(new URL('./validate-worker.js', import.meta.url), { workerData: { files, templates, coverage, state, slot: 1 + k } }));
  const results: Located[][] = [];
  for (let i; (i = Atomics.add(state, 0, 1)) < files.length;) results[i] = checkFile(files[i]!, templates, coverage).problems;
  // Nothing a worker posts is delivered before this synchronous loop ends: listening from here on misses nothing.
  const late = await Promise.all(workers.map((w, k) => {
    if (Atomics.compareExchange(state, 1 + k, OPEN, CLOSED) === OPEN) {
      w.on('error', () => undefined);
      void w.terminate();
      return [];
    }
    return new Promise<[number, Located[]][]>((resolve, fail) => {
      w.once('message', resolve);
      w.once('error', fail);
    });
  }));
  for (const [i, problems] of late.flat()) results[i] = problems;
  return results.flat();
}
