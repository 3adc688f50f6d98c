// Where the tests find an incident's journal: the chain of one writer, or every chain merged.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readIncidentJournal, writerId } from '../../src/adapters/journal.js';

/** The chain file of `actor` at this host in incident `id`. */
export const chainPath = (store: string, id: string, actor = 'zhang'): string => join(store, id, 'journal', `${writerId(actor)}.jsonl`);

/** The incident's events, every chain merged. */
export const incidentEvents = (store: string, id: string) => readIncidentJournal(join(store, id)).events;

/** Every chain file of the incident, by name, as bytes: equal before and after means nothing was written. */
export const journalBytes = (store: string, id: string): Record<string, string> => {
  const dir = join(store, id, 'journal');
  return Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
};
