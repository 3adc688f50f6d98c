// Finding the YAML files irbook reads, and telling playbooks from the files beside them.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { EXIT, UserError } from '../errors.js';
import { SHIPPED_PLAYBOOKS } from './dirs.js';

export type FileKind = 'playbook' | 'clocks' | 'parties' | 'draft' | 'template' | 'profile';

export const isYaml = (f: string) => /\.ya?ml$/i.test(f);
export const stem = (f: string) => basename(f, extname(f));

export function kindOf(file: string): FileKind {
  const name = stem(file);
  if (name === 'clocks') return 'clocks';
  if (name === 'parties') return 'parties';
  if (name === 'irbook') return 'profile';
  if (basename(dirname(file)) === 'drafts') return 'draft';
  if (basename(dirname(file)) === 'templates') return 'template';
  return 'playbook';
}

/** The YAML files under the given files or folders (recursively), sorted for stable output. */
export function yamlFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    if (!existsSync(p)) throw new UserError(EXIT.usage, 'path-not-found', { path: p });
    if (statSync(p).isDirectory()) {
      for (const e of readdirSync(p, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const full = join(p, e.name);
        if (e.isDirectory()) walk(full);
        else if (isYaml(e.name)) out.push(full);
      }
    } else out.push(p);
  };
  for (const p of paths) walk(p);
  return out;
}

/** clocks.yaml / parties.yaml from the playbook's folder, else the shipped ones. */
export function besideOrShipped(dir: string, name: string): string {
  const here = join(dir, name);
  return existsSync(here) ? here : join(SHIPPED_PLAYBOOKS, name);
}
