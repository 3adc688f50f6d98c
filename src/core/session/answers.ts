// The answers file: a session without prompts (automation, drills, tests). See DESIGN.md.
import { z } from 'zod';
import { durationMs } from '../time/duration.js';
import { parseWith, type Result } from '../playbook/issues.js';
import { text } from '../playbook/schema.js';
import { LANGS } from '../i18n/lang.js';

const duration = z.string().refine((s) => durationMs(s) !== undefined, { message: 'duration' });

/** Drill injects: news the team is given at a time after the session starts. */
export const injectsSchema = z.array(z.object({ after: duration, text }).strict());
export type Inject = z.infer<typeof injectsSchema>[number];

/** A scenario file: injects for a drill, kept apart from the answers. */
export const scenarioSchema = z.object({ title: text.optional(), injects: injectsSchema }).strict();

export function validateScenario(raw: unknown): Result<z.infer<typeof scenarioSchema>> {
  return parseWith(scenarioSchema, raw);
}

export const answersSchema = z.object({
  actor: z.string().min(1).optional(),
  tz: z.string().optional(),
  exercise: z.boolean().optional(),
  clock: z.string().optional().describe('Drills only: start a simulated clock at this ISO time; each answer advances it by `pace`.'),
  pace: duration.optional(),
  speed: z.number().positive().max(100_000).optional().describe('Drill clock running this many times faster than real time.'),
  injects: z.lazy(() => injectsSchema).optional(),
  answers: z.record(z.string(), z.unknown()),
  translations: z.record(z.string(), z.partialRecord(z.enum(LANGS), z.string().min(1))).optional()
    .describe('Record texts in another language, by step id and language: {cause: {zh: "…"}}; a missing one is left for later (a `translate` open item).'),
  amend: z.array(z.object({ after: z.string(), fact: z.string(), value: z.unknown(), reason: z.string().min(1) }).strict()).optional()
    .describe('Corrections, each applied right after the step named in `after` (a fact, or a decision by step id or `sets:` name).'),
}).strict();

export type Answers = z.infer<typeof answersSchema>;

export function validateAnswers(raw: unknown): Result<Answers> {
  return parseWith(answersSchema, raw);
}
