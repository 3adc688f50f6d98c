// A worker thread of `irbook validate`: checks its share of the files and posts the problems back.
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile } from '../adapters/check-file.js';
import { shareEntries } from '../adapters/yaml-source.js';

const { files, templates, coverage } = workerData as { files: string[]; templates?: string; coverage: 'fast' | 'deep' };
shareEntries();
parentPort?.postMessage(files.flatMap((f) => checkFile(f, templates, coverage).problems));
