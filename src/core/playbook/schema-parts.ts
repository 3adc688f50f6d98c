// The small zod pieces every part of the playbook format is made of, apart from schema.ts so the
// step kinds (src/core/session/kinds) can hold their own schema parts without an import cycle.
import { z } from 'zod';
import { durationMs } from '../time/duration.js';
import { FACT_PATTERN, ID_PATTERN } from './constants.js';

export const id = z.string().regex(ID_PATTERN).describe('An id: lower-case letters, digits and hyphens, starting with a letter.');
export const factName = z.string().regex(FACT_PATTERN).describe('A fact name: lower-case letters, digits and underscores (usable in CEL).');
export const expr = z.string().min(1).describe('A CEL expression over the facts, `policy` and earlier decisions.');
export const duration = z.string().refine((s) => durationMs(s) !== undefined, { message: 'duration' })
  .describe('An ISO-8601 duration such as P5D, PT4H or PT1H30M.');

export const text = z.union([
  z.string(),
  z.object({ ja: z.string(), zh: z.string(), en: z.string() }).partial().strict(),
]).describe('Text: a plain string, or a map of languages {ja, zh, en}.');

export const option = z.union([
  z.string().regex(FACT_PATTERN),
  z.object({ id: z.string().regex(FACT_PATTERN), label: text }).strict(),
]).describe('An option id, or {id, label} to show a translated label.');
