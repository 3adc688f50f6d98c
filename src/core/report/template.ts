// Report templates (templates/<id>.yaml): language, time zone, sections and labels, redaction.
import { z } from 'zod';
import { Liquid } from 'liquidjs';
import { err, parseWith, type Issue, type Result } from '../playbook/issues.js';
import { isZone } from '../time/format.js';
import type { z as Z } from 'zod';
import { ALL, settle } from '../playbook/catalog.js';
import { ID_PATTERN, FACT_PATTERN, RECORD_SECTIONS, draftSchema } from '../playbook/schema.js';
import { textIssues } from '../playbook/texts.js';

export const SECTION_IDS = [
  'overview', 'summary', 'times', 'facts', 'stages', 'timeline', 'decisions', 'checklists',
  'notifications', 'clocks', 'evidence', 'notes', ...RECORD_SECTIONS.filter((s) => s !== 'summary'),
  'drill-stages', 'drill-decisions', 'drill-score', 'overrides', 'skipped',
  // Documents for their recipients (sections-*.ts): page 1 of HQ, the operator and seal block of
  // the CAC, the reporter of the PPC, what changed since the last report, …
  'headline', 'status', 'open-items', 'amendments', 'operator', 'incident', 'reporter', 'signature',
  'data-items', 'persons', 'publication', 'changes', 'contact', 'note',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const REDACTIONS = ['notes', 'evidence_paths', 'actors'] as const;
export const AUDIENCES = ['internal', 'authority', 'individuals'] as const;

/** Sections an authority or individuals document never has: they hold internal judgement and history. */
export const INTERNAL_SECTIONS: ReadonlySet<string> = new Set(['decisions', 'overrides', 'notes', 'timeline', 'skipped', 'stages', 'drill-stages', 'drill-decisions', 'drill-score', 'amendments', 'open-items', 'status', 'headline']);

const section = z.object({
  id: z.enum(SECTION_IDS),
  title: z.string().optional().describe('Heading; default: the standard one in the template language.'),
  text: z.string().optional().describe('Text shown under the heading; Liquid ({{ incident }}, {{ facts.persons_affected }}, …).'),
  facts: z.array(z.string().regex(FACT_PATTERN)).optional().describe('For `facts`: which facts, in this order (default: all asked).'),
  appendix: z.boolean().optional().describe('Drawn only with `report --appendix` or the template\'s `appendix: true`.'),
}).strict();

export const templateSchema = z.object({
  id: z.string().regex(ID_PATTERN),
  language: z.enum(['ja', 'zh', 'en']),
  timezone: z.string().describe('IANA zone every time is shown in, e.g. Asia/Tokyo.'),
  title: z.string().describe('Document title; Liquid allowed.'),
  classification: z.string().describe('Classification line in every page header, e.g. 社外秘.'),
  audience: z.enum(AUDIENCES).describe('authority: only what the law asks (no decisions, overrides, CEL, notes, evidence paths, other parties or other countries\' clocks); individuals: a notice to the persons concerned.'),
  party: z.string().regex(ID_PATTERN).optional().describe('The recipient party (cac, ppc, psb, hq, individuals): an authority document shows only its notices and clocks.'),
  profile: z.array(z.string().regex(/^[a-z_]+(\.[a-z_]+)*$/)).optional().describe('Fields of irbook.yaml the document needs (names.zh, credit_code, parties.cac.reporter.name …): missing → refused, or stamped DRAFT with --draft.'),
  appendix: z.boolean().optional().describe('Draw the sections marked `appendix` without `--appendix`.'),
  exercise_only: z.boolean().optional().describe('Refuse the template for a real (non-exercise) incident.'),
  redact: z.array(z.enum(REDACTIONS)).optional(),
  labels: z.record(z.string(), z.string()).optional().describe('Overrides of the standard labels, by message code.'),
  sections: z.array(section).min(1),
}).strict();

export type Template = z.infer<typeof templateSchema>;
export type TemplateSection = z.infer<typeof section>;

const liquid = new Liquid();

/** A Liquid syntax error in template text, as an issue at its place. */
export function liquidIssues(source: string, path: (string | number)[]): Issue[] {
  try {
    liquid.parse(source);
    return [];
  } catch (e) {
    return [err('liquid-syntax', path, { detail: (e as Error).message.split('\n')[0] ?? '' })];
  }
}

/** Shape, plus a valid time zone and Liquid that parses, with the place of each problem. */
export function validateTemplate(raw: unknown, fileId?: string): Result<Template> {
  const shaped = parseWith(templateSchema, raw);
  if (!shaped.ok) return shaped;
  const tpl = shaped.value;
  const issues: Issue[] = [];
  if (!isZone(tpl.timezone)) issues.push(err('bad-timezone', ['timezone'], { tz: tpl.timezone }));
  if (fileId !== undefined && tpl.id !== fileId) issues.push(err('id-not-file-name', ['id'], { id: tpl.id, file: fileId }));
  const liquidAt = (source: string, path: (string | number)[]) => issues.push(...liquidIssues(source, path));
  liquidAt(tpl.title, ['title']);
  liquidAt(tpl.classification, ['classification']);
  tpl.sections.forEach((s, i) => {
    if (s.title) liquidAt(s.title, ['sections', i, 'title']);
    if (s.text) liquidAt(s.text, ['sections', i, 'text']);
    if (s.facts && s.id !== 'facts') issues.push(err('unknown-key', ['sections', i, 'facts'], { key: 'facts' }, { key: true }));
    if (tpl.audience !== 'internal' && INTERNAL_SECTIONS.has(s.id)) issues.push(err('section-not-for-audience', ['sections', i, 'id'], { section: s.id, audience: tpl.audience }));
  });
  return issues.length ? { ok: false, issues } : { ok: true, value: tpl, issues };
}

/** What a template hides: documents leaving the company never show notes, evidence paths or who typed what. */
export function redactions(t: Template): Set<string> {
  const r = new Set<string>(t.redact ?? []);
  if (t.audience !== 'internal') for (const x of REDACTIONS) r.add(x);
  return r;
}

// Draft messages (templates/drafts/<id>.yaml): text in the three languages, Liquid that parses.
export type Draft = Z.infer<typeof draftSchema>;

export function validateDraft(raw: unknown, fileId: string): Result<Draft> {
  const shaped = parseWith(draftSchema, raw);
  if (!shaped.ok) return shaped;
  // A draft for one recipient is written in that recipient's language only.
  const lang = shaped.value.language;
  const issues = textIssues(lang ? { title: shaped.value.title, body: shaped.value.body } : shaped.value, lang ? [lang] : ALL);
  for (const key of ['title', 'body'] as const) {
    const text = shaped.value[key];
    for (const [lang, source] of typeof text === 'string' ? [['', text]] : Object.entries(text)) {
      issues.push(...liquidIssues(source ?? '', lang ? [key, lang] : [key]));
    }
  }
  if (shaped.value.id !== fileId) issues.push(err('id-not-file-name', ['id'], { id: shaped.value.id, file: fileId }));
  return settle(shaped.value, issues);
}
