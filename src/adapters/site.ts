// The site code in incident ids, so clones of one store never give out the same id: IRBOOK_SITE,
// else `site` in the organisation profile (irbook.yaml, as the caller loaded it), else — only
// when the store is a git repository, i.e. shared between sites — one derived from the host name:
// up to four letters/digits of it people can read (SH01, TKYO…) and two base-36 characters of its
// sha256, so two hosts whose names start alike still differ. A store that is not shared keeps
// the short ids (INC-YYYYMMDD-NNN). Ids carry it in capitals (INC-20261123-SH01-001).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { EXIT, UserError } from '../errors.js';
import { SITE_CODE } from './store.js';

export function siteCode(store: string, env: NodeJS.ProcessEnv = process.env, o: { site?: string | undefined; host?: string } = {}): string | undefined {
  const given = env.IRBOOK_SITE ?? o.site;
  if (given !== undefined) {
    const code = given.toUpperCase();
    if (!SITE_CODE.test(code)) throw new UserError(EXIT.usage, 'bad-site-code', { value: given });
    return code;
  }
  return existsSync(join(store, '.git')) ? hostSite(o.host ?? hostname()) : undefined;
}

export function hostSite(host: string): string {
  const readable = (host.split('.')[0] ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 4);
  const n = createHash('sha256').update(host.toLowerCase()).digest().readUInt16BE(0) % (36 * 36);
  return `${readable}${n.toString(36).toUpperCase().padStart(2, '0')}`.padStart(2, 'X');
}
