// SIGTERM / SIGHUP at a prompt: the terminal is left as it was (no `-icanon -echo`), the incident's
// lock is released, and irbook exits 143 / 129 without a stack. Needs tmux and a built dist/.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TmuxPane, hasTmux } from './tmux.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe.skipIf(!hasTmux())('signals at a prompt (tmux)', () => {
  const pane = new TmuxPane(`irbook-sig-${process.pid}`);
  let tmp = '';
  let store = '';
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'irbook-sig-'));
    store = join(tmp, 'store');
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('IRBOOK_') && !k.startsWith('TMUX')) env[k] = v;
    pane.start({ cwd: ROOT, env: { ...env, NO_COLOR: '1', IRBOOK_LANG: 'en', IRBOOK_STORE: store }, width: 160, height: 40 });
  });
  afterAll(() => {
    pane.kill();
    rmSync(tmp, { recursive: true, force: true });
  });

  it.each([['TERM', 143], ['HUP', 129]])('SIG%s restores the terminal and releases the lock', async (signal, code) => {
    await pane.clear();
    await pane.type('node bin/irbook.js start chat-leak --actor e2e --tz Asia/Shanghai; echo EXIT=$?; stty -a | tr " " "\\n" | grep -E "^-?(icanon|echo)$" | tr "\\n" " "; echo END');
    await pane.press('Enter');
    await pane.waitFor(/^\? /m, 'the first prompt');
    const id = readdirSync(store).sort().at(-1) ?? '';
    const lock = join(store, id, 'journal.lock');
    expect(existsSync(lock)).toBe(true);
    const pid = (JSON.parse(readFileSync(lock, 'utf8')) as { pid: number }).pid;
    process.kill(pid, `SIG${signal}`);
    const m = await pane.waitFor(/^EXIT=(\d+)\n(.*)END$/m, 'the exit and the terminal modes');
    expect(Number(m[1])).toBe(code);
    expect(m[2]?.trim().split(' ')).toEqual(['icanon', 'echo']);
    expect(existsSync(lock)).toBe(false);
    expect(pane.screen()).not.toMatch(/    at /);
  }, 40_000);
});
