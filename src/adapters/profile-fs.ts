// Reads and validates the organisation profile (irbook.yaml) that profile-find.ts finds.
import type { Profile } from '../core/profile/schema.js';
import { validateProfile } from '../core/profile/validate.js';
import { EXIT, UserError } from '../errors.js';
import { check, type Checked } from './playbook-fs.js';

export { findProfile, PROFILE_FILE } from './profile-find.js';

export const checkProfile = (file: string): Checked<Profile> => check(file, validateProfile);

/** The profile, validated; a user error (exit 3) when it has errors. */
export function loadProfile(file: string | undefined): Profile | undefined {
  if (!file) return undefined;
  const r = checkProfile(file);
  const errors = r.problems.filter((p) => p.severity === 'error').length;
  if (!r.value || errors) throw new UserError(EXIT.invalid, 'playbook-invalid', { file, errors }, { code: 'hint-validate', params: { file } });
  return r.value;
}
