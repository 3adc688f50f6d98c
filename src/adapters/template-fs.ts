// Reads report templates and draft messages (templates/, templates/drafts/) and validates them.
import { validateDraft, validateTemplate, type Template } from '../core/report/template.js';
import { stem } from './files.js';
import { check } from './playbook-fs.js';

export const checkDraft = (file: string) => check(file, (raw) => validateDraft(raw, stem(file)));
export const checkTemplate = (file: string) => check<Template>(file, (raw) => validateTemplate(raw, stem(file)));
