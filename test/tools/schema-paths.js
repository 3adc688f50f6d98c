// Where each generated JSON Schema lives: beside the files it describes.
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const schemaPath = (file) => (file === 'draft.schema.json' ? `${root}templates/drafts/${file}` : `${root}playbooks/${file}`);
