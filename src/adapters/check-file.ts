// One file, checked by the validator for its kind (playbook, clocks, parties, template, draft),
// plus the YAML 1.1 portability warnings that only `irbook validate` reports.
import { dirname } from 'node:path';
import { catalogFor, checkClocks, checkParties, checkPlaybook, type Checked } from './playbook-fs.js';
import { kindOf } from './files.js';
import { checkDraft, checkTemplate } from './template-fs.js';
import { checkProfile } from './profile-fs.js';
import { yaml11Warnings } from './yaml11.js';

function checkKind(file: string, templates?: string, coverage?: 'fast' | 'deep'): Checked<unknown> {
  switch (kindOf(file)) {
    case 'clocks': return checkClocks(file, catalogFor(dirname(file), templates).catalog.parties);
    case 'parties': return checkParties(file);
    case 'draft': return checkDraft(file);
    case 'template': return checkTemplate(file);
    case 'profile': return checkProfile(file);
    default: return checkPlaybook(file, templates, coverage);
  }
}

/** Each kind of file with its own validator; a file that reads at all is also checked for YAML 1.1. */
export function checkFile(file: string, templates?: string, coverage?: 'fast' | 'deep'): Checked<unknown> {
  const { text, ...r } = checkKind(file, templates, coverage);
  if (r.problems.some((p) => p.code.startsWith('yaml-') || p.code === 'file-unreadable')) return r;
  if (text === undefined) return r;
  const extra = yaml11Warnings(file, text);
  return extra.length ? { ...r, problems: [...r.problems, ...extra].sort((a, b) => a.line - b.line || a.col - b.col) } : r;
}
