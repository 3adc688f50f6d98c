// Hostile templates and drafts: file tags are refused by `validate` at their place, a template that
// hits a render limit fails with exit 3 naming it and leaves no report, and a draft that hits one
// does not stall a live walk.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const HOSTILE = 'test/fixtures/hostile/templates';
const tmp = mkdtempSync(join(tmpdir(), 'irbook-tpl-'));
const store = join(tmp, 'store');
const templates = join(tmp, 'templates');
cpSync('templates', templates, { recursive: true });
cpSync(join(HOSTILE, 'loop.yaml'), join(templates, 'loop.yaml'));
cpSync(join(HOSTILE, 'drafts', 'hq-first-report.yaml'), join(templates, 'drafts', 'hq-first-report.yaml'));
const env = { ...process.env, IRBOOK_STORE: store, NO_COLOR: '1', IRBOOK_LANG: 'en', IRBOOK_PLAYBOOKS: 'playbooks', IRBOOK_TEMPLATES: templates };
const irbook = (...args: string[]) => {
  const t = Date.now();
  const r = spawnSync(process.execPath, ['bin/irbook.js', ...args], { encoding: 'utf8', env, input: '', timeout: 30_000 });
  return { ...r, ms: Date.now() - t };
};
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('hostile templates', () => {
  it.each([
    ['include-journal.yaml', 12, 7, 'include'],
    ['drafts/render-file.yaml', 6, 14, 'render'],
  ])('validate refuses %s at the tag\'s own file:line:col, exit 3, no stack', (file, line, col, tag) => {
    const r = irbook('validate', join(HOSTILE, file));
    expect(r.status).toBe(3);
    expect(r.stdout).toContain(`${join(HOSTILE, file)}:${line}:${col} error {% ${tag} %} is not allowed`);
    expect(r.stdout).toContain('templates read no files [liquid-file-tag]');
    expect(r.stderr + r.stdout).not.toMatch(/    at /);
  });

  let id = '';
  it('a draft that hits a render limit is skipped with a warning: the walk ends, lock released', () => {
    const r = irbook('start', 'chat-leak', '--answers', 'test/fixtures/answers/chat-leak.yaml');
    expect(r.status, r.stderr).toBe(0);
    expect(r.ms).toBeLessThan(15_000);
    expect(r.stderr).toMatch(/draft .*hq-first-report\.yaml not made: template render limit exceeded.*the walk goes on without it/);
    id = /INC-\d{8}-\d{3}/.exec(r.stdout)![0];
    expect(readdirSync(join(store, id, 'drafts')).some((f) => f.startsWith('notify-hq'))).toBe(false);
    expect(readdirSync(join(store, id))).not.toContain('journal.lock');
    expect(readdirSync(join(store, id, 'drafts')).length).toBeGreaterThan(0);
  });

  it('a report template that hits a limit exits 3 naming it, fast, and leaves nothing at -o', () => {
    const out = join(tmp, 'report.md');
    const r = irbook('report', id, '-t', 'loop', '-f', 'md', '-o', out);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(`irbook: template ${join(templates, 'loop.yaml')} failed: memory alloc limit exceeded`);
    expect(r.stderr).not.toMatch(/    at /);
    expect(r.ms).toBeLessThan(5_000);
    expect(existsSync(out)).toBe(false);
  });
});
