// JSON Schemas for editors (yaml-language-server), generated from the zod schemas so they never drift.
import { z } from 'zod';
import { clocksSchema, draftSchema, partiesSchema, playbookSchema } from './schema.js';
import { templateSchema } from '../report/template.js';
import { PROFILE_SCHEMA_ID, profileSchema } from '../profile/schema.js';

const TITLES: Record<string, [string, z.ZodType, string?]> = {
  'playbook.schema.json': ['irbook playbook (v1)', playbookSchema],
  'clocks.schema.json': ['irbook reporting clocks', clocksSchema],
  'parties.schema.json': ['irbook parties', partiesSchema],
  'draft.schema.json': ['irbook draft message', draftSchema],
  'template.schema.json': ['irbook report template', templateSchema],
  'irbook.schema.json': ['irbook organisation profile (irbook.yaml)', profileSchema, PROFILE_SCHEMA_ID],
};

/** File name → JSON text, exactly as checked in under playbooks/ (and templates/ for templates and drafts). */
export function jsonSchemas(): Record<string, string> {
  return Object.fromEntries(Object.entries(TITLES).map(([file, [title, schema, id]]) => {
    const json = { ...(id ? { $id: id } : {}), ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), title };
    return [file, JSON.stringify(json, null, 2) + '\n'];
  }));
}
