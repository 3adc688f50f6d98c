// Floor of the verify row: reading every chain file of a journal once and hashing it with sha256.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
for (const f of readdirSync(dir)) if (f.endsWith('.jsonl')) createHash('sha256').update(readFileSync(join(dir, f))).digest('hex');
