// Seals: the incident's heads signed with an SSH key, as git signs commits (`ssh-keygen -Y sign
// -n irbook`), kept in incidents/<INC>/seals/ as the signed text (<stamp>-<writer>.heads) and its
// signature (.heads.sig). `verify` checks each with `ssh-keygen -Y verify` against an
// allowed_signers file, and checks that the chains still contain the heads it names.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, UserError } from '../errors.js';
import { formatHeads, parseHeads, type Head } from '../core/journal/heads.js';
import { makeDir } from './store.js';

export const SEALS_DIR = 'seals';
export const NAMESPACE = 'irbook';
export const ALLOWED_SIGNERS = 'allowed_signers';

export interface Seal { file: string; heads: Head[] }
export type SealCheck = { file: string; ok: true; principal?: string; heads: Head[] } | { file: string; ok: false; reason: string; detail: string };

/** Sign the heads with `key` (a private key file, or a public key with its agent); returns the seal file. */
export function seal(dir: string, incident: string, heads: readonly Head[], key: string, writer: string, now = new Date()): string {
  if (!existsSync(key)) throw new UserError(EXIT.usage, 'seal-key-missing', { key });
  const seals = join(dir, SEALS_DIR);
  makeDir(seals);
  // To the millisecond, so the names sort in the order the seals were made (two notices sealed in one second).
  const stamp = now.toISOString().replace(/[-:]/g, '');
  const file = create(join(seals, `${stamp}-${writer}`), `${formatHeads(incident, heads)}\n`);
  const r = spawnSync('ssh-keygen', ['-Y', 'sign', '-n', NAMESPACE, '-f', key, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error || r.status !== 0) throw new UserError(EXIT.storage, 'seal-failed', { key, detail: (r.error?.message ?? r.stderr).trim().split('\n')[0] ?? '' });
  chmodSync(`${file}.sig`, 0o600);
  return file;
}

// A seal is never overwritten: a second one by the same writer in the same millisecond gets -2, -3….
function create(base: string, text: string): string {
  for (let n = 1; ; n++) {
    const file = `${base}${n > 1 ? `-${n}` : ''}.heads`;
    try {
      writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
      return file;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new UserError(EXIT.storage, 'write-failed', { file, cause: (e as Error).message });
    }
  }
}

/** Party kinds whose notices are sealed as they are made when a key is configured: what an authority or the police was told is then signed. */
const SEALED_KINDS: ReadonlySet<string> = new Set(['authority', 'police']);
export const sealsNoticeTo = (party: { kind: string } | undefined): boolean => party !== undefined && SEALED_KINDS.has(party.kind);

/** The seals of an incident (the heads each names), oldest first. */
export function listSeals(dir: string): Seal[] {
  let names: string[];
  try {
    names = readdirSync(join(dir, SEALS_DIR)).filter((n) => n.endsWith('.heads')).sort();
  } catch {
    return [];
  }
  return names.map((n) => {
    const file = join(dir, SEALS_DIR, n);
    return { file, heads: parseHeads(readFileSync(file, 'utf8'))[0]?.heads ?? [] };
  });
}

/** Check a seal's signature against allowed_signers: who signed it, or why it fails. */
export function checkSignature(s: Seal, allowedSigners: string): SealCheck {
  const sig = `${s.file}.sig`;
  if (!existsSync(sig)) return { file: s.file, ok: false, reason: 'seal-no-signature', detail: sig };
  const find = spawnSync('ssh-keygen', ['-Y', 'find-principals', '-s', sig, '-f', allowedSigners], { encoding: 'utf8' });
  const principal = find.status === 0 ? find.stdout.trim().split('\n')[0] : undefined;
  if (!principal) return { file: s.file, ok: false, reason: 'seal-unknown-signer', detail: (find.error?.message ?? find.stderr).trim() };
  const r = spawnSync('ssh-keygen', ['-Y', 'verify', '-f', allowedSigners, '-I', principal, '-n', NAMESPACE, '-s', sig], { input: readFileSync(s.file), encoding: 'utf8' });
  if (r.status !== 0) return { file: s.file, ok: false, reason: 'seal-bad-signature', detail: (r.error?.message ?? r.stderr ?? r.stdout).trim() };
  return { file: s.file, ok: true, principal, heads: s.heads };
}
