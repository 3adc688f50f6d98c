// `irbook validate` for CI: SARIF 2.1.0 (checked against the OASIS schema), GitHub annotations,
// JSON, --max-warnings and --strict; machine formats stay English whatever the UI language.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'irbook-fmt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { ...process.env, NO_COLOR: '1', IRBOOK_LANG: 'ja' };
const irbook = (...args: string[]) => spawnSync(process.execPath, ['bin/irbook.js', ...args], { encoding: 'utf8', env, maxBuffer: 64 << 20 });
const BROKEN = 'test/fixtures/invalid/unknown-key.yaml';
// A valid parties.yaml with warnings only: a YAML 1.1 boolean and a flow scalar with a question mark.
const warned = join(dir, 'parties.yaml');
writeFileSync(warned, 'parties:\n  - id: hq\n    kind: internal\n    name: {ja: 本社, zh: 总部, en: HQ?}\n    channels: [phone, no]\n');

describe('validate --format sarif', () => {
  it('is valid SARIF 2.1.0 with one result per problem', () => {
    const r = irbook('validate', BROKEN, warned, '--format', 'sarif');
    expect(r.status).toBe(3);
    const log = JSON.parse(r.stdout);
    const ajv = new AjvDraft04.default({ strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync('test/fixtures/sarif-schema-2.1.0.json', 'utf8')));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const results = log.runs[0].results as { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[];
    expect(results.find((x) => x.ruleId === 'unknown-key')).toMatchObject({
      level: 'error', message: { text: 'unknown key "onwer"' },
      locations: [{ physicalLocation: { artifactLocation: { uri: BROKEN }, region: { startLine: 23, startColumn: 9 } } }],
    });
    expect(results.filter((x) => x.level === 'warning').map((x) => x.ruleId)).toEqual(expect.arrayContaining(['yaml11-bool', 'yaml11-flow-scalar']));
    expect(log.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toContain('unknown-key');
  });

  it('a clean run is valid SARIF with no results', () => {
    const log = JSON.parse(irbook('validate', 'playbooks/parties.yaml', '--format', 'sarif').stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results).toEqual([]);
  });
});

describe('validate --format github', () => {
  it('prints one workflow command per problem, in English, with escaped properties', () => {
    const r = irbook('validate', BROKEN, warned, '--format', 'github');
    expect(r.status).toBe(3);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain(`::error file=${BROKEN},line=23,col=9,title=irbook unknown-key::unknown key "onwer"`);
    expect(lines.filter((l) => l.startsWith('::warning file=') && l.includes('parties.yaml'))).toHaveLength(2);
    expect(lines.every((l) => /^::(error|warning) file=[^,]+,line=\d+,col=\d+,title=irbook [a-z0-9-]+::\S/.test(l))).toBe(true);
    expect(r.stdout).not.toMatch(/[エ警]/);
  });
});

describe('validate: thresholds', () => {
  it('--max-warnings fails only past the limit; --strict fails on any warning', () => {
    expect(irbook('validate', warned, '--max-warnings', '2').status).toBe(0);
    const over = irbook('validate', warned, '--max-warnings', '1');
    expect(over.status).toBe(3);
    expect(over.stderr).toContain('--max-warnings 1');
    expect(irbook('validate', warned, '--strict').status).toBe(3);
    expect(irbook('validate', warned).status).toBe(0);
    expect(irbook('validate', warned, '--max-warnings', 'lots').status).toBe(2);
  });

  it('--json is --format json, in English whatever the UI language', () => {
    const report = JSON.parse(irbook('validate', warned, '--json').stdout);
    expect(report).toMatchObject({ files: 1, errors: 0, warnings: 2, checked: [{ source: 'team' }] });
    expect(report.problems.map((p: { severity: string; message: string }) => p.severity)).toEqual(['warning', 'warning']);
    expect(report.problems[0].message).toContain('YAML 1.1');
  });
});
