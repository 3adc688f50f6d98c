// Reading answers and scenario files (YAML) with the same bounded reader as playbooks.
import { validateAnswers, validateScenario, type Answers } from '../core/session/answers.js';
import type { Result } from '../core/playbook/issues.js';
import { located, readSource } from '../adapters/yaml-source.js';
import { EXIT, UserError } from '../errors.js';
import type { Context } from './context.js';

export const readAnswers = (ctx: Context, file: string): Answers => readChecked(ctx, file, validateAnswers);
export const readScenario = (ctx: Context, file: string) => readChecked(ctx, file, validateScenario);

function readChecked<T>(ctx: Context, file: string, validate: (raw: unknown) => Result<T>): T {
  const src = readSource(file);
  const r = src.value === undefined ? undefined : validate(src.value);
  const problems = [...src.problems, ...(r && !r.ok ? located(src, r.issues) : [])];
  if (!r?.ok || problems.some((p) => p.severity === 'error')) {
    for (const p of problems) ctx.err(`${p.file}:${p.line}:${p.col} ${ctx.t(p.severity)} ${ctx.t(p.code, p.params)}`);
    throw new UserError(EXIT.usage, 'answers-invalid', { file });
  }
  return r.value;
}
