// Where each generated JSON Schema lives: beside the files it describes.
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const WHERE = { 'draft.schema.json': 'templates/drafts', 'template.schema.json': 'templates', 'irbook.schema.json': 'templates/scaffold' };
export const schemaPath = (file) => `${root}${WHERE[file] ?? 'playbooks'}/${file}`;
