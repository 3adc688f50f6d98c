// SIGTERM / SIGHUP at a prompt: the terminal is left as it was (no `-icanon -echo`), the incident's
// chain is left unlocked, and irbook exits 143 / 129 without a stack. Needs tmux and a built dist/.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainLock, lockFolder } from '../../src/adapters/lock.js';
import { TmuxPane, hasTmux } from './tmux.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The walk started in the pane: found by its command line (a chain is not locked at a prompt). */
function walkerPid(): number {
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0');
      if (cmd.includes('bin/irbook.js') && cmd.includes('start') && cmd.includes('e2e')) return Number(p);
    } catch {
      // gone meanwhile
    }
  }
  return 0;
}

describe.skipIf(!hasTmux())('signals at a prompt (tmux)', () => {
  const pane = new TmuxPane(`irbook-sig-${process.pid}`);
  let tmp = '';
  let store = '';
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'irbook-sig-'));
    store = join(tmp, 'store');
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && (!k.startsWith('IRBOOK_') || k === 'IRBOOK_CACHE_DIR') && !k.startsWith('TMUX')) env[k] = v;
    pane.start({ cwd: ROOT, env: { ...env, NO_COLOR: '1', IRBOOK_LANG: 'en', IRBOOK_STORE: store }, width: 160, height: 40 });
  });
  afterAll(() => {
    pane.kill();
    rmSync(tmp, { recursive: true, force: true });
  });

  it.each([['TERM', 143], ['HUP', 129]])('SIG%s restores the terminal and leaves no lock', async (signal, code) => {
    await pane.clear();
    await pane.type('node bin/irbook.js start chat-leak --actor e2e --tz Asia/Shanghai; echo EXIT=$?; stty -a | tr " " "\\n" | grep -E "^-?(icanon|echo)$" | tr "\\n" " "; echo END');
    await pane.press('Enter');
    await pane.waitFor(/^\? /m, 'the first prompt');
    const id = readdirSync(store).filter((d) => d.startsWith('INC-')).sort().at(-1) ?? '';
    const pid = walkerPid();
    expect(pid, 'the walk process').toBeGreaterThan(0);
    process.kill(pid, `SIG${signal}`);
    const m = await pane.waitFor(/^EXIT=(\d+)\n(.*)END$/m, 'the exit and the terminal modes');
    expect(Number(m[1])).toBe(code);
    expect(m[2]?.trim().split(' ')).toEqual(['icanon', 'echo']);
    // A chain is locked only while one line is appended; none may be left behind, nor the walk's holder file.
    const journal = join(store, id, 'journal');
    const writers = readdirSync(journal).filter((f) => f.endsWith('.jsonl')).map((f) => f.slice(0, -'.jsonl'.length));
    expect(writers).not.toEqual([]);
    expect(writers.filter((w) => existsSync(chainLock(journal, w)))).toEqual([]);
    expect(readdirSync(journal).filter((f) => f.endsWith('.lock'))).toEqual([]);
    const folder = lockFolder();
    if (folder) expect(readdirSync(folder).filter((f) => f.endsWith(`.${pid}.holder`))).toEqual([]);
    expect(pane.screen()).not.toMatch(/    at /);
  }, 40_000);
});
