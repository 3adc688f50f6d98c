// Where the organisation profile (irbook.yaml) is: `--profile FILE`, IRBOOK_PROFILE, or the first
// irbook.yaml from the playbooks folder upwards to the root of its git repository. Apart from
// reading it (profile-fs.ts) so that finding none, as with the shipped playbooks, loads no zod.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EXIT, UserError } from '../errors.js';
import { SHIPPED_PLAYBOOKS } from './dirs.js';

export const PROFILE_FILE = 'irbook.yaml';

/** The profile file that applies to a playbooks folder, or undefined (the shipped playbooks have none). */
export function findProfile(playbooks: string, option?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const named = option ?? env.IRBOOK_PROFILE;
  if (named) {
    const file = resolve(named);
    if (!existsSync(file)) throw new UserError(EXIT.usage, 'path-not-found', { path: file });
    return file;
  }
  if (resolve(playbooks) === SHIPPED_PLAYBOOKS) return undefined;
  for (let dir = resolve(playbooks); ; dir = dirname(dir)) {
    const file = join(dir, PROFILE_FILE);
    if (existsSync(file)) return file;
    // The repository's root is as far as a profile can be; past it is someone else's folder.
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
  }
}
