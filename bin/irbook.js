#!/usr/bin/env node
// The CLI is bundled into dist/bin by `npm run build` (which `npm ci` runs via `prepare`):
// one file per command chunk, so start-up reads a few files instead of hundreds.
import module from 'node:module';

// Node 22.1+ can keep V8's compiled code of those chunks between runs (in the system's temp
// folder, or NODE_COMPILE_CACHE): compiling is a third of start-up. Node 20 has no such cache.
// Turned on before the CLI is imported, so that its chunks are the ones cached.
module.enableCompileCache?.();
const { exitCleanlyOnSignals, main } = await import('../dist/bin/main.js');

exitCleanlyOnSignals();
process.exitCode = await main(process.argv);
