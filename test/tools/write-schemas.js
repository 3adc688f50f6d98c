// npm run schema: regenerate the JSON Schemas from the zod schemas in src/core/playbook/schema.ts.
import { writeFileSync } from 'node:fs';
import { jsonSchemas } from '../../dist/core/playbook/json-schema.js';
import { schemaPath } from './schema-paths.js';

for (const [file, text] of Object.entries(jsonSchemas())) {
  writeFileSync(schemaPath(file), text);
  console.log(`wrote ${schemaPath(file)}`);
}
