// One file, checked by the validator for its kind (playbook, clocks, parties, template, draft).
import { dirname } from 'node:path';
import { catalogFor, checkClocks, checkParties, checkPlaybook, type Checked } from './playbook-fs.js';
import { kindOf } from './files.js';
import { checkDraft, checkTemplate } from './template-fs.js';
import { checkProfile } from './profile-fs.js';

/** Each kind of file with its own validator. */
export function checkFile(file: string, templates?: string): Checked<unknown> {
  switch (kindOf(file)) {
    case 'clocks': return checkClocks(file, catalogFor(dirname(file), templates).catalog.parties);
    case 'parties': return checkParties(file);
    case 'draft': return checkDraft(file);
    case 'template': return checkTemplate(file);
    case 'profile': return checkProfile(file);
    default: return checkPlaybook(file, templates);
  }
}
