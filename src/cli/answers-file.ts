// Reading an answers file (YAML) with the same bounded reader as playbooks.
import { validateAnswers, type Answers } from '../core/session/answers.js';
import { located, readSource } from '../adapters/yaml-source.js';
import { EXIT, UserError } from '../errors.js';
import type { Context } from './context.js';

export function readAnswers(ctx: Context, file: string): Answers {
  const src = readSource(file);
  const r = src.value === undefined ? undefined : validateAnswers(src.value);
  const problems = [...src.problems, ...(r && !r.ok ? located(src, r.issues) : [])];
  if (!r?.ok || problems.some((p) => p.severity === 'error')) {
    for (const p of problems) ctx.err(`${p.file}:${p.line}:${p.col} ${ctx.t(p.severity)} ${ctx.t(p.code, p.params)}`);
    throw new UserError(EXIT.usage, 'answers-invalid', { file });
  }
  return r.value;
}
