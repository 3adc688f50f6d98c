// Two terminals on one incident (tmux): a walk waits at its prompts in one, `note` and `evidence`
// run from another, 50 rounds, with answers given between them. Nothing is lost, nobody is
// refused ("used by another session" is gone: a chain is locked only for one append), and every
// chain verifies. Spawns bin/irbook.js: npm run build first.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentEvents } from '../support/chains.js';
import { TmuxPane, hasTmux } from './tmux.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const store = mkdtempSync(join(tmpdir(), 'irbook-two-terminals-'));
const env = { ...process.env, IRBOOK_STORE: store, NO_COLOR: '1', IRBOOK_LANG: 'en', IRBOOK_PLAYBOOKS: 'playbooks' } as Record<string, string>;
const pane = new TmuxPane(`irbook-two-${process.pid}`);
const other = (...args: string[]) => spawnSync(process.execPath, ['bin/irbook.js', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...env, IRBOOK_ACTOR: 'li.wei' } });

beforeAll(() => {
  if (hasTmux()) pane.start({ cwd: ROOT, env: { ...env, TERM: 'xterm-256color' }, width: 160, height: 50 });
});
afterAll(() => {
  if (hasTmux()) pane.kill();
  rmSync(store, { recursive: true, force: true });
});

describe.skipIf(!hasTmux())('a walk in one terminal, notes and evidence from another', () => {
  it('50 rounds of note + evidence while the walk runs: nothing lost, nobody refused, every chain verifies', async () => {
    await pane.type('node bin/irbook.js start chat-leak --tz Asia/Shanghai --actor zhang; echo EXIT=$?');
    await pane.press('Enter');
    const id = (await pane.waitFor(/(INC-\d{8}-\d{3})/, 'the session-started line'))[1]!;
    const evidence = join(store, 'chat-export.txt');
    writeFileSync(evidence, 'exported WeChat group history');
    let answered = 0;
    for (let round = 0; round < 50; round++) {
      const n = other('note', id, `round ${round}: HQ informed`);
      expect(n.status, n.stderr).toBe(0);
      const e = other('evidence', id, evidence, '--note', `round ${round}`);
      expect(e.status, e.stderr).toBe(0);
      // Every tenth round the walk answers its open checklist prompt (Enter takes the first choice).
      if (round % 10 === 9 && answered < 2) {
        await pane.waitFor(/^\? /m, 'an open prompt');
        await pane.press('Enter');
        answered++;
        await pane.waitUntil((s) => (s.match(/^✔ /gm) ?? []).length >= answered, `answer ${answered} to be acknowledged`);
      }
    }
    await pane.press('C-c');
    expect(Number((await pane.waitFor(/^EXIT=(\d+)/m, 'the walk to stop'))[1])).toBe(130);

    const events = incidentEvents(store, id);
    expect(events.filter((x) => x.type === 'note.added').map((x) => x.data.text)).toEqual(Array.from({ length: 50 }, (_, i) => `round ${i}: HQ informed`));
    expect(events.filter((x) => x.type === 'evidence.added')).toHaveLength(50);
    expect(events.filter((x) => x.actor === 'zhang' && x.type === 'check.done')).toHaveLength(answered);
    const v = other('verify', id);
    expect(v.status, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toMatch(/2 chain\(s\)/);
  }, 120_000);
});
