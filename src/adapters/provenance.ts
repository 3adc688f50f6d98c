// Where a playbook came from: the sha256 of its bytes, and the git commit of its folder when it is
// in git (with whether the file differs from that commit). Recorded in session.started.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';

export const sha256File = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

export function gitInfo(file: string): { commit?: string; dirty?: boolean } {
  try {
    // One git process gives both the commit (branch.oid) and whether the file differs from it.
    const out = execFileSync('git', ['-C', dirname(file), 'status', '--porcelain=v2', '--branch', '--', basename(file)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 3000 });
    const commit = /^# branch\.oid ([0-9a-f]{40,64})$/m.exec(out)?.[1];
    if (!commit) return {}; // not in git, or no commit yet
    return { commit, dirty: out.split('\n').some((l) => l !== '' && !l.startsWith('#')) };
  } catch {
    return {}; // not in git, or git missing: nothing to record
  }
}
