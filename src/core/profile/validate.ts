// Checks of irbook.yaml beyond its shape, and the fields a document needs from it.
import { err, parseWith, type Issue, type Result } from '../playbook/issues.js';
import { settle } from '../playbook/catalog.js';
import { isZone } from '../time/format.js';
import { creditCodeProblem } from './credit-code.js';
import { profileSchema, type Person, type Profile } from './schema.js';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const SITE = /^[a-z0-9]{2,8}$/;

export function validateProfile(raw: unknown): Result<Profile> {
  const shaped = parseWith(profileSchema, raw ?? {});
  if (!shaped.ok) return shaped;
  const p = shaped.value;
  const issues: Issue[] = [];
  if (p.credit_code !== undefined) {
    const why = creditCodeProblem(p.credit_code);
    if (why) issues.push(err(`credit-code-${why}`, ['credit_code'], { value: p.credit_code }));
  }
  if (p.timezone !== undefined && !isZone(p.timezone)) issues.push(err('bad-timezone', ['timezone'], { tz: p.timezone }));
  if (p.site !== undefined && !SITE.test(p.site)) issues.push(err('bad-site-code', ['site'], { value: p.site }));
  for (const [party, roles] of Object.entries(p.parties ?? {})) {
    for (const [role, person] of Object.entries(roles) as [string, Person | undefined][]) {
      if (person?.email !== undefined && !EMAIL.test(person.email)) issues.push(err('bad-email', ['parties', party, role, 'email'], { value: person.email }));
    }
  }
  return settle(p, issues);
}

/** The value at a dotted path (names.zh, parties.cac.reporter.phone); text maps count when any language is there. */
export function profileValue(p: Profile | undefined, path: string): unknown {
  let v: unknown = p;
  for (const k of path.split('.')) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

const present = (v: unknown): boolean =>
  typeof v === 'string' ? v.trim() !== '' : typeof v === 'object' && v !== null && Object.values(v).some(present);

/** The fields of `needs` the profile lacks, in the template's order. */
export const missingFields = (p: Profile | undefined, needs: readonly string[]): string[] => needs.filter((n) => !present(profileValue(p, n)));
