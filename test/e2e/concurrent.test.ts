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

/** zhang's walk started in the (cleared) pane, waiting at its first checklist prompt; its incident id. */
async function walkAtFirstPrompt(): Promise<string> {
  await pane.clear();
  await pane.type('node bin/irbook.js start chat-leak --tz Asia/Shanghai --actor zhang; echo EXIT=$?');
  await pane.press('Enter');
  const id = (await pane.waitFor(/(INC-\d{8}-\d{3})/, 'the session-started line'))[1]!;
  await pane.waitFor(/^\? .*reportable anomaly/m, 'the first checklist prompt');
  return id;
}

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
        // Before its next prompt the walk shows what the other terminal wrote meanwhile: this round's note among them.
        const shot = await pane.waitUntil((s) => /^\? /m.test(s.slice(s.lastIndexOf('✔ '))), 'the next prompt');
        expect(shot.slice(shot.lastIndexOf('✔ '))).toMatch(new RegExp(`^  ⇠ li\\.wei · note\\.added · round ${round}: HQ informed$[\\s\\S]*^\\? `, 'm'));
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

  it('a step answered meanwhile in the other terminal is skipped, and the walk says who answered it', async () => {
    const id = await walkAtFirstPrompt();
    // li.wei answers both checklist steps from an answers file, then stops at the scope questions (exit 2: no answer for them).
    const partial = join(store, 'partial.yaml');
    writeFileSync(partial, 'answers:\n  confirm-anomaly: done\n  report-route: done\n');
    const r = other('resume', id, '--answers', partial);
    expect([r.status, r.stderr]).toEqual([2, expect.stringContaining('scope')]);
    await pane.press('Enter'); // zhang confirms the anomaly too (a checklist: no conflict)
    const shot = await pane.waitFor(/answered by li\.wei: report-route — .*\(not asked again\)/, 'the skip of report-route');
    await pane.waitFor(/^\? .*(aware|became known)/im, 'the first scope question');
    expect(shot[0]).toBeTruthy();
    expect(pane.screen()).not.toMatch(/^\? .*Reported to the security lead/m);
    await pane.press('C-c');
    expect(Number((await pane.waitFor(/^EXIT=(\d+)/m, 'the walk to stop'))[1])).toBe(130);
    const events = incidentEvents(store, id);
    expect(events.filter((x) => x.type === 'check.done' && x.data.step === 'report-route').map((x) => x.actor)).toEqual(['li.wei']);
    const v = other('verify', id);
    expect(v.status, v.stdout + v.stderr).toBe(0);
  }, 60_000);

  it('a note by the walk\'s own responder from a second terminal is shown before the next prompt, the walk\'s own answers are not', async () => {
    const id = await walkAtFirstPrompt();
    // The same person (zhang, this host: the walk's own chain) adds a note from another terminal.
    const same = spawnSync(process.execPath, ['bin/irbook.js', 'note', id, 'screenshot of the group taken'], { cwd: ROOT, encoding: 'utf8', env: { ...env, IRBOOK_ACTOR: 'zhang' } });
    expect(same.status, same.stderr).toBe(0);
    await pane.press('Enter');
    const shot = await pane.waitUntil((x) => /^\? /m.test(x.slice(x.lastIndexOf('✔ '))), 'the next prompt');
    const after = shot.slice(shot.lastIndexOf('✔ '));
    expect(after).toMatch(/^  ⇠ zhang · note\.added · screenshot of the group taken$[\s\S]*^\? /m);
    // Only that note: the walk's own check.done is not echoed back.
    expect(after.match(/⇠/g)).toHaveLength(1);
    await pane.press('C-c');
    expect(Number((await pane.waitFor(/^EXIT=(\d+)/m, 'the walk to stop'))[1])).toBe(130);
    const events = incidentEvents(store, id);
    expect(events.filter((x) => x.type === 'note.added').map((x) => [x.actor, x.data.text])).toEqual([['zhang', 'screenshot of the group taken']]);
    const v = other('verify', id);
    expect(v.status, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toMatch(/1 chain\(s\)/);
  }, 60_000);
});
