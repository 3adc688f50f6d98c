// Semantic rules for a playbook, after its shape has passed the schema. Pure; every issue at once.
import type { z } from 'zod';
import { check, type Ident } from '../expr/cel.js';
import { playbookScope } from '../expr/playbook-scope.js';
import type { Lang } from '../i18n/lang.js';
import { err, parseWith, warn, type DocPath, type Issue, type Result } from './issues.js';
import { optionId, playbookSchema, STAGE_IDS, STEP_KINDS, type ClockSet, type Playbook, type Step } from './schema.js';
import { textIssues } from './texts.js';
import { coverageIssues } from './coverage.js';

export interface Catalog {
  clocks?: ClockSet;
  parties: ReadonlySet<string>;
  drafts: ReadonlySet<string>;
  /** Check that every clock that applies has a presented notify step (validate only). */
  coverage?: 'fast' | 'deep';
}

export interface StepRef { stage: number; step: number; path: DocPath; value: Step }

export function stepsOf(pb: Playbook): StepRef[] {
  return pb.stages.flatMap((s, i) => s.steps.map((st, j) => ({ stage: i, step: j, path: ['stages', i, 'steps', j], value: st })));
}

// The shape of each top-level entry, by the entry's object: `validate` reads the entries that its
// files share (same text) into the same objects, so each is checked once per run.
const entryShapes = new WeakMap<object, unknown>();

/**
 * The playbook's shape checked entry by entry, which is what the schema (a strict object, nothing
 * across entries) does; anything that does not pass goes to the whole schema, for its messages.
 */
function shapeOf(raw: unknown): Result<Playbook> {
  const whole = () => parseWith(playbookSchema, raw);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return whole();
  const input = raw as Record<string, unknown>;
  const shape = playbookSchema.shape as Record<string, z.ZodType>;
  if (Object.keys(input).some((k) => !Object.hasOwn(shape, k))) return whole();
  const out: Record<string, unknown> = {};
  for (const [k, schema] of Object.entries(shape)) {
    if (!Object.hasOwn(input, k)) {
      if (schema.safeParse(undefined).success) continue;
      return whole();
    }
    const v = input[k];
    const known = typeof v === 'object' && v !== null ? entryShapes.get(v) : undefined;
    if (known !== undefined) { out[k] = known; continue; }
    const r = schema.safeParse(v);
    if (!r.success) return whole();
    if (typeof v === 'object' && v !== null) entryShapes.set(v, r.data);
    out[k] = r.data;
  }
  return { ok: true, value: out as Playbook, issues: [] };
}

// The rules' issues by the objects they read (a playbook's entries, the folder's catalog): the
// entries that `validate`'s files share are checked once per run. Issues are never changed after.
// One root per call site, each with a fixed number of parts.
const NONE = {};
const NAMES = {};
const ruleMemo = new WeakMap<object, unknown>();
const textMemo = new WeakMap<object, unknown>();

function memoOn<T>(root: WeakMap<object, unknown>, parts: readonly (object | undefined)[], name: string, make: () => T): T {
  let level = root;
  for (const p of parts) {
    const k = p ?? NONE;
    let next = level.get(k) as WeakMap<object, unknown> | undefined;
    if (!next) level.set(k, (next = new WeakMap()));
    level = next;
  }
  let byName = level.get(NAMES) as Map<string, T> | undefined;
  if (!byName) level.set(NAMES, (byName = new Map()));
  if (!byName.has(name)) byName.set(name, make());
  return byName.get(name)!;
}

