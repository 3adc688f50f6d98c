// The sha256 of the files a session's verdicts come from: the playbook, and the clocks and parties
// beside it (or the shipped ones, as the validator reads them). Pinned in session.started and
// compared on resume, so a changed clocks.yaml is noticed like a changed playbook.
import { dirname } from 'node:path';
import { besideOrShipped } from './files.js';
import { sha256File } from './provenance.js';

export function sourceShas(file: string): { playbook: string; clocks: string; parties: string } {
  const dir = dirname(file);
  return { playbook: sha256File(file), clocks: sha256File(besideOrShipped(dir, 'clocks.yaml')), parties: sha256File(besideOrShipped(dir, 'parties.yaml')) };
}
