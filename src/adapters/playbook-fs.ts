// Reads playbooks and the files beside them (clocks.yaml, parties.yaml, draft templates) and runs
// the core validators on them, turning every issue into file:line:col.
import { basename, dirname, resolve } from 'node:path';
import { validateClocks, validateParties } from '../core/playbook/catalog.js';
import { err, type Issue, type Result } from '../core/playbook/issues.js';
import type { ClockSet, Party, Playbook } from '../core/playbook/schema.js';
import { validatePlaybook, type Catalog } from '../core/playbook/validate.js';
import { UserError, EXIT } from '../errors.js';
import { listById, playbookLayers } from './dirs.js';
import { draftIds } from './playbook-cache.js';
import { nearest } from '../core/text/nearest.js';
import { readSource, type Located, type Source } from './yaml-source.js';
import { besideOrShipped, findPlaybook, kindOf, stem, type FileKind } from './files.js';

export { findPlaybook, kindOf, yamlFiles } from './files.js';

/** `text`: what was read, when it was (validate scans it again for YAML 1.1 without a second read). */
export interface Checked<T> { file: string; kind: FileKind; problems: Located[]; value?: T; text?: string }

export function check<T>(file: string, validate: (raw: unknown) => Result<T>, clocks?: () => Source): Checked<T> {
  const src = readSource(file);
  const kind = kindOf(file);
  if (src.value === undefined) return { file, kind, problems: src.problems, text: src.text };
  const r = validate(src.value);
  const where = (i: Issue) => (i.doc === 'clocks' && clocks ? clocks().locate(i) : src.locate(i));
  return { file, kind, problems: [...src.problems, ...r.issues.map(where)], ...(r.ok ? { value: r.value } : {}), text: src.text };
}

export const checkParties = (file: string) => check<Party[]>(file, validateParties);
export const checkClocks = (file: string, parties?: ReadonlySet<string>) => check<ClockSet>(file, (raw) => validateClocks(raw, parties));


export interface LoadedCatalog { catalog: Catalog; clocks?: ClockSet; parties: Party[]; files: Checked<unknown>[] }

const catalogs = new Map<string, LoadedCatalog>();

/** Everything a playbook in `dir` may refer to; read once per folder. */
export function catalogFor(dir: string, templates?: string): LoadedCatalog {
  const key = `${resolve(dir)}\0${templates ?? ''}`;
  const cached = catalogs.get(key);
  if (cached) return cached;
  const partiesFile = checkParties(besideOrShipped(dir, 'parties.yaml'));
  const parties = partiesFile.value ?? [];
  const ids = new Set(parties.map((p) => p.id));
  const clocksFile = checkClocks(besideOrShipped(dir, 'clocks.yaml'), ids);
  // Drafts resolve through the template layers: a team's drafts/ adds to the shipped ones.
  const drafts = new Set(draftIds(dir, templates));
  const loaded: LoadedCatalog = {
    catalog: { parties: ids, drafts, ...(clocksFile.value ? { clocks: clocksFile.value } : {}) },
    ...(clocksFile.value ? { clocks: clocksFile.value } : {}),
    parties,
    files: [partiesFile, clocksFile],
  };
  catalogs.set(key, loaded);
  return loaded;
}

export function checkPlaybook(file: string, templates?: string, coverage?: Catalog['coverage']): Checked<Playbook> {
  const { catalog } = catalogFor(dirname(file), templates);
  return check<Playbook>(file, (raw) => {
    const r = validatePlaybook(raw, coverage ? { ...catalog, coverage } : catalog);
    const id = (raw as { id?: unknown }).id;
    if (typeof id === 'string' && id !== stem(file)) {
      const issues = [...r.issues, err('id-not-file-name', ['id'], { id, file: basename(file) })];
      return { ok: false, issues };
    }
    return r;
  }, () => readSource(besideOrShipped(dirname(file), 'clocks.yaml')));
}

/** The playbooks by id across the layers (the team's folder, then the shipped one). */
export const playbookIds = (dir: string) => listById(playbookLayers(dir), (f) => kindOf(f) === 'playbook');

/** A missing id as a user error that lists the known ones and suggests the nearest. */
export function unknownId(code: string, id: string, known: readonly string[], params: Record<string, string> = {}): UserError {
  const near = nearest(id, known);
  return new UserError(EXIT.usage, code, { id, known: known.join(', ') || '—', ...params }, near ? { code: 'hint-did-you-mean', params: { name: near } } : { code: 'hint-list' });
}

/** A playbook by id or by path; a user error when missing or invalid. */
export function loadPlaybook(ref: string, dir: string, templates?: string): { file: string; playbook: Playbook; catalog: LoadedCatalog } {
  const file = findPlaybook(ref, dir)?.file;
  if (!file) throw unknownId('playbook-not-found', ref, playbookIds(dir).map((p) => p.id));
  const r = checkPlaybook(file, templates);
  const errors = r.problems.filter((p) => p.severity === 'error').length;
  if (!r.value || errors) throw new UserError(EXIT.invalid, 'playbook-invalid', { file, errors }, { code: 'hint-validate', params: { file } });
  return { file, playbook: r.value, catalog: catalogFor(dirname(file), templates) };
}