export function validatePlaybook(raw: unknown, catalog: Catalog): Result<Playbook> {
  const shaped = shapeOf(raw);
  if (!shaped.ok) return shaped;
  const pb = shaped.value;
  const langs = (pb.languages ?? ['ja', 'zh', 'en']) as Lang[];
  const issues: Issue[] = [
    ...memoOn(ruleMemo, [pb.stages, pb.facts, pb.policy, catalog.clocks, catalog.parties, catalog.drafts], '', () => [...stageIssues(pb), ...factIssues(pb, catalog), ...stepIssues(pb, catalog)]),
    // Entry by entry, in the playbook's order: the walk of the whole playbook, in parts.
    ...Object.entries(pb).flatMap(([k, v]) => (typeof v === 'object' && v !== null
      ? memoOn(textMemo, [v, pb.languages], k, () => textIssues({ [k]: v }, langs))
      : textIssues({ [k]: v }, langs))),
  ];
  if (catalog.coverage && catalog.clocks && !issues.some((i) => i.severity === 'error')) issues.push(...coverageIssues(pb, catalog.clocks, { deep: catalog.coverage === 'deep' }));
  return issues.some((i) => i.severity === 'error') ? { ok: false, issues } : { ok: true, value: pb, issues };
}

function stageIssues(pb: Playbook): Issue[] {
  const out: Issue[] = [];
  const seen = new Set<string>();
  let expected = 0;
  pb.stages.forEach((s, i) => {
    const at = ['stages', i, 'id'];
    const k = (STAGE_IDS as readonly string[]).indexOf(s.id);
    if (k < 0) out.push(err('stage-unknown', at, { stage: s.id, allowed: STAGE_IDS.join(', ') }));
    else if (seen.has(s.id)) out.push(err('stage-duplicate', at, { stage: s.id }));
    else if (k < expected) out.push(err('stage-order', at, { stage: s.id, order: STAGE_IDS.join(' → ') }));
    else expected = k + 1;
    seen.add(s.id);
  });
  const missing = STAGE_IDS.filter((s) => !seen.has(s));
  if (missing.length) out.push(err('stage-missing', ['stages'], { stages: missing.join(', ') }, { key: true }));
  return out;
}

function factIssues(pb: Playbook, catalog: Catalog): Issue[] {
  const out: Issue[] = [];
  const asked = new Set(stepsOf(pb).flatMap((s) => s.value.ask ?? []));
  for (const [name, f] of Object.entries(pb.facts)) {
    const at = ['facts', name];
    const listy = f.type === 'choice' || f.type === 'multi';
    if (listy && !f.options) out.push(err('options-required', at, { fact: name, type: f.type }, { key: true }));
    if (!listy && f.options) out.push(err('options-unexpected', [...at, 'options'], { fact: name, type: f.type }, { key: true }));
    if ((f.min !== undefined || f.max !== undefined) && f.type !== 'integer' && f.type !== 'number')
      out.push(err('range-unexpected', at, { fact: name, type: f.type }, { key: true }));
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) out.push(err('range-empty', [...at, 'min'], { min: f.min, max: f.max }));
    if (clockFactMismatch(catalog, name, f.type))
      out.push(err('clock-fact-type', [...at, 'type'], { fact: name, type: f.type, expected: catalog.clocks?.facts[name]?.type ?? '' }));
    if (!asked.has(name)) out.push(warn('fact-unused', at, { fact: name }, { key: true }));
  }
  return out;
}

function clockFactMismatch(catalog: Catalog, name: string, type: string): boolean {
  const shared = catalog.clocks?.facts[name];
  return shared !== undefined && shared.type !== type;
}

function kindsOf(step: Step): string[] {
  return STEP_KINDS.filter((k) => step[k] !== undefined);
}

