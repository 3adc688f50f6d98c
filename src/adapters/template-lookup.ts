// Report templates and drafts by id through the template layers (the team's templates/ first,
// the shipped ones after), with a listing of the known ones when an id is missing.
import { findById, listById, templateLayers, type Found } from './dirs.js';
import { unknownId } from './playbook-fs.js';

export interface TemplateOptions { playbooks: string; templates?: string; env?: NodeJS.ProcessEnv }

const layersOf = (o: TemplateOptions) => templateLayers(o.playbooks, o.templates, o.env);

export const templateIds = (o: TemplateOptions): Found[] => listById(layersOf(o));
export const draftIds = (o: TemplateOptions): Found[] => listById(layersOf(o), undefined, 'drafts');

/** The report template `id`; a usage error listing the known ones when there is none. */
export function findTemplate(id: string, o: TemplateOptions): Found {
  const found = findById(layersOf(o), id);
  if (!found) throw unknownId('template-unknown', id, templateIds(o).map((t) => t.id));
  return found;
}

/** The draft template `id`, if any layer has it. */
export const findDraft = (id: string, o: TemplateOptions): Found | undefined => findById(layersOf(o), id, 'drafts');
