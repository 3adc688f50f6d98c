// Trust anchors through the built binary: the heads status prints, verify --expect / --report,
// seals signed and checked with ssh-keygen, and each kind of tampering (cut tail, recomputed
// chain, emptied file, removed chain file) failing with exit 5 and naming what is missing.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashEvent, type JournalEvent } from '../../src/adapters/journal.js';
import { formatHeads, type Head } from '../../src/core/journal/heads.js';
import { chainPath } from '../support/chains.js';
import { cliStore, startDemo } from '../support/cli.js';

const { store, irbook } = cliStore('irbook-anchors-', { IRBOOK_SIGNING_KEY: '' });
const STACK = /^\s+at /m;
let id = '';
let heads: Head[] = [];
let backup = '';
const chains = () => [chainPath(store, id, 'zhang'), chainPath(store, id, 'li')];

beforeAll(() => {
  id = startDemo(irbook);
  expect(irbook('note', id, 'HQ', 'informed', '--actor', 'li').status).toBe(0);
  expect(irbook('note', id, 'PPC', 'preliminary', 'due', '--actor', 'li').status).toBe(0);
  heads = (JSON.parse(irbook('status', id, '--json').stdout) as { heads: Head[] }).heads;
  backup = mkdtempSync(join(tmpdir(), 'irbook-anchors-backup-'));
  for (const f of chains()) copyFileSync(f, join(backup, f.split('/').pop()!));
  // A signing key, and the store's allowed_signers naming it.
  expect(spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'zhang@example.cn', '-f', join(backup, 'key')]).status).toBe(0);
  writeFileSync(join(store, 'allowed_signers'), `zhang@example.cn namespaces="irbook" ${readFileSync(join(backup, 'key.pub'), 'utf8')}`);
});
afterAll(() => { rmSync(store, { recursive: true, force: true }); rmSync(backup, { recursive: true, force: true }); });
beforeEach(() => { for (const f of chains()) copyFileSync(join(backup, f.split('/').pop()!), f); });

const cutLast = (f: string) => writeFileSync(f, readFileSync(f, 'utf8').trim().split('\n').slice(0, -1).map((l) => `${l}\n`).join(''));
function recompute(f: string): void {
  const out: JournalEvent[] = [];
  for (const l of readFileSync(f, 'utf8').trim().split('\n')) {
    const e = JSON.parse(l) as JournalEvent;
    if (e.seq === 3) e.tz = 'UTC';
    if (out.length) e.prev = out.at(-1)!.hash;
    e.hash = hashEvent(e);
    out.push(e);
  }
  writeFileSync(f, out.map((e) => `${JSON.stringify(e)}\n`).join(''));
}

