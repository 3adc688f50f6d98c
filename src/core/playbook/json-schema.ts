// JSON Schemas for editors (yaml-language-server), generated from the zod schemas so they never drift.
import { z } from 'zod';
import { clocksSchema, draftSchema, partiesSchema, playbookSchema } from './schema.js';
import { templateSchema } from '../report/template.js';
import { profileSchema } from '../profile/schema.js';

const TITLES: Record<string, [string, z.ZodType]> = {
  'playbook.schema.json': ['irbook playbook (v1)', playbookSchema],
  'clocks.schema.json': ['irbook reporting clocks', clocksSchema],
  'parties.schema.json': ['irbook parties', partiesSchema],
  'draft.schema.json': ['irbook draft message', draftSchema],
  'template.schema.json': ['irbook report template', templateSchema],
  'irbook.schema.json': ['irbook organisation profile (irbook.yaml)', profileSchema],
};

/** File name → JSON text, exactly as checked in under playbooks/ (and templates/ for templates and drafts). */
export function jsonSchemas(): Record<string, string> {
  return Object.fromEntries(Object.entries(TITLES).map(([file, [title, schema]]) => {
    const base = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    // A stable identifier that names no host: nothing is ever fetched from it, and it does not
    // depend on where the package is installed. The major version is in it (v1).
    const json = { $schema: base.$schema, $id: `urn:irbook:schema:v1:${file.replace('.schema.json', '')}`, ...base, title };
    return [file, JSON.stringify(json, null, 2) + '\n'];
  }));
}
