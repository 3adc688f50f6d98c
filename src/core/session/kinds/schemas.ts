// The part of the step schema each kind owns. Kept apart from the kinds' walk and wording so that
// a process that only walks or reads a session (start on a validation-cache hit, status,
// incidents) never loads zod; the playbook schema (../../playbook/schema.ts) composes these.
import { z, type ZodType } from 'zod';
import { RECORD_SECTIONS, type StepKind } from '../../playbook/constants.js';
import { duration, expr, factName, id, option, text } from '../../playbook/schema-parts.js';

/** The step's `check:` field. */
export const checkSchema = z.union([text, z.array(text).min(1)]);

/** The step's `ask:` field. */
export const askSchema = z.array(factName).min(1);

/** The step's `decide:` field. */
export const decideSchema = z.object({
  question: text,
  recommend: expr.optional().describe('CEL: a bool for yes/no decisions, an option id for `options` decisions.'),
  rationale: text.optional(),
  options: z.array(option).min(2).optional().describe('A multi-way decision: the answer is one of these ids.'),
  sets: factName.optional().describe('The fact the answer becomes (bool, or the option id) for later guards.'),
  target: duration.optional().describe('Drill target: how long after the stage starts this decision should be made.'),
}).strict();

/** The step's `notify:` field. */
export const notifySchema = z.object({
  party: id,
  satisfies: z.array(id).optional().describe('Clock ids this notification satisfies.'),
  draft: id.optional().describe('A draft message in templates/drafts/<id>.yaml.'),
  note: text.optional(),
}).strict();

/** The step's `record:` field. */
export const recordSchema = z.object({
  prompt: text,
  section: z.enum(RECORD_SECTIONS).optional().describe('The report section the text fills.'),
}).strict();

/** Each kind's schema part, by the step field it owns. */
export const KIND_SCHEMAS: Readonly<Record<StepKind, ZodType>> = { check: checkSchema, ask: askSchema, decide: decideSchema, notify: notifySchema, record: recordSchema };