describe('heads and anchors', () => {
  it('status shows the heads, and verify --expect accepts them', () => {
    expect(heads.map((h) => h.writer).sort()).toEqual(chains().map((f) => f.split('/').pop()!.replace('.jsonl', '')).sort());
    const s = irbook('status', id);
    for (const h of heads) expect(s.stdout).toContain(`${h.writer}:${h.seq}:${h.hash}`);
    const v = irbook('verify', id, '--expect', ...heads.map((h) => `${h.writer}:${h.seq}:${h.hash}`));
    expect(v.status, v.stdout + v.stderr).toBe(0);
  });

  it('verify --report reads the heads of a Markdown, JSON or PDF report', () => {
    const line = formatHeads(id, heads);
    const files = { 'r.md': `# 事故報告書\n\n\`${line}\`\n`, 'r.json': JSON.stringify({ incident: id, heads }), 'r.pdf': `%PDF-1.3\n1 0 obj\n<< /Keywords (${line}) >>\nendobj\n` };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(backup, name), text);
    const v = irbook('verify', id, '--report', ...Object.keys(files).map((n) => join(backup, n)));
    expect(v.status, v.stdout + v.stderr).toBe(0);
    writeFileSync(join(backup, 'none.md'), '# no heads here\n');
    const none = irbook('verify', id, '--report', join(backup, 'none.md'));
    expect([none.status, none.stderr]).toEqual([5, expect.stringContaining('prints no heads')]);
  });

  it.each<[string, () => void, RegExp, boolean]>([
    ['a cut tail', () => cutLast(chainPath(store, id, 'li')), /its tail was cut/, false],
    ['a recomputed chain', () => recompute(chainPath(store, id, 'zhang')), /cut or rewritten/, true],
    ['an emptied file', () => writeFileSync(chainPath(store, id, 'li'), ''), /a chain is missing/, false],
    ['a removed chain file', () => unlinkSync(chainPath(store, id, 'li')), /a chain is missing/, false],
    ['zhang\'s chain emptied (li\'s notes reference it)', () => writeFileSync(chainPath(store, id, 'zhang'), ''), /no longer in that chain/, true],
  ])('%s: --expect and --report fail with exit 5 naming what is missing', (_name, tamper, says, visible) => {
    tamper();
    writeFileSync(join(backup, 'r.md'), `\`${formatHeads(id, heads)}\`\n`);
    for (const args of [['--expect', ...heads.map((h) => `${h.writer}:${h.seq}:${h.hash}`)], ['--report', join(backup, 'r.md')]]) {
      const v = irbook('verify', id, ...args);
      expect(v.status, v.stdout + v.stderr).toBe(5);
      expect(v.stdout).toMatch(says);
      expect(STACK.test(v.stderr)).toBe(false);
    }
    // Never shown as fact, where the chains themselves show it (a cut tail nobody referenced
    // needs an anchor: a seal, below, or a report).
    if (!visible) return;
    for (const cmd of [['status', id], ['timeline', id]]) {
      const r = irbook(...cmd);
      expect([r.status, STACK.test(r.stderr)]).toEqual([5, false]);
    }
    expect(irbook('incidents').stdout).toMatch(new RegExp(`${id}\\s+FAILS VERIFY`));
  });

  it('bad --expect tokens are a usage error', () => {
    expect(irbook('verify', id, '--expect', 'zhang:1:abc').status).toBe(2);
  });
});

describe('seals', () => {
  it('seal signs the heads; verify checks the signature and the heads it names', () => {
    expect(irbook('seal', id).status).toBe(2); // no key
    const s = irbook('seal', id, '--key', join(backup, 'key'));
    expect(s.status, s.stderr).toBe(0);
    const v = irbook('verify', id);
    expect(v.status, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toContain('signature good (zhang@example.cn)');
    // A cut tail behind the seal fails even with no anchor given.
    cutLast(chainPath(store, id, 'li'));
    const cut = irbook('verify', id);
    expect(cut.status).toBe(5);
    expect(cut.stdout).toMatch(/seals\/.*\.heads: .*li@/);
    // The read commands check the heads a seal names too.
    expect(irbook('status', id).status).toBe(5);
  });

  it('a changed seal or an unknown signer fails', () => {
    const dir = join(store, id, 'seals');
    const file = join(dir, readdirSync(dir).find((n) => n.endsWith('.heads'))!);
    const text = readFileSync(file, 'utf8');
    // Another key, not in allowed_signers.
    expect(spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(backup, 'other')]).status).toBe(0);
    const other = join(backup, 'allowed_other');
    writeFileSync(other, `mallory namespaces="irbook" ${readFileSync(join(backup, 'other.pub'), 'utf8')}`);
    const unknown = irbook('verify', id, '--allowed-signers', other);
    expect([unknown.status, unknown.stdout]).toEqual([5, expect.stringContaining('not in allowed_signers')]);
    // The heads line edited to match a cut chain: the signature no longer matches.
    writeFileSync(file, text.replace(/ li@\S+/, ''));
    const bad = irbook('verify', id);
    expect([bad.status, bad.stdout]).toEqual([5, expect.stringContaining('does not match')]);
    writeFileSync(file, text);
  });
});
