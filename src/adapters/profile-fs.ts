// Finds and reads the organisation profile (irbook.yaml): `--profile FILE`, IRBOOK_PROFILE, or the
// first irbook.yaml from the playbooks folder upwards to the root of its git repository.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Profile } from '../core/profile/schema.js';
import { validateProfile } from '../core/profile/validate.js';
import { EXIT, UserError } from '../errors.js';
import { SHIPPED_PLAYBOOKS } from './dirs.js';
import { check, type Checked } from './playbook-fs.js';

export const PROFILE_FILE = 'irbook.yaml';

export const checkProfile = (file: string): Checked<Profile> => check(file, validateProfile);

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

/** The profile, validated; a user error (exit 3) when it has errors. */
export function loadProfile(file: string | undefined): Profile | undefined {
  if (!file) return undefined;
  const r = checkProfile(file);
  const errors = r.problems.filter((p) => p.severity === 'error').length;
  if (!r.value || errors) throw new UserError(EXIT.invalid, 'playbook-invalid', { file, errors }, { code: 'hint-validate', params: { file } });
  return r.value;
}
