// Where a playbook came from: the sha256 of its bytes, and the git commit of its folder when it is
// in git (with whether the file differs from that commit). Recorded in session.started.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';

export const sha256File = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Asked of a git process running meanwhile: start asks as soon as it knows the file and takes the
 *  answer when it writes session.started, so the wait overlaps its other work. */
export function gitInfo(file: string): Promise<{ commit?: string; dirty?: boolean }> {
  // One git process gives both the commit (branch.oid) and whether the file differs from it.
  const args = ['-C', dirname(file), 'status', '--porcelain=v2', '--branch', '--', basename(file)];
  return new Promise((done) => {
    execFile('git', args, { encoding: 'utf8', timeout: 3000 }, (error, out) => {
      const commit = error ? undefined : /^# branch\.oid ([0-9a-f]{40,64})$/m.exec(out)?.[1];
      // Not in git, no commit yet, or git missing: nothing to record.
      done(commit ? { commit, dirty: out.split('\n').some((l) => l !== '' && !l.startsWith('#')) } : {});
    }).stdin?.end();
  });
}
