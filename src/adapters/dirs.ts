// Where playbooks and templates come from: an explicit option, the environment, the current
// folder's playbooks/ and templates/, or else the ones shipped with irbook.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHIPPED_PLAYBOOKS = join(PACKAGE_ROOT, 'playbooks');
export const SHIPPED_TEMPLATES = join(PACKAGE_ROOT, 'templates');

export function playbooksDir(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (option) return resolve(option);
  if (env.IRBOOK_PLAYBOOKS) return resolve(env.IRBOOK_PLAYBOOKS);
  return existsSync('playbooks') ? resolve('playbooks') : SHIPPED_PLAYBOOKS;
}

/** Templates beside a playbooks folder (its sibling templates/), else the shipped ones. */
export function templatesDir(playbooks: string, option?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (option) return resolve(option);
  if (env.IRBOOK_TEMPLATES) return resolve(env.IRBOOK_TEMPLATES);
  const sibling = join(dirname(resolve(playbooks)), 'templates');
  return existsSync(sibling) ? sibling : SHIPPED_TEMPLATES;
}
