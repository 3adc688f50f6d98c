// Where playbooks and templates come from. They resolve by id through an ordered path of layers,
// file by file: the team's folder first (an option, the environment, or ./playbooks and
// ./templates), the ones shipped with irbook after. One team file overrides or adds one id and
// hides nothing else.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHIPPED_PLAYBOOKS = join(PACKAGE_ROOT, 'playbooks');
export const SHIPPED_TEMPLATES = join(PACKAGE_ROOT, 'templates');

let version: string | undefined;
/** This irbook's version, from its package.json (read once). */
export const irbookVersion = (): string => (version ??= (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version);
/** What `irbook init` copies; not a template, so it is never listed or validated as one. */
export const SCAFFOLD = 'scaffold';

export type Source = 'team' | 'shipped';
export interface Layer { dir: string; source: Source }
export interface Found { id: string; file: string; source: Source }

/** The team's folder before the shipped one (once, when they are the same folder). */
function layers(team: string | undefined, shipped: string): Layer[] {
  const out: Layer[] = team && resolve(team) !== shipped ? [{ dir: resolve(team), source: 'team' }] : [];
  return [...out, { dir: shipped, source: 'shipped' }];
}

function teamPlaybooks(option: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (option) return resolve(option);
  if (env.IRBOOK_PLAYBOOKS) return resolve(env.IRBOOK_PLAYBOOKS);
  return existsSync('playbooks') ? resolve('playbooks') : undefined;
}

/** The first folder playbooks are looked up in: the team's, else the shipped one. */
export function playbooksDir(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  return teamPlaybooks(option, env) ?? SHIPPED_PLAYBOOKS;
}

/** The playbook layers, given the first folder (as playbooksDir returns it). */
export const playbookLayers = (dir: string): Layer[] => layers(dir, SHIPPED_PLAYBOOKS);

/** The team's templates: the option, the environment, the templates/ beside the playbooks folder
 *  (unless that is the shipped one) or ./templates. */
function teamTemplates(playbooks: string, option: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (option) return resolve(option);
  if (env.IRBOOK_TEMPLATES) return resolve(env.IRBOOK_TEMPLATES);
  const sibling = join(dirname(resolve(playbooks)), 'templates');
  if (resolve(playbooks) !== SHIPPED_PLAYBOOKS && existsSync(sibling)) return sibling;
  return existsSync('templates') ? resolve('templates') : undefined;
}

/** The template layers for playbooks in `playbooks` (drafts are in each layer's drafts/). */
export function templateLayers(playbooks: string, option?: string, env: NodeJS.ProcessEnv = process.env): Layer[] {
  return layers(teamTemplates(playbooks, option, env), SHIPPED_TEMPLATES);
}

/** The first folder templates are looked up in. */
export const templatesDir = (playbooks: string, option?: string, env: NodeJS.ProcessEnv = process.env): string =>
  templateLayers(playbooks, option, env)[0]?.dir ?? SHIPPED_TEMPLATES;

const ID = /^[a-z][a-z0-9-]*$/;

/** The file for `id` in the first layer that has one (`sub` is a sub-folder such as drafts). */
export function findById(ls: readonly Layer[], id: string, sub = ''): Found | undefined {
  if (!ID.test(id)) return undefined;
  for (const l of ls) {
    for (const ext of ['.yaml', '.yml']) {
      const file = join(l.dir, sub, id + ext);
      if (existsSync(file)) return { id, file, source: l.source };
    }
  }
  return undefined;
}

/** Every id across the layers, each from the first layer that has it, sorted by id. */
export function listById(ls: readonly Layer[], keep: (file: string) => boolean = () => true, sub = ''): Found[] {
  const seen = new Map<string, Found>();
  for (const l of ls) {
    const dir = join(l.dir, sub);
    if (!existsSync(dir)) continue;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isFile() || !/\.ya?ml$/i.test(e.name)) continue;
      const file = join(dir, e.name);
      const id = basename(e.name, extname(e.name));
      if (!seen.has(id) && keep(file)) seen.set(id, { id, file, source: l.source });
    }
  }
  return [...seen.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** Whether a file is one irbook ships (under its playbooks/ or templates/) or the team's. */
export const sourceOf = (file: string): Source =>
  [SHIPPED_PLAYBOOKS, SHIPPED_TEMPLATES].some((d) => resolve(file).startsWith(d + sep)) ? 'shipped' : 'team';
