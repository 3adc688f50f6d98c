#!/usr/bin/env node
// The CLI lives in dist/ (compiled from src/ by `npm run build`, which `npm ci` runs via `prepare`).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv);
