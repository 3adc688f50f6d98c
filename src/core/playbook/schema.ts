// The one source of truth for the file formats: zod schemas from which the validator works and
// the JSON Schemas in playbooks/ are generated (`npm run schema`; a test keeps them in step).
import { z } from 'zod';
import { FACT_TYPES } from './constants.js';
import { duration, expr, factName, id, option, text } from './schema-parts.js';
import { askSchema, checkSchema, decideSchema, notifySchema, recordSchema } from '../session/kinds/schemas.js';

export * from './constants.js';


export { text };

export const factSchema = z.object({
  type: z.enum(FACT_TYPES),
  prompt: text,
  help: text.optional(),
  options: z.array(option).min(1).optional().describe('For choice and multi: the allowed values.'),
  min: z.number().optional(),
  max: z.number().optional(),
  unknown_ok: z.boolean().optional().describe('The fact may be answered "unknown" (it becomes an open item until amended).'),
}).strict();

export const stepSchema = z.object({
  id,
  title: text.optional(),
  when: expr.optional().describe('CEL guard: the step is skipped (and recorded as skipped) when false.'),
  owner: z.string().optional().describe('The role that does this step.'),
  // Each kind's part comes from its module in src/core/session/kinds.
  check: checkSchema.optional(),
  ask: askSchema.optional(),
  decide: decideSchema.optional(),
  notify: notifySchema.optional(),
  record: recordSchema.optional(),
}).strict();

export const stageSchema = z.object({
  id: z.string(),
  title: text.optional(),
  target: duration.optional().describe('Drill target: how long this stage should take.'),
  steps: z.array(stepSchema).min(1),
}).strict();

export const playbookSchema = z.object({
  id,
  version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/).describe('Semantic version, recorded in every session.'),
  title: text,
  summary: text.optional(),
  applies_to: z.array(z.string()).optional(),
  languages: z.array(z.enum(['ja', 'zh', 'en'])).min(1).optional().describe('Languages every text must have (default ja, zh, en); validate warns where one is missing.'),
  facts: z.record(factName, factSchema),
  stages: z.array(stageSchema),
  policy: z.record(factName, z.union([z.number(), z.boolean(), z.string()])).optional()
    .describe('Company thresholds, readable in CEL as policy.<name>.'),
}).strict();

export const clockSchema = z.object({
  id,
  title: text,
  basis: text.describe('The law and article the clock comes from.'),
  authority: id.describe('The party the report goes to.'),
  applies: expr.describe('CEL over the clock facts: does this clock run for the incident?'),
  starts: factName.describe('A datetime fact the clock counts from (e.g. aware_at).'),
  due: duration,
  due_when: z.array(z.object({ when: expr, due: duration }).strict()).optional()
    .describe('Other deadlines, first match wins (e.g. P60D when malicious).'),
  warn: duration.optional().describe('Warn when this much time has passed since the start.'),
  satisfied_by: z.object({ party: id, kind: z.string().optional() }).strict(),
}).strict();

export const clocksSchema = z.object({
  facts: z.record(factName, z.object({ type: z.enum(FACT_TYPES), options: z.array(option).optional() }).strict())
    .describe('The facts clocks may read; a playbook that declares one must give it the same type.'),
  clocks: z.array(clockSchema).min(1),
}).strict();

export const partySchema = z.object({
  id,
  name: text,
  kind: z.enum(['internal', 'authority', 'police', 'individuals', 'external']),
  channels: z.array(z.string()).optional(),
}).strict();

export const partiesSchema = z.object({ parties: z.array(partySchema).min(1) }).strict();

export const draftSchema = z.object({
  id,
  language: z.enum(['ja', 'zh', 'en']).optional().describe('The recipient\'s language: the draft is written in it whatever the UI language (default: the UI language).'),
  gloss: text.optional().describe('One line shown beside the draft in the walk, in the UI language: what it is and to whom.'),
  title: text,
  body: text.describe('The message, with {{ placeholders }} filled from the journal.'),
}).strict();

export type Fact = z.infer<typeof factSchema>;
export type Step = z.infer<typeof stepSchema>;
export type Stage = z.infer<typeof stageSchema>;
export type Playbook = z.infer<typeof playbookSchema>;
export type Clock = z.infer<typeof clockSchema>;
export type ClockSet = z.infer<typeof clocksSchema>;
export type Party = z.infer<typeof partySchema>;
export type Option = z.infer<typeof option>;
