// The RE2 engine (re2js: 270 KB of code, more than the rest of a command's start) behind a
// function, so that the bundle can load it on the first pattern instead of at start-up
// (scripts/bundle.js puts a lazy `require` in place of this module); few playbooks use `matches`.
import { RE2JS } from 're2js';

export const re2 = (): typeof RE2JS => RE2JS;
