import { describe, expect, it } from 'vitest';
import { validatePlaybook, type Catalog } from '../../src/core/playbook/validate.js';
import { playbookSchema, type ClockSet } from '../../src/core/playbook/schema.js';
import { parseWith } from '../../src/core/playbook/issues.js';

const t = (s: string) => ({ ja: s, zh: s, en: s });

const clocks: ClockSet = {
  facts: { aware_at: { type: 'datetime' }, persons_affected: { type: 'integer' } },
  clocks: [{
    id: 'appi-preliminary', title: t('x'), basis: t('x'), authority: 'ppc', applies: 'persons_affected > 1000',
    starts: 'aware_at', due: 'P5D', satisfied_by: { party: 'ppc' },
  }],
};
const catalog: Catalog = { clocks, parties: new Set(['hq', 'ppc']), drafts: new Set(['hq-first-report']) };

type Doc = Record<string, any>;
function base(): Doc {
  return {
    id: 'demo', version: '1.0.0', title: t('Demo'),
    facts: {
      aware_at: { type: 'datetime', prompt: t('When?') },
      persons_affected: { type: 'integer', min: 0, prompt: t('How many?') },
      malicious: { type: 'boolean', prompt: t('Malicious?') },
      channel: { type: 'choice', options: ['wechat', 'line'], prompt: t('Channel?') },
    },
    policy: { hq_report_persons: 1 },
    stages: [
      { id: 'detect', steps: [{ id: 'confirm', check: t('Confirmed') }, { id: 'scope', ask: ['aware_at', 'persons_affected', 'malicious', 'channel'] }] },
      { id: 'initial_response', steps: [
        { id: 'report-hq', decide: { question: t('Report?'), recommend: 'persons_affected >= policy.hq_report_persons', sets: 'report_hq' } },
        { id: 'notify-hq', when: 'report_hq', notify: { party: 'hq', draft: 'hq-first-report' } },
      ] },
      { id: 'investigate', steps: [{ id: 'cause', record: { prompt: t('Cause'), section: 'cause' } }] },
      { id: 'disclose', steps: [{ id: 'ppc', notify: { party: 'ppc', satisfies: ['appi-preliminary'] } }] },
      { id: 'recover', steps: [{ id: 'fix', check: [t('a'), t('b')] }] },
    ],
  };
}

const step = (d: Doc, stage: number, i: number): Doc => d.stages[stage].steps[i];

