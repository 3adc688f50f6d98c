// irbook init [DIR]: a playbook repository for a team. Copies the scaffold shipped in
// templates/scaffold/ (a path segment starting with `_` becomes a dotfile there, because npm
// leaves .gitignore and friends out of a package) and, with --example ID, one shipped playbook
// whose `$schema` line is rewritten to the schema installed in node_modules. Nothing is
// overwritten without --force.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Context } from '../cli/context.js';
import { PACKAGE_ROOT, SCAFFOLD, SHIPPED_PLAYBOOKS, SHIPPED_TEMPLATES, findById, playbookLayers } from '../adapters/dirs.js';
import { kindOf } from '../adapters/files.js';
import { playbookIds, unknownId } from '../adapters/playbook-fs.js';
import { EXIT, UserError } from '../errors.js';

export interface InitOptions { example?: string; force?: boolean }
interface Planned { to: string; text: string }

const VERSION = /__IRBOOK_VERSION__/g;
const SCHEMA_LINE = /^# yaml-language-server: \$schema=\.\/(\S+)$/m;

/** Every file of the scaffold, with its place in the new repository. */
function scaffold(root: string, version: string): Planned[] {
  const out: Planned[] = [];
  const walk = (dir: string, rel: string[]): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const name = e.name.startsWith('_') ? `.${e.name.slice(1)}` : e.name;
      if (e.isDirectory()) walk(join(dir, e.name), [...rel, name]);
      else out.push({ to: join(root, ...rel, name), text: readFileSync(join(dir, e.name), 'utf8').replace(VERSION, version) });
    }
  };
  walk(join(SHIPPED_TEMPLATES, SCAFFOLD), []);
  return out;
}

/** A shipped playbook, its schema line pointing at node_modules/irbook (seen from playbooks/). */
function example(root: string, id: string): Planned {
  const found = findById(playbookLayers(SHIPPED_PLAYBOOKS), id);
  if (!found || kindOf(found.file) !== 'playbook') throw unknownId('playbook-not-found', id, playbookIds(SHIPPED_PLAYBOOKS).map((p) => p.id));
  const text = readFileSync(found.file, 'utf8').replace(SCHEMA_LINE, '# yaml-language-server: $schema=../node_modules/irbook/playbooks/$1');
  return { to: join(root, 'playbooks', `${id}.yaml`), text };
}

export async function run(ctx: Context, dir: string | undefined, o: InitOptions): Promise<number> {
  const root = resolve(dir ?? '.');
  const version = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const plan = [...scaffold(root, version), ...(o.example ? [example(root, o.example)] : [])];
  const existing = plan.filter((p) => existsSync(p.to)).map((p) => relative(root, p.to));
  // All or nothing: a half-written scaffold is harder to sort out than a refusal.
  if (existing.length && !o.force) throw new UserError(EXIT.usage, 'init-exists', { files: existing.join(', ') }, { code: 'hint-init-force' });
  for (const p of plan) {
    mkdirSync(dirname(p.to), { recursive: true });
    writeFileSync(p.to, p.text);
    ctx.out(`  ${relative(process.cwd(), p.to) || p.to}`);
  }
  ctx.err(ctx.t('init-done', { dir: relative(process.cwd(), root) || '.' }));
  return EXIT.ok;
}
