// A tiny driver for one tmux pane: a private server (`tmux -L SOCKET -f /dev/null`), keys sent with
// send-keys, the screen read with capture-pane. Waits poll the screen every 100 ms and fail with the
// last screen, so a broken prompt shows what the terminal looked like.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const POLL_MS = 100;
const KEY_GAP_MS = 20;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Whether a tmux binary can be run. */
export function hasTmux(): boolean {
  const r = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
  return r.status === 0;
}

/** Escape text for use inside a RegExp. */
export const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface PaneOptions {
  cwd: string;
  /** The whole environment of the tmux server and of the shell in the pane. */
  env: Record<string, string>;
  width: number;
  height: number;
  /** The program the pane runs (default `sh`). */
  shell?: string;
}

export class TmuxPane {
  private env: NodeJS.ProcessEnv = {};
  readonly target = 'e2e';

  constructor(readonly socket: string) {}

  /** Run one tmux command against the private server; throws with tmux's stderr on failure. */
  tmux(...args: string[]): string {
    const r = spawnSync('tmux', ['-u', '-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8', env: this.env, timeout: 10_000 });
    if (r.status !== 0) throw new Error(`tmux ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr || r.error?.message || ''}`);
    return r.stdout;
  }

  start(o: PaneOptions): void {
    this.env = { ...o.env };
    delete this.env.TMUX;
    // TERM is tmux's own inside the pane.
    const vars = Object.entries(o.env).filter(([k]) => k !== 'TERM').flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    this.tmux('new-session', '-d', '-s', this.target, '-x', String(o.width), '-y', String(o.height), '-c', o.cwd, ...vars, o.shell ?? 'sh');
  }

  /** Type text literally (no key names). */
  async type(text: string): Promise<void> {
    this.tmux('send-keys', '-t', this.target, '-l', text);
    await sleep(KEY_GAP_MS);
  }

  /** Press keys by tmux name: Enter, Down, Up, Space, C-c, C-u … one at a time. */
  async press(...keys: string[]): Promise<void> {
    for (const k of keys) {
      this.tmux('send-keys', '-t', this.target, k);
      await sleep(KEY_GAP_MS);
    }
  }

  /**
   * The screen, wrapped lines joined, trailing blank lines dropped: by default with the scroll-back
   * (which clear() empties before each command), so text that scrolled off still counts.
   */
  screen({ history = true } = {}): string {
    return this.tmux('capture-pane', '-p', '-J', ...(history ? ['-S', '-'] : []), '-t', this.target).replace(/\s+$/, '');
  }

  /** Poll until `test(screen)` holds; fail with `what` and the last screen. */
  async waitUntil(test: (screen: string) => boolean, what: string, timeoutMs = 20_000, history = true): Promise<string> {
    const until = Date.now() + timeoutMs;
    let last = '';
    for (;;) {
      last = this.screen({ history });
      if (test(last)) return last;
      if (Date.now() > until) {
        const tail = last.split('\n').slice(-60).join('\n');
        throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}\n--- last screen (tmux -L ${this.socket}; last 60 lines) ---\n${tail}\n--- end of screen ---`);
      }
      await sleep(POLL_MS);
    }
  }

  /** Poll until `re` matches the screen; returns the match. */
  async waitFor(re: RegExp, what: string, timeoutMs = 20_000): Promise<RegExpMatchArray> {
    let m: RegExpMatchArray | null = null;
    await this.waitUntil((s) => (m = s.match(re)) !== null, `${what} (${re})`, timeoutMs);
    return m as unknown as RegExpMatchArray;
  }

  /** Clear the screen and the scroll-back, so old prompts cannot satisfy a later wait. */
  async clear(): Promise<void> {
    await this.type("printf '\\033[H\\033[2J'"); // no dependency on clear(1) or terminfo
    await this.press('Enter');
    await this.waitUntil((s) => s.split('\n').filter((l) => l.trim()).length <= 1, 'the screen to clear', 20_000, false);
    this.tmux('clear-history', '-t', this.target);
  }

  /** Kill the private server (and everything running in it) and remove its socket. Safe to call twice. */
  kill(): void {
    const run = (...args: string[]) => spawnSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { env: this.env, encoding: 'utf8', timeout: 10_000 });
    const path = run('display-message', '-p', '#{socket_path}').stdout?.trim();
    run('kill-server');
    if (path) rmSync(path, { force: true });
  }
}
