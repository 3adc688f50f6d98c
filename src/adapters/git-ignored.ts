// Whether a folder would be committed by accident: inside a git work tree and not ignored.
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';

/** True when `path` is in a git work tree that does not ignore it; false when ignored, when
 *  there is no work tree, or when git is not installed. One git process, awaited when needed. */
export function trackedByGit(path: string): Promise<boolean> {
  // check-ignore exits 0 when ignored, 1 when not, 128 outside a work tree.
  return new Promise((done) => {
    const git = spawn('git', ['-C', dirname(path), 'check-ignore', '-q', path], { stdio: 'ignore' });
    git.once('error', () => done(false));
    git.once('close', (code) => done(code === 1));
  });
}
