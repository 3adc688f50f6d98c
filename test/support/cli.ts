// The built CLI (bin/irbook.js; npm run build first) against a store of its own, as the command
// tests run it: English, no colour, the shipped playbooks and templates, no stdin.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

export type Cli = (...args: string[]) => SpawnSyncReturns<string>;

/** A fresh store (a temp folder named from `prefix`), the environment that points at it, and the CLI run in it. */
export function cliStore(prefix: string, extraEnv: Record<string, string> = {}, o: { timeout?: number } = {}): { store: string; env: NodeJS.ProcessEnv; irbook: Cli } {
  const store = mkdtempSync(join(tmpdir(), prefix));
  const env = { ...process.env, IRBOOK_STORE: store, NO_COLOR: '1', IRBOOK_LANG: 'en', IRBOOK_PLAYBOOKS: 'playbooks', IRBOOK_TEMPLATES: 'templates', ...extraEnv };
  const irbook: Cli = (...args) => spawnSync(process.execPath, ['bin/irbook.js', ...args], { encoding: 'utf8', env, input: '', ...(o.timeout ? { timeout: o.timeout } : {}) });
  return { store, env, irbook };
}

/** The demo session (chat-leak answered from its fixture) started through `irbook`; its id. */
export function startDemo(irbook: Cli): string {
  const a = irbook('start', 'chat-leak', '--answers', 'test/fixtures/answers/chat-leak.yaml');
  expect(a.status, a.stderr).toBe(0);
  return /INC-\d{8}-\d{3}/.exec(a.stdout)![0];
}
