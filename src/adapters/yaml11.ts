// Scalars that YAML 1.1 readers (PyYAML, older Ruby and Go tools in teams' pipelines) read
// differently from YAML 1.2: unquoted yes/no/on/off/y/n become booleans, and a `?` or `:` inside
// a plain scalar of a flow collection ({ en: When did it leak? }) is a syntax error there.
// `irbook validate` warns on them so that a playbook reads the same everywhere. A lexical scan,
// not a second parse: it runs on every file validate checks and must stay cheap.
import type { Located } from './yaml-source.js';
import { REMEMBER_CHARS } from './yaml-limits.js';

const BOOL11 = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;
const BLOCK_SCALAR = /(?:^|:\s|-\s)\s*[|>][+-]?\d*\s*(?:#.*)?$/;
// Outside flow collections a line can only warn where a word of BOOL11 stands alone (after the
// start, a space or a `:` (`"key":on`), before the end, `:` or a comment): most lines are skipped
// on these two tests.
const FLOW = /[[\]{}]/;
const MAYBE_BOOL = /(?:^|[\s:])(?:y|yes|n|no|on|off)\s*(?::|#|$)/i;

interface Token { text: string; col: number; flow: boolean }

// What /\s/ (and trim) treat as space, by character code: the scan looks at every character of
// every line, most of them CJK, so no regular expression per character.
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
  || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
const DQ = 34, SQ = 39, HASH = 35, COLON = 58, DASH = 45, COMMA = 44;
const isFlow = (c: number): boolean => c === 123 || c === 125 || c === 91 || c === 93;
/** The characters the scan acts on (quotes, comment, separators, flow indicators). */
const isMark = (c: number): boolean => c === DQ || c === SQ || c === HASH || c === COLON || c === DASH || c === COMMA || isFlow(c);

/** The scalars of one line: split at flow indicators, `: ` and `- `, quotes and comments kept apart. */
function tokens(line: string, depth: { n: number }): Token[] {
  const out: Token[] = [];
  let start = 0, end = line.length, quote = 0;
  // Since `start`: whether only spaces were seen, and the last character that was not one.
  let blank = true, last = -1;
  // Only what can be warned about: an unquoted scalar that is short enough to be a YAML 1.1
  // boolean, or any unquoted scalar inside a flow collection.
  const push = (end: number) => {
    let a = start, b = end;
    while (a < b && isSpace(line.charCodeAt(a))) a++;
    while (b > a && isSpace(line.charCodeAt(b - 1))) b--;
    if (a === b || line.charCodeAt(a) === DQ || line.charCodeAt(a) === SQ || (depth.n === 0 && b - a > 3)) return;
    out.push({ text: line.slice(a, b), col: a + 1, flow: depth.n > 0 });
  };
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (quote) {
      // To the closing quote in one step: nothing inside a quoted scalar separates.
      const close = line.indexOf(String.fromCharCode(quote), i);
      if (close < 0) break;
      i = close;
      last = quote;
      quote = 0;
      continue;
    } else if (!isSpace(c) && !isMark(c)) {
      // A run of ordinary characters in one step: each would only set `blank` and `last`.
      while (i + 1 < line.length && !isSpace(line.charCodeAt(i + 1)) && !isMark(line.charCodeAt(i + 1))) i++;
      blank = false;
      last = line.charCodeAt(i);
      continue;
    } else if ((c === DQ || c === SQ) && blank) {
      quote = c;
    } else if (c === HASH && (i === 0 || isSpace(line.charCodeAt(i - 1)))) {
      end = i;
      break;
    } else {
      const atEnd = i + 1 === line.length;
      const sep = (c === COLON && (atEnd || isSpace(line.charCodeAt(i + 1)) || last === DQ || last === SQ))
        || (c === DASH && blank && (atEnd || isSpace(line.charCodeAt(i + 1))));
      if (sep || (depth.n > 0 && c === COMMA) || (isFlow(c) && (depth.n > 0 || blank))) {
        push(i);
        if (c === 123 || c === 91) depth.n++;
        if ((c === 125 || c === 93) && depth.n > 0) depth.n--;
        start = i + 1;
        blank = true;
        last = -1;
        continue;
      }
    }
    if (!isSpace(c)) { blank = false; last = c; }
  }
  push(quote ? start : end);
  return out;
}

interface Warning { line: number; col: number; code: string; value: string }
interface Scan { warnings: Warning[]; lines: number; depth: number; blockIndent: number }

/** The warnings of a run of lines (line numbers from 0), from a state to the state after it. */
function scan(text: string, depth: { n: number }, blockIndent: number): Scan {
  const warnings: Warning[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const indent = line.search(/\S/);
    if (blockIndent >= 0) {
      if (indent < 0 || indent > blockIndent) return;
      blockIndent = -1;
    }
    if (depth.n === 0 && (line.includes('|') || line.includes('>')) && BLOCK_SCALAR.test(line)) blockIndent = indent;
    if (depth.n === 0 && !FLOW.test(line) && !MAYBE_BOOL.test(line)) return;
    for (const t of tokens(line, depth)) {
      if (BOOL11.test(t.text)) warnings.push({ line: i, col: t.col, code: 'yaml11-bool', value: t.text });
      else if (t.flow && /[?:]/.test(t.text)) warnings.push({ line: i, col: t.col, code: 'yaml11-flow-scalar', value: t.text });
    }
  });
  return { warnings, lines: lines.length, depth: depth.n, blockIndent };
}

const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;

// The text in runs of lines, each from a line that starts with a letter at column 0 (a top-level
// key, mostly) to the next. Such a line ends any block scalar, so a run that starts outside flow
// collections scans the same wherever it stands; files in one folder share most of these runs
// (copies, common blocks): each is scanned once per run.
const scanned = new Map<string, Scan>();
let remembered = 0;

export function yaml11Warnings(file: string, text: string): Located[] {
  const out: Located[] = [];
  const depth = { n: 0 };
  let blockIndent = -1;
  let line = 0;
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    while (end >= 0 && !isWordCode(text.charCodeAt(end + 1))) end = text.indexOf('\n', end + 1);
    const run = text.slice(start, end < 0 ? text.length : end);
    let r: Scan;
    if (depth.n === 0) {
      const known = scanned.get(run);
      r = known ?? scan(run, depth, -1);
      // Bounded like the parser's entries (what is remembered keeps its file's text alive).
      if (!known && remembered < REMEMBER_CHARS) {
        scanned.set(run, r);
        remembered += run.length;
      }
    } else {
      r = scan(run, depth, blockIndent);
    }
    depth.n = r.depth;
    blockIndent = r.blockIndent;
    for (const w of r.warnings) out.push({ file, line: line + w.line + 1, col: w.col, severity: 'warning', params: { value: w.value }, code: w.code });
    line += r.lines;
    if (end < 0) break;
    start = end + 1;
  }
  return out;
}
