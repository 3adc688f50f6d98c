// Global setup: the tests' own cache folder (what the CLI caches goes there, never into the
// user's ~/.cache), removed when the run ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'irbook-test-cache-'));
  process.env.IRBOOK_CACHE_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