describe('validatePlaybook', () => {
  it('accepts a complete playbook without issues', () => {
    const r = validatePlaybook(base(), catalog);
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
  });

  // [name, mutation, code, path, offset]
  const cases: [string, (d: Doc) => void, string, (string | number)[], number?][] = [
    ['unknown top-level key', (d) => { d.colour = 1; }, 'unknown-key', ['colour']],
    ['comma-cut text', (d) => { d.title = { ja: 'a', 'then reset': null }; }, 'unknown-key-comma', ['title', 'then reset']],
    ['wrong type', (d) => { d.version = 3; }, 'wrong-type', ['version']],
    ['missing required', (d) => { delete d.title; }, 'required', ['title']],
    ['id with a path', (d) => { step(d, 0, 0).id = '../etc'; }, 'bad-id', ['stages', 0, 'steps', 0, 'id']],
    ['fact name with capitals', (d) => { d.facts.Bad = d.facts.malicious; }, 'bad-fact-name', ['facts', 'Bad']],
    ['bad duration', (d) => { d.stages[0].target = 'five days'; }, 'bad-duration', ['stages', 0, 'target']],
    ['missing stage', (d) => { d.stages.pop(); }, 'stage-missing', ['stages']],
    ['stages out of order', (d) => { [d.stages[1], d.stages[2]] = [d.stages[2], d.stages[1]]; }, 'stage-order', ['stages', 2, 'id']],
    ['unknown stage', (d) => { d.stages[4].id = 'close'; }, 'stage-unknown', ['stages', 4, 'id']],
    ['duplicate step id', (d) => { step(d, 4, 0).id = 'confirm'; }, 'step-duplicate', ['stages', 4, 'steps', 0, 'id']],
    ['step with no kind', (d) => { delete step(d, 0, 0).check; }, 'step-no-kind', ['stages', 0, 'steps', 0]],
    ['step with two kinds', (d) => { step(d, 0, 0).ask = ['malicious']; }, 'step-many-kinds', ['stages', 0, 'steps', 0, 'ask']],
    ['ask undeclared', (d) => { step(d, 0, 1).ask.push('nope'); }, 'ask-undeclared', ['stages', 0, 'steps', 1, 'ask', 4]],
    ['CEL syntax', (d) => { step(d, 1, 1).when = 'report_hq &&'; }, 'cel-syntax', ['stages', 1, 'steps', 1, 'when'], 12],
    ['CEL unknown name', (d) => { step(d, 1, 1).when = 'report_hq && nope'; }, 'cel-unknown-name', ['stages', 1, 'steps', 1, 'when'], 13],
    ['CEL type error', (d) => { step(d, 1, 0).decide.recommend = "persons_affected > 'many'"; }, 'cel-type', ['stages', 1, 'steps', 0, 'decide', 'recommend'], 0],
    ['guard not bool', (d) => { step(d, 1, 1).when = 'persons_affected'; }, 'cel-result-type', ['stages', 1, 'steps', 1, 'when']],
    ['guard reads an unasked fact', (d) => { d.stages[0].steps.splice(1, 1); d.stages[4].steps.push({ id: 'late', ask: ['aware_at', 'persons_affected', 'malicious', 'channel'] }); }, 'reads-not-asked', ['stages', 1, 'steps', 0, 'decide', 'recommend'], 0],
    ['reads a later decision', (d) => { step(d, 0, 0).when = 'report_hq'; }, 'reads-later', ['stages', 0, 'steps', 0, 'when'], 0],
    ['sets collides with a fact', (d) => { step(d, 1, 0).decide.sets = 'malicious'; }, 'sets-collides-fact', ['stages', 1, 'steps', 0, 'decide', 'sets']],
    ['sets twice', (d) => { d.stages[4].steps.push({ id: 'again', decide: { question: t('?'), sets: 'report_hq' } }); }, 'sets-duplicate', ['stages', 4, 'steps', 1, 'decide', 'sets']],
    ['notify unknown party', (d) => { step(d, 1, 1).notify.party = 'press'; }, 'notify-unknown-party', ['stages', 1, 'steps', 1, 'notify', 'party']],
    ['satisfies unknown clock', (d) => { step(d, 3, 0).notify.satisfies = ['gdpr-72h']; }, 'satisfies-unknown-clock', ['stages', 3, 'steps', 0, 'notify', 'satisfies', 0]],
    ['satisfies a clock of another party', (d) => { step(d, 1, 1).notify.satisfies = ['appi-preliminary']; }, 'satisfies-wrong-party', ['stages', 1, 'steps', 1, 'notify', 'satisfies', 0]],
    ['draft without template', (d) => { step(d, 1, 1).notify.draft = 'nothing'; }, 'draft-missing', ['stages', 1, 'steps', 1, 'notify', 'draft']],
    ['options recommend not an option', (d) => { step(d, 1, 0).decide = { question: t('Grade?'), options: ['low', 'high'], recommend: "malicious ? 'high' : 'medium'", sets: 'grade' }; step(d, 1, 1).when = "grade == 'high'"; }, 'recommend-not-option', ['stages', 1, 'steps', 0, 'decide', 'recommend']],
    ['choice without options', (d) => { delete d.facts.channel.options; }, 'options-required', ['facts', 'channel']],
    ['clock fact with another type', (d) => { d.facts.persons_affected = { type: 'text', prompt: t('How many?') }; step(d, 1, 0).decide.recommend = 'malicious'; }, 'clock-fact-type', ['facts', 'persons_affected', 'type']],
  ];

  it.each(cases)('%s', (_, mutate, code, path, offset) => {
    const d = base();
    mutate(d);
    const r = validatePlaybook(d, catalog);
    expect(r.ok).toBe(false);
    const found = r.issues.find((i) => i.code === code);
    expect(found, JSON.stringify(r.issues)).toBeDefined();
    expect(found?.path).toEqual(path);
    if (offset !== undefined) expect(found?.offset).toBe(offset);
  });

  it('warns, without failing, where a text lacks a language or a fact is never asked', () => {
    const d = base();
    d.title = { ja: 'デモ', en: 'Demo' };
    d.facts.unused = { type: 'boolean', prompt: t('?') };
    const r = validatePlaybook(d, catalog);
    expect(r.ok).toBe(true);
    expect(r.issues.map((i) => [i.severity, i.code])).toEqual([['warning', 'fact-unused'], ['warning', 'text-missing-lang']]);
  });

  it('takes the required languages from `languages:`', () => {
    const d = base();
    d.languages = ['ja'];
    d.title = { ja: 'デモ' };
    expect(validatePlaybook(d, catalog).issues).toEqual([]);
  });
});

