// Auto-seal through the built binary: with IRBOOK_SIGNING_KEY set (a real ed25519 key made by
// ssh-keygen in a temp folder), every notice to an authority or the police is sealed as it is
// made — the seal names the heads with that notice — and verify checks each seal. A key that
// cannot sign is a warning: the walk goes on and every notice is in the journal.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHeads } from '../../src/core/journal/heads.js';
import { incidentEvents } from '../support/chains.js';

const root = mkdtempSync(join(tmpdir(), 'irbook-auto-seal-'));
const key = join(root, 'key');
const run = (store: string, signingKey: string, ...args: string[]) => spawnSync(process.execPath, ['bin/irbook.js', ...args], {
  encoding: 'utf8', input: '', env: { ...process.env, IRBOOK_STORE: store, IRBOOK_SIGNING_KEY: signingKey, NO_COLOR: '1', IRBOOK_LANG: 'en', IRBOOK_PLAYBOOKS: 'playbooks' },
});
const kinds = new Map([...readFileSync('playbooks/parties.yaml', 'utf8').matchAll(/- id: ([\w-]+)\n\s+kind: (\w+)/g)].map((m) => [m[1]!, m[2]!]));

beforeAll(() => {
  expect(spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'zhang@example.cn', '-f', key]).status).toBe(0);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('auto-seal of notices to authorities', () => {
  it('seals each notice to an authority or the police as it is made, and verify checks the seals', () => {
    const store = join(root, 'signed');
    const r = run(store, key, 'start', 'chat-leak', '--answers', 'test/fixtures/answers/chat-leak.yaml');
    expect(r.status, r.stderr).toBe(0);
    const id = /INC-\d{8}-\d{3}/.exec(r.stdout)![0];
    const events = incidentEvents(store, id);
    const toAuthorities = events.filter((e) => e.type === 'notify.sent' && ['authority', 'police'].includes(kinds.get(String(e.data.party)) ?? ''));
    const toOthers = events.filter((e) => e.type === 'notify.sent' && !toAuthorities.includes(e));
    expect(toAuthorities.length).toBeGreaterThan(0);
    expect(toOthers.length).toBeGreaterThan(0); // HQ is told too, and is not sealed
    const seals = readdirSync(join(store, id, 'seals')).filter((n) => n.endsWith('.heads')).sort();
    expect(seals).toHaveLength(toAuthorities.length);
    // Each seal names the head of the chain right at its notice.
    const sealed = seals.map((n) => parseHeads(readFileSync(join(store, id, 'seals', n), 'utf8'))[0]!.heads[0]!.seq);
    expect(sealed).toEqual(toAuthorities.map((e) => e.seq));
    for (const e of toAuthorities) expect(r.stdout).toContain(`the notice to ${String(e.data.party)} is sealed`);

    writeFileSync(join(store, 'allowed_signers'), `zhang@example.cn namespaces="irbook" ${readFileSync(`${key}.pub`, 'utf8')}`);
    const v = run(store, '', 'verify', id);
    expect(v.status, v.stdout + v.stderr).toBe(0);
    expect(v.stdout.match(/^seal .*: signature good \(zhang@example\.cn\)$/gm)).toHaveLength(toAuthorities.length);
  });

  it('a key that cannot sign warns and loses nothing', () => {
    const store = join(root, 'broken');
    const r = run(store, join(root, 'no-such-key'), 'start', 'chat-leak', '--answers', 'test/fixtures/answers/chat-leak.yaml');
    expect(r.status, r.stderr).toBe(0);
    const id = /INC-\d{8}-\d{3}/.exec(r.stdout)![0];
    const notices = incidentEvents(store, id).filter((e) => e.type === 'notify.sent' && ['authority', 'police'].includes(kinds.get(String(e.data.party)) ?? ''));
    expect(notices.length).toBeGreaterThan(0);
    expect(r.stderr.match(/is recorded but could not be sealed \(no signing key/g)).toHaveLength(notices.length);
    expect(r.stderr).toContain(`irbook seal ${id}`);
    expect(run(store, '', 'verify', id).status).toBe(0);
  });
});
