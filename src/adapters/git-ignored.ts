// Whether a folder would be committed by accident: inside a git work tree and not ignored.
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';

/** True when `path` is in a git work tree that does not ignore it; false when ignored, when
 *  there is no work tree, or when git is not installed. One git process. */
export function trackedByGit(path: string): boolean {
  // check-ignore exits 0 when ignored, 1 when not, 128 outside a work tree.
  const r = spawnSync('git', ['-C', dirname(path), 'check-ignore', '-q', path], { stdio: 'ignore' });
  return r.status === 1;
}
