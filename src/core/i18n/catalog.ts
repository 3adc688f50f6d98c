// Every message irbook itself shows, in the three UI languages: the one table the *-messages.ts
// parts make together. `Catalog` types each entry with all three, so a code missing in one fails
// the type check. At run time a process reads only the languages it shows (table.ts).
import { CHAIN } from './chain-messages.js';
import { HELP } from './help-messages.js';
import { JOURNAL } from './journal-messages.js';
import type { Catalog } from './messages.js';
import { REPORT } from './report-messages.js';
import { SAFETY } from './safety-messages.js';
import { SESSION } from './session-messages.js';
import { SIMULATE } from './simulate-messages.js';
import { UI } from './ui-messages.js';
import { VALIDATION } from './validation-messages.js';

export const CATALOG: Catalog = { ...VALIDATION, ...UI, ...SESSION, ...JOURNAL, ...CHAIN, ...REPORT, ...HELP, ...SIMULATE, ...SAFETY };
