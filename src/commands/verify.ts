// irbook verify INCIDENT: check every chain, every `seen` reference between chains, and every
// anchor — heads given with --expect, printed by a report (--report), or signed in a seal (checked
// with ssh-keygen against allowed_signers); exit 5 naming the first thing missing or changed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from '../cli/context.js';
import { incidentDir, storeDir, verifyIncident } from '../adapters/journal.js';
import type { Anchor } from '../adapters/chains.js';
import { headsFromReport } from '../adapters/report-heads.js';
import { ALLOWED_SIGNERS, checkSignature, listSeals, type SealCheck } from '../adapters/seal.js';
import { formatHead, parseHead, type Head } from '../core/journal/heads.js';
import { sanitize } from '../core/text/sanitize.js';
import { EXIT, UserError } from '../errors.js';

export interface VerifyOptions { json?: boolean; expect?: string[]; report?: string[]; allowedSigners?: string }

export async function run(ctx: Context, id: string, o: VerifyOptions): Promise<number> {
  const store = storeDir(ctx.opts.store, ctx.env);
  const dir = incidentDir(store, id);
  const anchors: Anchor[] = [];
  if (o.expect?.length) anchors.push({ source: '--expect', heads: o.expect.flatMap((t) => t.split(/[\s,]+/).filter(Boolean)).map(head) });
  for (const f of o.report ?? []) anchors.push({ source: f, heads: headsFromReport(f, id) });
  const seals = listSeals(dir);
  for (const s of seals) anchors.push({ source: s.file, heads: s.heads });
  const v = verifyIncident(dir, { expect: anchors });

  // Signatures: against --allowed-signers, else the store's allowed_signers; without either the
  // heads a seal names are still checked above, and the output says the signatures were not.
  const allowed = o.allowedSigners ?? (existsSync(join(store, ALLOWED_SIGNERS)) ? join(store, ALLOWED_SIGNERS) : undefined);
  if (o.allowedSigners && !existsSync(o.allowedSigners)) throw new UserError(EXIT.usage, 'allowed-signers-missing', { file: o.allowedSigners });
  const checks: SealCheck[] = allowed ? seals.map((s) => checkSignature(s, allowed)) : [];
  const badSeal = checks.find((c): c is Extract<SealCheck, { ok: false }> => !c.ok);
  const ok = v.ok && !badSeal;

  if (o.json) {
    ctx.out(JSON.stringify({ incident: id, ...v, ...(v.ok && { ok }), seals: seals.map((s) => ({ file: s.file, heads: s.heads.map(formatHead), signature: checks.find((c) => c.file === s.file) ?? 'unchecked' })) }, null, 2));
    return ok ? EXIT.ok : EXIT.verify;
  }
  if (!v.ok) {
    const reason = ctx.t(v.reason, { detail: v.detail ?? "" });
    ctx.out(ctx.c.red(`${sanitize(v.file)}:${v.line}: ${ctx.t('verify-failed', { id, line: v.line, reason })}${v.detail && !reason.includes(v.detail) ? ` (${sanitize(v.detail)})` : ''}`));
    // A half-written last line is what a crash leaves; resume repairs it (and records the repair).
    if (v.reason === 'verify-torn') ctx.err(`  → ${ctx.t('hint-verify-torn', { id })}`);
    return EXIT.verify;
  }
  for (const w of v.warnings) ctx.err(ctx.c.yellow(`${w.file}:${w.line}: ${ctx.t('verify-unknown-type', { type: w.type })}`));
  if (badSeal) {
    ctx.out(ctx.c.red(`${badSeal.file}: ${ctx.t(badSeal.reason, { file: badSeal.file })} (${badSeal.detail})`));
    return EXIT.verify;
  }
  ctx.out(ctx.c.green(ctx.t('verify-ok-chains', { id, events: v.events, chains: v.heads.length })));
  for (const h of v.heads) ctx.out(`  ${formatHead(h)}`);
  for (const c of checks) if (c.ok) ctx.out(ctx.t('verify-seal-ok', { file: c.file, principal: c.principal ?? '?' }));
  if (seals.length && !allowed) ctx.err(ctx.c.yellow(ctx.t('verify-seals-unchecked', { n: seals.length, file: join(store, ALLOWED_SIGNERS) })));
  if (anchors.length) ctx.out(ctx.t('verify-anchors-ok', { n: anchors.reduce((n, a) => n + a.heads.length, 0) }));
  return EXIT.ok;
}

function head(token: string): Head {
  const h = parseHead(token);
  if (!h) throw new UserError(EXIT.usage, 'bad-head', { value: token });
  return h;
}
