// `irbook validate` against a folder of deliberately broken playbooks (test/fixtures/invalid):
// every file is refused with exit 3, with the right code at the right line:col, never with a
// stack trace. Spawns the built binary, so `npm run build` must have run (.ci/run does).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readSource } from '../../src/adapters/yaml-source.js';
import { validatePlaybook, type Catalog } from '../../src/core/playbook/validate.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIR = 'test/fixtures/invalid';
const STACK = '    at ';

interface Problem { file: string; line: number; col: number; severity: string; code: string; params: Record<string, unknown>; message: string }
interface Report { files: number; errors: number; warnings: number; problems: Problem[] }
interface Run { status: number | null; stdout: string; stderr: string }

/** The environment of a clean shell: no playbook / template overrides, English, no colour. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if ((!k.startsWith('IRBOOK_') || k === 'IRBOOK_CACHE_DIR') && k !== 'FORCE_COLOR') env[k] = v;
  return { ...env, NO_COLOR: '1', IRBOOK_LANG: 'en' };
}

function irbook(...args: string[]): Run {
  const r = spawnSync(process.execPath, ['bin/irbook.js', ...args], { cwd: ROOT, encoding: 'utf8', env: cleanEnv(), timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function validateJson(...paths: string[]): Run & { report: Report } {
  const r = irbook('validate', ...paths, '--format', 'json');
  return { ...r, report: JSON.parse(r.stdout) as Report };
}

const at = (p: Problem) => `${p.code}@${p.line}:${p.col}`;
const errorsOf = (report: Report, file: string) =>
  report.problems.filter((p) => p.file === file && p.severity === 'error');

/** [code, line, col]: an error the validator must report, 1-based, at the offending token. */
type Expect = readonly [code: string, line: number, col: number];

// Each fixture is the same minimal valid playbook with one thing broken; the comment says where.
const CASES: Record<string, readonly Expect[]> = {
  // Reading YAML
  'yaml-syntax': [['yaml-syntax', 3, 8]],                  // title: {ja: …, en: Test   ← the `{` is never closed
  'tab-indent': [['yaml-tab', 6, 1]],                      // the tab before `type: boolean`
  'duplicate-key': [['yaml-duplicate-key', 4, 1]],         // the second `version:`
  'alias-bomb': [['yaml-alias', 4, 8], ['yaml-alias', 12, 8]], // the first `*a`; `title: *i`
  empty: [['empty-file', 1, 1]],
  'top-level-list': [['not-mapping', 1, 1]],
  'top-level-scalar': [['not-mapping', 2, 1]],             // the scalar after a comment line
  'proto-key': [['forbidden-key', 8, 1]],                  // __proto__: {polluted: yes}
  'constructor-key': [['forbidden-key', 4, 1], ['forbidden-key', 5, 3]], // constructor: / prototype:
  // Shape
  'unknown-key': [['unknown-key', 23, 9]],                 // onwer: security-lead
  'wrong-type': [['wrong-type', 2, 10], ['wrong-type', 21, 12]], // version: 3 / steps: "x" (the token starts at the quote)
  'bad-step-id': [['bad-id', 11, 13], ['bad-id', 22, 13]], // ../etc/passwd / Bad_Id
  'bad-fact-name': [['bad-fact-name', 8, 3]],              // the key Persons-Affected
  'bad-duration': [['bad-duration', 21, 13]],              // target: P2X
  'unknown-key-comma': [['unknown-key-comma', 33, 53]],    // {…, en: Revoke, then reset} → key "then reset"
  // Stages and steps
  'stage-missing': [['stage-missing', 8, 1]],              // the `stages` key (disclose is missing)
  'stage-order': [['stage-order', 18, 9]],                 // initial_response after investigate
  'stage-unknown': [['stage-unknown', 20, 9]],             // id: contain
  'step-duplicate': [['step-duplicate', 22, 13]],          // the second `scope`
  'step-no-kind': [['step-no-kind', 22, 9]],               // the step (its first key)
  'step-many-kinds': [['step-many-kinds', 24, 9]],         // the second kind, `record:`
  'ask-undeclared': [['ask-undeclared', 12, 26]],          // ask: [malicious, persons_affected]
  // Expressions: the column is the position inside the CEL expression
  'cel-syntax': [['cel-syntax', 18, 36]],                  // "malicious && && malicious" → the second &&
  'cel-unknown-name': [['cel-unknown-name', 18, 35]],      // malicious || infected → infected
  'cel-type': [['cel-type', 22, 35]],                      // malicious || persons_affected > 'many' → the comparison
  'cel-result-type': [['cel-result-type', 32, 15]],        // when: persons_affected (an int guard)
  'reads-not-asked': [['reads-not-asked', 27, 28]],        // when: malicious || persons_affected > 0 (asked only in recover)
  'reads-later': [['reads-later', 18, 35]],                // recommend: malicious && notify_hq (set by a later step)
  'sets-collides-fact': [['sets-collides-fact', 19, 17]],  // sets: malicious
  'recommend-not-option': [['recommend-not-option', 22, 23]], // recommend: "'everything'" → the literal
  // Notifications and clocks
  'notify-unknown-party': [['notify-unknown-party', 29, 25]],       // party: press
  'satisfies-unknown-clock': [['satisfies-unknown-clock', 29, 42]], // satisfies: [appi-48h]
  'satisfies-wrong-party': [['satisfies-wrong-party', 29, 41]],     // party: hq, satisfies: [appi-preliminary]
  'draft-missing': [['draft-missing', 29, 36]],                     // draft: hq-final-report
  'clock-fact-type': [['clock-fact-type', 9, 11]],                  // persons_affected: {type: text}
  // CEL positions in the other scalar styles an author may use for a long expression
  'cel-position-literal-block': [['cel-unknown-name', 20, 13]],   // recommend: |-  …  infected
  'cel-position-folded-block': [['cel-unknown-name', 20, 13]],    // recommend: >-  …  infected
  'cel-position-plain-multiline': [['cel-unknown-name', 19, 13]], // a plain scalar continued on the next line
  'cel-position-single-quoted': [['cel-unknown-name', 18, 48]],   // 'malicious || ''none'' == infected'
  'cel-position-double-quoted': [['cel-unknown-name', 18, 48]],   // "malicious || \"none\" == infected"
};

