#!/usr/bin/env node
// The CLI is bundled into dist/bin by `npm run build` (which `npm ci` runs via `prepare`):
// one file per command chunk, so start-up reads a few files instead of hundreds.
import { exitCleanlyOnSignals, main } from '../dist/bin/main.js';

exitCleanlyOnSignals();
process.exitCode = await main(process.argv);