function stepIssues(pb: Playbook, catalog: Catalog): Issue[] {
  const out: Issue[] = [];
  const { scope, sets } = playbookScope(pb);
  const known = new Set<string>();
  const ids = new Map<string, DocPath>();
  const setBy = new Map<string, string>();
  const clocks = new Map((catalog.clocks?.clocks ?? []).map((c) => [c.id, c]));

  const expression = (source: string, at: DocPath, want: string, label: string): Ident[] | undefined => {
    const r = check(scope, source);
    if (!r.ok) {
      const unknown = /Unknown variable: (\w+)/.exec(r.message);
      if (unknown) out.push(err('cel-unknown-name', at, { name: unknown[1] ?? '', what: label }, { offset: r.pos }));
      else out.push(err(r.code ?? (r.syntax ? 'cel-syntax' : 'cel-type'), at, { detail: r.message, what: label, ...r.params }, { offset: r.pos }));
      return undefined;
    }
    if (want !== 'any' && r.type !== want && r.type !== 'dyn') out.push(err('cel-result-type', at, { what: label, expected: want, got: r.type }));
    for (const id of r.reads) {
      if (known.has(id.name)) continue;
      const later = setBy.has(id.name) ? undefined : sets.get(id.name);
      if (later) out.push(err('reads-later', at, { name: id.name, what: label, step: later.step }, { offset: id.pos }));
      else out.push(err('reads-not-asked', at, { name: id.name, what: label }, { offset: id.pos }));
    }
    return r.literal;
  };

  for (const { path, value: step } of stepsOf(pb)) {
    const first = ids.get(step.id);
    if (first) out.push(err('step-duplicate', [...path, 'id'], { id: step.id }));
    else ids.set(step.id, path);

    const kinds = kindsOf(step);
    if (kinds.length === 0) out.push(err('step-no-kind', path, { id: step.id, kinds: STEP_KINDS.join(', ') }));
    if (kinds.length > 1) out.push(err('step-many-kinds', [...path, kinds[1] ?? ''], { id: step.id, kinds: kinds.join(', ') }, { key: true }));

    if (step.when !== undefined) expression(step.when, [...path, 'when'], 'bool', 'when');

    step.ask?.forEach((fact, i) => {
      if (!(fact in pb.facts)) out.push(err('ask-undeclared', [...path, 'ask', i], { fact }));
    });

    const d = step.decide;
    if (d) {
      if (d.recommend !== undefined) {
        const literal = expression(d.recommend, [...path, 'decide', 'recommend'], d.options ? 'string' : 'bool', 'recommend');
        if (d.options && literal) {
          const allowed = d.options.map(optionId);
          for (const l of literal.filter((x) => !allowed.includes(x.name)))
            out.push(err('recommend-not-option', [...path, 'decide', 'recommend'], { value: l.name, options: allowed.join(', ') }, { offset: l.pos }));
        }
      }
      if (d.sets !== undefined) {
        const at = [...path, 'decide', 'sets'];
        if (d.sets in pb.facts) out.push(err('sets-collides-fact', at, { name: d.sets }));
        else if (d.sets === 'policy') out.push(err('sets-collides-fact', at, { name: d.sets }));
        else if (clockFactMismatch(catalog, d.sets, d.options ? 'choice' : 'boolean'))
          out.push(err('clock-fact-type', at, { fact: d.sets, type: d.options ? 'choice' : 'boolean', expected: catalog.clocks?.facts[d.sets]?.type ?? '' }));
        else if (setBy.has(d.sets)) out.push(err('sets-duplicate', at, { name: d.sets, step: setBy.get(d.sets) ?? '' }));
        else setBy.set(d.sets, step.id);
      }
    }

    const n = step.notify;
    if (n) {
      if (!catalog.parties.has(n.party)) out.push(err('notify-unknown-party', [...path, 'notify', 'party'], { party: n.party, known: [...catalog.parties].join(', ') }));
      n.satisfies?.forEach((c, i) => {
        const clock = clocks.get(c);
        const at = [...path, 'notify', 'satisfies', i];
        if (!clock) out.push(err('satisfies-unknown-clock', at, { clock: c, known: [...clocks.keys()].join(', ') }));
        else if (clock.satisfied_by.party !== n.party) out.push(err('satisfies-wrong-party', at, { clock: c, party: n.party, needed: clock.satisfied_by.party }));
      });
      if (n.draft !== undefined && !catalog.drafts.has(n.draft)) out.push(err('draft-missing', [...path, 'notify', 'draft'], { draft: n.draft }));
    }

    for (const f of step.ask ?? []) known.add(f);
    if (d?.sets) known.add(d.sets);
  }
  return out;
}