const fixtures = readdirSync(join(ROOT, DIR)).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length)).sort();
const fileOf = (name: string) => `${DIR}/${name}.yaml`;

describe('validate: each broken playbook is refused at the right place', () => {
  it('has a case for every fixture and a fixture for every case', () => {
    expect(Object.keys(CASES).sort()).toEqual(fixtures);
  });

  it.each(Object.entries(CASES))('%s', (name, expected) => {
    const file = fileOf(name);
    const r = validateJson(file);
    expect(r.stdout + r.stderr).not.toContain(STACK);
    expect(r.status).toBe(3);
    expect(r.report.files).toBe(1);
    const errors = errorsOf(r.report, file);
    expect(r.report.errors).toBe(errors.length);
    expect(errors.length).toBeGreaterThan(0);
    for (const p of errors) expect(p.message).toMatch(/\S/);
    const got = errors.map(at);
    for (const [code, line, col] of expected) expect(got).toContain(`${code}@${line}:${col}`);
  });
});

describe('validate: a whole folder', () => {
  it('reports every file, all problems at once, and exits 3', () => {
    const r = validateJson(DIR);
    expect(r.stdout + r.stderr).not.toContain(STACK);
    expect(r.status).toBe(3);
    expect(r.report.files).toBe(fixtures.length);
    // Locations are checked file by file above; here, that no file is skipped or cut short.
    for (const name of fixtures) {
      const codes = errorsOf(r.report, fileOf(name)).map((p) => p.code);
      for (const [code] of CASES[name] ?? []) expect(codes, name).toContain(code);
    }
    expect(r.report.errors).toBe(r.report.problems.filter((p) => p.severity === 'error').length);
  });

  it('--format json prints one JSON document with the documented fields', () => {
    const r = irbook('validate', fileOf('unknown-key'), '--format', 'json');
    const report = JSON.parse(r.stdout) as Report;
    expect(Object.keys(report).sort()).toEqual(['checked', 'errors', 'files', 'problems', 'tool', 'warnings']);
    expect(report.problems.find((p) => p.severity === 'error')).toEqual({
      file: fileOf('unknown-key'), line: 23, col: 9, severity: 'error', code: 'unknown-key',
      params: { key: 'onwer' }, message: 'unknown key "onwer"', source: 'team',
    });
  });

  it('a duplicate key is named in full', () => {
    const [p] = errorsOf(validateJson(fileOf('duplicate-key')).report, fileOf('duplicate-key'));
    expect(p?.params).toEqual({ detail: 'version' });
    expect(p?.message).toBe('duplicate key: version');
  });

  it('the text format is file:line:col severity message [code]', () => {
    const r = irbook('validate', fileOf('unknown-key'));
    expect(r.status).toBe(3);
    expect(r.stdout + r.stderr).not.toContain(STACK);
    expect(r.stdout).toContain(`${fileOf('unknown-key')}:23:9 error unknown key "onwer" [unknown-key]`);
  });

  it('the shipped playbooks have no errors and no warnings', () => {
    const r = validateJson('playbooks');
    expect(r.stdout + r.stderr).not.toContain(STACK);
    // The YAML 1.1 portability warnings (yaml11-*) are left out until the shipped playbooks quote
    // their flow scalars; every other warning counts.
    const problems = r.report.problems.filter((p) => !p.code.startsWith('yaml11-'));
    expect(problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.code}`)).toEqual([]);
    expect(r.report.errors).toBe(0);
    expect(r.status).toBe(0);
  });
});

describe('validate: hostile input is refused, fast', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'irbook-invalid-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const refused = (file: string, code: string, where?: readonly [line: number, col: number]) => {
    const r = validateJson(file);
    expect(r.stdout + r.stderr).not.toContain(STACK);
    expect(r.status).toBe(3);
    const errors = errorsOf(r.report, file);
    expect(errors.map((p) => p.code)).toContain(code);
    if (where) expect(errors.map(at)).toContain(`${code}@${where[0]}:${where[1]}`);
  };

  it('a 2 MiB file is refused as too large', () => {
    const file = join(tmp, 'big.yaml');
    const head = 'id: big\nversion: 1.0.0\n';
    writeFileSync(file, head + `# ${'x'.repeat(2 * 1024 * 1024 - head.length - 3)}\n`);
    refused(file, 'yaml-too-large', [1, 1]);
  }, 10_000);

  it('100,000 nested [ are refused as too deep', () => {
    const file = join(tmp, 'deep.yaml');
    writeFileSync(file, '['.repeat(100_000));
    refused(file, 'yaml-too-deep');
  }, 10_000);

  it('100,000 nested block sequences (- - - …) are refused as too deep', () => {
    const file = join(tmp, 'deep-block.yaml');
    writeFileSync(file, `id: deep-block\nversion: 1.0.0\nnested:\n  ${'- '.repeat(100_000)}x\n`);
    refused(file, 'yaml-too-deep');
  }, 10_000);

  it('the alias bomb is refused without being expanded', () => {
    refused(fileOf('alias-bomb'), 'yaml-alias', [4, 8]);
    const src = readSource(join(ROOT, fileOf('alias-bomb')));
    expect(src.value).toBeUndefined();
    expect(src.problems.every((p) => p.code === 'yaml-alias')).toBe(true);
  }, 10_000);
});

describe('validate: __proto__ and constructor keys pollute nothing', () => {
  const catalog: Catalog = { parties: new Set(['hq']), drafts: new Set() };
  const clean = () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  };

  it.each(['proto-key', 'constructor-key'])('%s', (name) => {
    const src = readSource(join(ROOT, fileOf(name)));
    expect(src.problems.map((p) => p.code)).toContain('forbidden-key');
    if (src.value !== undefined) validatePlaybook(src.value, catalog);
    clean();
  });

  it('the core validator, given an own __proto__ key, reports it and pollutes nothing', () => {
    const raw = JSON.parse('{"id":"x","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown;
    const r = validatePlaybook(raw, catalog);
    expect(r.ok).toBe(false);
    clean();
  });
});
