// Where a playbook came from: the sha256 of its bytes, and the git commit of its folder when it is
// in git (with whether the file differs from that commit). Recorded in session.started.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';

export const sha256File = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

export function gitInfo(file: string): { commit?: string; dirty?: boolean } {
  const git = (...args: string[]) => execFileSync('git', ['-C', dirname(file), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 3000 }).trim();
  try {
    const commit = git('rev-parse', 'HEAD');
    const dirty = git('status', '--porcelain', '--', basename(file)) !== '';
    return { commit, dirty };
  } catch {
    return {}; // not in git, or git missing: nothing to record
  }
}
