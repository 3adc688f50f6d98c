// The answers file: a session without prompts (automation, drills, tests). See DESIGN.md.
import { z } from 'zod';
import { durationMs } from '../time/duration.js';
import { parseWith, type Result } from '../playbook/issues.js';

const duration = z.string().refine((s) => durationMs(s) !== undefined, { message: 'duration' });

export const answersSchema = z.object({
  actor: z.string().min(1).optional(),
  lang: z.enum(['ja', 'zh', 'en']).optional(),
  tz: z.string().optional(),
  exercise: z.boolean().optional(),
  clock: z.string().optional().describe('Start a simulated clock at this ISO time; each answer advances it by `pace`.'),
  pace: duration.optional(),
  answers: z.record(z.string(), z.unknown()),
}).strict();

export type Answers = z.infer<typeof answersSchema>;

export function validateAnswers(raw: unknown): Result<Answers> {
  return parseWith(answersSchema, raw);
}
