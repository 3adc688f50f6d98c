// The one source of truth for the file formats: zod schemas from which the validator works and
// the JSON Schemas in playbooks/ are generated (`npm run schema`; a test keeps them in step).
import { z } from 'zod';
import { durationMs } from '../time/duration.js';
import { FACT_PATTERN, FACT_TYPES, ID_PATTERN, RECORD_SECTIONS } from './constants.js';

export * from './constants.js';


const id = z.string().regex(ID_PATTERN).describe('An id: lower-case letters, digits and hyphens, starting with a letter.');
const factName = z.string().regex(FACT_PATTERN).describe('A fact name: lower-case letters, digits and underscores (usable in CEL).');
const expr = z.string().min(1).describe('A CEL expression over the facts, `policy` and earlier decisions.');
const duration = z.string().refine((s) => durationMs(s) !== undefined, { message: 'duration' })
  .describe('An ISO-8601 duration such as P5D, PT4H or PT1H30M.');

export const text = z.union([
  z.string(),
  z.object({ ja: z.string(), zh: z.string(), en: z.string() }).partial().strict(),
]).describe('Text: a plain string, or a map of languages {ja, zh, en}.');

const option = z.union([
  z.string().regex(FACT_PATTERN),
  z.object({ id: z.string().regex(FACT_PATTERN), label: text }).strict(),
]).describe('An option id, or {id, label} to show a translated label.');


export const factSchema = z.object({
  type: z.enum(FACT_TYPES),
  prompt: text,
  help: text.optional(),
  options: z.array(option).min(1).optional().describe('For choice and multi: the allowed values.'),
  min: z.number().optional(),
  max: z.number().optional(),
}).strict();

const checkItem = text;
const decide = z.object({
  question: text,
  recommend: expr.optional().describe('CEL: a bool for yes/no decisions, an option id for `options` decisions.'),
  rationale: text.optional(),
  options: z.array(option).min(2).optional().describe('A multi-way decision: the answer is one of these ids.'),
  sets: factName.optional().describe('The fact the answer becomes (bool, or the option id) for later guards.'),
  target: duration.optional().describe('Drill target: how long after the stage starts this decision should be made.'),
}).strict();


const notify = z.object({
  party: id,
  satisfies: z.array(id).optional().describe('Clock ids this notification satisfies.'),
  draft: id.optional().describe('A draft message in templates/drafts/<id>.yaml.'),
  note: text.optional(),
}).strict();

const record = z.object({
  prompt: text,
  section: z.enum(RECORD_SECTIONS).optional().describe('The report section the text fills.'),
}).strict();

export const stepSchema = z.object({
  id,
  title: text.optional(),
  when: expr.optional().describe('CEL guard: the step is skipped (and recorded as skipped) when false.'),
  owner: z.string().optional().describe('The role that does this step.'),
  check: z.union([checkItem, z.array(checkItem).min(1)]).optional(),
  ask: z.array(factName).min(1).optional(),
  decide: decide.optional(),
  notify: notify.optional(),
  record: record.optional(),
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