// Entries shared between playbooks (the same objects, as validate reads files with common blocks)
// are shape-checked once: every other entry is still checked, what passes is what the schema
// gives, and a playbook that fails says what the whole schema says.
describe('shared entries', () => {
  const shared = base();
  it.each([
    { name: 'the same entries, another id', change: (d: Doc) => { d.id = 'other'; } },
    { name: 'a bad version beside shared facts', change: (d: Doc) => { d.version = 'one'; } },
    { name: 'an unknown key', change: (d: Doc) => { d.extra = 1; } },
    { name: 'a missing title', change: (d: Doc) => { delete d.title; } },
    { name: 'a wrong type of stages', change: (d: Doc) => { d.stages = 'none'; } },
    { name: 'another policy', change: (d: Doc) => { d.policy = { hq_report_persons: 5 }; } },
    { name: 'no languages, a summary', change: (d: Doc) => { delete d.languages; d.summary = d.title; } },
  ])('$name', ({ change }) => {
    expect(validatePlaybook(shared, catalog).ok).toBe(true);
    const d = { ...shared };
    change(d);
    const schema = parseWith(playbookSchema, structuredClone(d));
    const r = validatePlaybook(d, catalog);
    if (schema.ok) expect(r.ok && JSON.stringify(r.value)).toBe(JSON.stringify(schema.value));
    else expect(r).toEqual(schema);
  });
});

// The rules' issues are remembered by the objects they read: a playbook whose entries were seen
// before, with another catalog or other entries beside them, gets what a fresh copy gets.
describe('remembered rules', () => {
  const shared = { ...base(), summary: { ja: 's' } };
  it.each([
    { name: 'fewer parties', change: (d: Doc) => d, cat: { ...catalog, parties: new Set(['hq']) } },
    { name: 'no drafts', change: (d: Doc) => d, cat: { ...catalog, drafts: new Set<string>() } },
    { name: 'no clocks', change: (d: Doc) => d, cat: { parties: catalog.parties, drafts: catalog.drafts } },
    { name: 'one language', change: (d: Doc) => { d.languages = ['ja']; }, cat: catalog },
    { name: 'two languages', change: (d: Doc) => { d.languages = ['ja', 'zh']; }, cat: catalog },
    { name: 'a policy that breaks a recommendation', change: (d: Doc) => { d.policy = { other: 1 }; }, cat: catalog },
    { name: 'the same again', change: (d: Doc) => d, cat: catalog },
  ])('$name', ({ change, cat }) => {
    validatePlaybook(shared, catalog);
    const d = { ...shared };
    change(d);
    expect(validatePlaybook(d, cat)).toEqual(validatePlaybook(structuredClone(d), cat));
  });
});
