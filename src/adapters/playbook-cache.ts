// A playbook for a command that runs it (start, show): validated once per content, then read from
// the cache. The key is the sha256 of everything validation reads (the playbook's bytes and file
// name, clocks.yaml and parties.yaml beside it or shipped, the draft ids, this build of irbook), so
// a changed byte anywhere is a miss. The validators (zod, CEL) are imported only on a miss.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { ClockSet, Party, Playbook } from '../core/playbook/schema.js';
import { buildId, cacheKey, readCache, writeCache } from './cache.js';
import { sha256 } from './chain-file.js';
import { listById, templateLayers } from './dirs.js';
import { besideOrShipped, findPlaybook } from './files.js';
import { MAX_BYTES } from './yaml-limits.js';

export interface Model { playbook: Playbook; clocks?: ClockSet; parties: Party[] }
/** `sha256`: of the three files' bytes, as session.started pins them; absent when one is not a
 *  regular file within the size limit (the validators have then said so). */
export interface Loaded extends Model { file: string; sha256?: { playbook: string; clocks: string; parties: string } }

/** The draft ids a playbook in `dir` may name (a team's drafts/ adds to the shipped ones). */
export const draftIds = (dir: string, templates?: string): string[] => listById(templateLayers(dir, templates), undefined, 'drafts').map((d) => d.id);

/** Bytes of a regular file within the validators' limit; otherwise undefined (the validators say why). */
function bytes(file: string): Buffer | undefined {
  try {
    const st = statSync(file);
    return st.isFile() && st.size <= MAX_BYTES ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

function inputsOf(file: string, templates: string | undefined): { key: string; sha256: NonNullable<Loaded['sha256']> } | undefined {
  const dir = dirname(file);
  const [pb, clocks, parties] = [file, besideOrShipped(dir, 'clocks.yaml'), besideOrShipped(dir, 'parties.yaml')].map(bytes);
  if (!pb || !clocks || !parties) return undefined;
  const sha = { playbook: sha256(pb), clocks: sha256(clocks), parties: sha256(parties) };
  return { key: cacheKey([buildId(), basename(file), sha.playbook, sha.clocks, sha.parties, ...draftIds(dir, templates)]), sha256: sha };
}

const isModel = (v: unknown): v is Model => typeof v === 'object' && v !== null
  && typeof (v as Model).playbook === 'object' && (v as Model).playbook !== null && Array.isArray((v as Model).parties);

/** A playbook by id or by path, validated (from the cache when its inputs are unchanged); a user
 *  error when missing or invalid, as loadPlaybook gives it. */
export async function loadValidated(ref: string, dir: string, templates: string | undefined, env: NodeJS.ProcessEnv): Promise<Loaded> {
  const file = findPlaybook(ref, dir)?.file;
  if (!file) {
    const fs = await import('./playbook-fs.js');
    throw fs.unknownId('playbook-not-found', ref, fs.playbookIds(dir).map((p) => p.id));
  }
  // One entry per playbook file: editing a playbook replaces its entry rather than adding one.
  const name = `playbook-${cacheKey([file])}.json`;
  const before = inputsOf(file, templates);
  const hit = before && readCache<unknown>(name, before.key, env);
  if (before && isModel(hit)) return { file, ...hit, sha256: before.sha256 };

  const { loadPlaybook } = await import('./playbook-fs.js');
  const r = loadPlaybook(file, dir, templates);
  // As JSON, as a hit would read it back: a cached and an uncached run use the very same model.
  const json = JSON.stringify({ playbook: r.playbook, clocks: r.catalog.clocks, parties: r.catalog.parties });
  const model = JSON.parse(json) as Model;
  const after = inputsOf(file, templates);
  // Stored only when the files are still those that were hashed: the entry describes their bytes.
  if (before && after?.key === before.key) writeCache(name, before.key, model, env);
  const sha = after?.sha256 ?? before?.sha256;
  return { file, ...model, ...(sha ? { sha256: sha } : {}) };
}
