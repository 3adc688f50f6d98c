// A team's playbook repository made by `irbook init`: the scaffold is copied (whatever it holds),
// nothing is overwritten without --force, and the team's files layer over the shipped ones:
// one overridden template and one added playbook hide nothing else.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve('.');
const tmp = mkdtempSync(join(tmpdir(), 'irbook-init-'));
const team = join(tmp, 'team');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', IRBOOK_LANG: 'en', IRBOOK_STORE: join(tmp, 'store') };
delete env.IRBOOK_PLAYBOOKS;
delete env.IRBOOK_TEMPLATES;
const irbook = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/irbook.js'), ...args], { cwd, encoding: 'utf8', env });

/** The scaffold's files as they land in a repository (`_x` → `.x`). */
function scaffoldFiles(dir = join(ROOT, 'templates/scaffold'), rel = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const name = join(rel, e.name.replace(/^_/, '.'));
    return e.isDirectory() ? scaffoldFiles(join(dir, e.name), name) : [name];
  });
}

beforeAll(() => {
  const r = irbook(tmp, 'init', 'team', '--example', 'chat-leak');
  expect(r.status, r.stderr).toBe(0);
});

describe('irbook init', () => {
  it('copies every file of the scaffold, and the example playbook', () => {
    const files = scaffoldFiles();
    expect(files).toEqual(expect.arrayContaining(['.gitignore', join('.vscode', 'settings.json'), '.pre-commit-config.yaml']));
    for (const f of files) expect(existsSync(join(team, f)), f).toBe(true);
    expect(readFileSync(join(team, '.gitignore'), 'utf8')).toMatch(/^incidents\/$/m);
    expect(existsSync(join(team, 'playbooks', 'chat-leak.yaml'))).toBe(true);
    expect(readFileSync(join(team, '.github/workflows/irbook.yml'), 'utf8')).not.toContain('__IRBOOK_VERSION__');
  });

  it('points the editor at schemas that ship in the package, each with a stable $id', () => {
    const first = readFileSync(join(team, 'playbooks/chat-leak.yaml'), 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../node_modules/irbook/playbooks/playbook.schema.json');
    const mapped = Object.keys(JSON.parse(readFileSync(join(team, '.vscode/settings.json'), 'utf8'))['yaml.schemas'] as Record<string, unknown>);
    expect(mapped.length).toBeGreaterThanOrEqual(5);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    for (const m of mapped) {
      const inPackage = relative('./node_modules/irbook', m);
      expect(pkg.files.some((f) => inPackage.startsWith(f)), m).toBe(true);
      const schema = JSON.parse(readFileSync(join(ROOT, inPackage), 'utf8')) as { $id?: string };
      expect(schema.$id).toMatch(/^urn:irbook:schema:v1:[a-z]+$/);
    }
  });

  it('refuses to overwrite without --force, and writes nothing then', () => {
    writeFileSync(join(team, '.gitignore'), 'mine\n');
    const r = irbook(tmp, 'init', 'team');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('.gitignore');
    expect(r.stderr).toContain('--force');
    expect(readFileSync(join(team, '.gitignore'), 'utf8')).toBe('mine\n');
    expect(irbook(tmp, 'init', 'team', '--force').status).toBe(0);
    expect(readFileSync(join(team, '.gitignore'), 'utf8')).toMatch(/^incidents\/$/m);
  });

  it('an unknown example is refused with a suggestion', () => {
    const r = irbook(tmp, 'init', join(tmp, 'other'), '--example', 'chat-leek');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('did you mean "chat-leak"?');
  });
});

describe('layers in the team repository', () => {
  beforeAll(() => {
    const chat = readFileSync(join(ROOT, 'playbooks/chat-leak.yaml'), 'utf8');
    writeFileSync(join(team, 'playbooks/team-leak.yaml'), chat.replace(/^id: chat-leak$/m, 'id: team-leak'));
    const summary = readFileSync(join(ROOT, 'templates/summary.yaml'), 'utf8');
    writeFileSync(join(team, 'templates/summary.yaml'), summary.replace(/^title: .*$/m, 'title: Team summary'));
  });

  it('list shows the team playbooks and the shipped ones, with where each came from', () => {
    const rows = JSON.parse(irbook(team, 'list', '--json').stdout) as { id: string; source: string }[];
    const from = Object.fromEntries(rows.map((r) => [r.id, r.source]));
    expect(from).toMatchObject({ 'team-leak': 'team', 'chat-leak': 'team', 'account-takeover': 'shipped', 'lost-device': 'shipped' });
    expect(irbook(team, 'list').stdout).toMatch(/account-takeover\s+\d+\.\d+\.\d+\s+shipped/);
  });

  it('show finds a shipped playbook beside the team ones', () => {
    const r = irbook(team, 'show', 'account-takeover', '--json');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ source: 'shipped', playbook: { id: 'account-takeover' } });
  });

  it('validate checks the files in effect: no draft goes missing because of one template', () => {
    const r = irbook(team, 'validate', '--json');
    const report = JSON.parse(r.stdout) as { errors: number; checked: { file: string; source: string }[]; problems: { code: string }[] };
    expect(report.problems.map((p) => p.code)).not.toContain('draft-missing');
    expect(report.errors).toBe(0);
    expect(r.status).toBe(0);
    const source = (suffix: string) => report.checked.find((c) => c.file.endsWith(suffix))?.source;
    expect(source(join('team', 'templates', 'summary.yaml')) ?? source(join('templates', 'summary.yaml'))).toBe('team');
    expect(source('hq-first-report.yaml')).toBe('shipped');
    expect(source('hq.yaml')).toBe('shipped');
    expect(report.checked.filter((c) => basename(c.file) === 'summary.yaml')).toHaveLength(1);
  });

  it('a report uses the team template and the shipped ones alike', () => {
    const s = irbook(team, 'start', 'team-leak', '--answers', join(ROOT, 'test/fixtures/answers/chat-leak.yaml'));
    expect(s.status, s.stderr).toBe(0);
    const id = /INC-\d{8}-\d{3}/.exec(s.stdout)![0];
    expect(irbook(team, 'report', id, '-t', 'summary', '-f', 'md', '-o', '-').stdout).toContain('Team summary');
    expect(irbook(team, 'report', id, '-t', 'hq', '-f', 'md', '-o', '-').status).toBe(0);
  });

  it('start warns when the store is in the git work tree and not ignored', () => {
    if (spawnSync('git', ['--version']).status !== 0) return;
    expect(spawnSync('git', ['init', '-q'], { cwd: team }).status).toBe(0);
    const start = () => irbook(team, '--store', 'incidents', 'start', 'team-leak', '--answers', join(ROOT, 'test/fixtures/answers/chat-leak.yaml')).stderr;
    expect(start()).not.toContain('not ignored');
    writeFileSync(join(team, '.gitignore'), 'node_modules/\n');
    expect(start()).toContain('is inside a git work tree and not ignored');
  });
});
