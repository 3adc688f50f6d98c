// luxon's DateTime (230 KB of code) behind a function, so that the bundle can load it the first
// time a typed date-time is read instead of at start-up (scripts/bundle.js puts a lazy `require`
// in place of this module). Only parseDatetime (session/input.ts) still needs it.
import { DateTime } from 'luxon';

export const luxonDateTime = (): typeof DateTime => DateTime;
