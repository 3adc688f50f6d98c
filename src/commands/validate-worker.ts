// A worker thread of `irbook validate`: takes the next file from the shared counter until none is
// left, then posts each file's problems back by its index.
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile } from '../adapters/check-file.js';
import type { Located } from '../adapters/yaml-source.js';
import { shareEntries } from '../adapters/yaml-source.js';
import { OPEN, TAKING } from './validate-worker-state.js';

const { files, templates, coverage, state, slot } = workerData as { files: string[]; templates?: string; coverage: 'fast' | 'deep'; state: Int32Array; slot: number };
shareEntries();
const out: [number, Located[]][] = [];
if (Atomics.compareExchange(state, slot, OPEN, TAKING) === OPEN)
  for (let i; (i = Atomics.add(state, 0, 1)) < files.length;) out.push([i, checkFile(files[i]!, templates, coverage).problems]);
parentPort?.postMessage(out);
