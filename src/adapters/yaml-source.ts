// Reads a YAML file into a plain value while keeping where everything came from, so that every
// problem can be reported as file:line:col. Hostile input is refused before it is expanded.
import { readBounded } from './read-bounded.js';
import { MAX_BYTES, REMEMBER_CHARS } from './yaml-limits.js';
import { createRequire } from 'node:module';
import jsyaml from 'js-yaml';
import type { Document, Node } from 'yaml';
import type { DocPath, Issue, Severity } from '../core/playbook/issues.js';

export { MAX_BYTES } from './yaml-limits.js';
const MAX_DEPTH = 64;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface Located {
  file: string;
  line: number;
  col: number;
  severity: Severity;
  code: string;
  params: Issue['params'];
}

export interface Source {
  file: string;
  text: string;
  value: unknown;
  /** Problems found while reading; when any is an error, `value` is undefined. */
  problems: Located[];
  locate(issue: Issue): Located;
}

/**
 * Where nesting first goes deeper than MAX_DEPTH: brackets outside quotes and comments, or block
 * indentation (`- - - …`, deep indents). A cheap guard before the parsers recurse.
 */
function tooDeep(text: string): number | undefined {
  let depth = 0, quote = '', lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (lineStart) {
      lineStart = false;
      const indent = /^[ \t?:-]*/.exec(text.slice(i, i + 4 * MAX_DEPTH + 1))?.[0].length ?? 0;
      if (indent > 4 * MAX_DEPTH) return i;
    }
    if (c === '\n') { lineStart = true; quote = ''; continue; }
    if (quote) { if (c === quote) quote = ''; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#') { const nl = text.indexOf('\n', i); i = nl < 0 ? text.length : nl - 1; }
    else if (c === '[' || c === '{') { if (++depth > MAX_DEPTH) return i; }
    else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

// `yaml` (positions, precise errors) is loaded only when the fast path cannot be taken.
type YamlLib = typeof import('yaml');
let yamlLib: YamlLib | undefined;
const Y = (): YamlLib => (yamlLib ??= createRequire(import.meta.url)('yaml') as YamlLib);

function nodeAt(doc: Document, path: DocPath, key: boolean): Node | undefined {
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const k = path[i];
    const last = i === path.length - 1;
    if (Y().isMap(node)) {
      const pair = node.items.find((p) => Y().isPair(p) && Y().isScalar(p.key) && String(p.key.value) === String(k));
      if (!pair) return node;
      if (last && key) return pair.key as Node;
      node = pair.value ?? pair.key;
    } else if (Y().isSeq(node) && typeof k === 'number' && node.items[k] !== undefined) {
      node = node.items[k];
    } else {
      return node as Node;
    }
  }
  return node as Node;
}

/**
 * Where, in the file, a position inside a scalar's value is. Quoting, escapes and line folding make
 * value offsets differ from source offsets, so find the token at that offset in the value and the
 * same occurrence of it in the scalar's source text.
 */
function offsetIn(node: Node, text: string, offset: number | undefined): number {
  const start = node.range?.[0] ?? 0;
  if (offset === undefined || !Y().isScalar(node)) return start;
  const value = String(node.value);
  const src = text.slice(start, node.range?.[1] ?? text.length);
  const token = /^[^\s"\\]{1,40}/.exec(value.slice(offset))?.[0];
  if (token) {
    const nth = value.slice(0, offset).split(token).length - 1;
    let idx = -1;
    for (let k = 0; k <= nth && (k === 0 || idx >= 0); k++) idx = src.indexOf(token, idx + 1);
    if (idx >= 0) return start + idx;
  }
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
  return Math.min(start + quoted + offset, start + src.length);
}

/** The key whose node starts at `offset`, as written. */
function keyAt(doc: Document, offset: number): string | undefined {
  let key: string | undefined;
  Y().visit(doc, {
    Pair(_, pair) {
      if (Y().isScalar(pair.key) && pair.key.range?.[0] === offset) {
        key = String(pair.key.value);
        return Y().visit.BREAK;
      }
      return undefined;
    },
  });
  return key;
}

/** For "flow collection must end with }" errors: the opening bracket that was never closed. */
function unclosedBracket(text: string, pos: number): number | undefined {
  let depth = 0;
  for (let i = Math.min(pos, text.length) - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '}' || c === ']') depth++;
    else if (c === '{' || c === '[') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

const YAML_CODES: Record<string, string> = { TAB_AS_INDENT: 'yaml-tab', DUPLICATE_KEY: 'yaml-duplicate-key' };

// The fast path: js-yaml parses about ten times faster than `yaml` but keeps no positions. It is
// taken only for text that cannot hold what the full reader refuses or treats otherwise (tabs,
// anchors and aliases, tags, prototype keys); positions are then worked out only if an issue needs locating.
const RISKY_WORDS = ['\t', '__proto__', 'constructor', 'prototype'];
const isBreak = (c: string) => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';
const ENDS_NAME = /[\s,[\]{}]/;

/** An anchor, alias or tag where a node starts: `&`, `*` or `!` after the start of a line, `: `,
 *  `? `, `- `, `[`, `{` or `,` (spaces between), followed by a name. Found by looking around each
 *  such character rather than by trying a pattern at every position of the text. */
function nodeProperty(text: string): boolean {
  for (const mark of ['&', '*', '!']) {
    for (let i = text.indexOf(mark); i >= 0; i = text.indexOf(mark, i + 1)) {
      const next = text[i + 1];
      if (next === undefined || ENDS_NAME.test(next)) continue;
      let j = i - 1;
      while (j >= 0 && text[j] === ' ') j--;
      const before = j < 0 ? '' : text[j]!;
      if (j < 0 || isBreak(before) || '[{,'.includes(before) || (j < i - 1 && ':?-'.includes(before))) return true;
    }
  }
  return false;
}

const risky = (text: string): boolean => RISKY_WORDS.some((w) => text.includes(w)) || nodeProperty(text);
// What tooDeep refuses besides nesting: indentation deeper than nesting MAX_DEPTH deep would need.
const LONG_INDENT = new RegExp(`^[ \\t?:-]{${4 * MAX_DEPTH + 1}}`, 'm');
const TOO_DEEP = new Error('too deep');

/**
 * js-yaml's value, or undefined for the full reader to decide (and say where). The depth guard is
 * folded into the parse: js-yaml reports each node it opens and closes, and the parse stops at
 * MAX_DEPTH rather than after a scan of its own over every character.
 */
function fastValue(text: string): unknown {
  if (risky(text)) return undefined;
  const l = layoutOf(text);
  if (l.longIndent) return undefined;
  return shared ? byEntries(text, l) : load(text);
}

/** What fastValue needs from the lines' starts: over-long indentation, where the top-level entries
 *  start, and `marks` when the text is to be read whole (document markers, directives, other line breaks). */
interface Layout { longIndent: boolean; marks: boolean; starts: number[]; keys: string[] }

const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isKeyCode = (c: number): boolean => isWordCode(c) || (c >= 48 && c <= 57) || c === 45;
const isIndentCode = (c: number): boolean => c === 32 || c === 9 || c === 63 || c === 58 || c === 45;
const OTHER_BREAKS = /[\r\u2028\u2029]/;

/**
 * For text whose lines end in \n alone, the layout from the start of each line by character codes,
 * rather than by patterns tried at every position of the text (their `^` also stands after \r,
 * U+2028 and U+2029).
 */
function layoutOf(text: string): Layout {
  // js-yaml does not end a line at U+2028 or U+2029: such a text is read whole.
  if (OTHER_BREAKS.test(text)) return { longIndent: LONG_INDENT.test(text), marks: true, starts: [], keys: [] };
  const l: Layout = { longIndent: false, marks: false, starts: [], keys: [] };
  const n = text.length;
  for (let i = 0; i < n;) {
    let j = i;
    while (j < n && isIndentCode(text.charCodeAt(j))) j++;
    if (j - i > 4 * MAX_DEPTH) l.longIndent = true;
    const c = text.charCodeAt(i);
    if (c === 37 || text.startsWith('---', i) || text.startsWith('...', i)) l.marks = true;
    else if (isWordCode(c)) {
      let k = i + 1;
      while (k < n && isKeyCode(text.charCodeAt(k))) k++;
      const after = text.charCodeAt(k + 1);
      if (text.charCodeAt(k) === 58 && (k + 1 === n || after === 32 || after === 10)) { l.starts.push(i); l.keys.push(text.slice(i, k)); }
    }
    const nl = text.indexOf('\n', j);
    if (nl < 0) break;
    i = nl + 1;
  }
  return l;
}

function load(text: string): unknown {
  let depth = 0;
  const listener = (event: 'open' | 'close') => {
    if (event === 'close') depth--;
    else if (++depth > MAX_DEPTH) throw TOO_DEEP;
  };
  try {
    return jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: false, listener });
  } catch {
    return undefined;
  }
}

const isMapping = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

let shared = false;
const entries = new Map<string, unknown>();
// Bounded: past REMEMBER_CHARS characters of entries, new ones are no longer remembered.
let remembered = 0;

/**
 * For `validate`, which reads many files and never changes what it read: the top-level entries
 * of a file are parsed apart and remembered by their text, so that the blocks a folder's
 * playbooks share (copies, common facts and stages) are parsed once per run. The values of
 * files then share objects: nothing may change them.
 */
export function shareEntries(on = true): void {
  shared = on;
}

/**
 * The parse of each entry alone, joined. js-yaml reads line by line: at a line that starts a
 * plain key at column 0 it is either at a new entry of the top-level mapping or inside something
 * that an end of text there leaves unfinished (a quote, a flow collection), so an entry that
 * parses alone to exactly its key parses the same in the whole text. Anything else (a key
 * twice, an entry that does not parse alone) is left to the whole text and the full reader.
 */
function byEntries(text: string, { starts, keys, marks }: Layout): unknown {
  if (starts.length < 2 || marks) return load(text);
  const out: Record<string, unknown> = {};
  for (let i = 0; i < starts.length; i++) {
    const block = text.slice(i === 0 ? 0 : starts[i], starts[i + 1] ?? text.length);
    const key = keys[i]!;
    let v = entries.get(block);
    if (v === undefined) {
      v = load(block);
      if (!isMapping(v) || Object.keys(v as object).length !== 1 || !Object.hasOwn(v as object, key)) return load(text);
      if (remembered < REMEMBER_CHARS) {
        entries.set(block, v);
        remembered += block.length;
      }
    }
    if (Object.hasOwn(out, key)) return undefined;
    out[key] = (v as Record<string, unknown>)[key];
  }
  return out;
}

export function parseSource(file: string, text: string): Source {
  const value = fastValue(text);
  if (isMapping(value)) {
    let full: Source | undefined;
    return { file, text, value, problems: [], locate: (i) => (full ??= fullParse(file, text)).locate(i) };
  }
  return fullParse(file, text);
}

function fullParse(file: string, text: string): Source {
  const lines = new (Y().LineCounter)();
  const at = (offset: number, severity: Severity, code: string, params: Issue['params']): Located => {
    const p = lines.linePos(offset);
    return { file, line: p.line, col: p.col, severity, code, params };
  };
  const source: Source = { file, text, value: undefined, problems: [], locate: (i) => at(0, i.severity, i.code, i.params) };
  const fail = (offset: number, code: string, params: Issue['params'] = {}): Source => {
    source.problems.push(at(offset, 'error', code, params));
    return source;
  };

  const deep = tooDeep(text);
  if (deep !== undefined) {
    // Refused before parsing, so count the lines up to that point here.
    lines.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0 && i < deep; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
    return fail(deep, 'yaml-too-deep', { max: MAX_DEPTH });
  }
  let doc: Document;
  try {
    doc = Y().parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch {
    return fail(0, 'yaml-too-deep', { max: MAX_DEPTH });
  }
  source.locate = (i) => {
    const node = nodeAt(doc, i.path, i.key === true);
    return at(node ? offsetIn(node, text, i.key ? undefined : i.offset) : 0, i.severity, i.code, i.params);
  };
  for (const e of doc.errors) {
    const detail = e.message.split('\n')[0] ?? e.code;
    if (/Maximum call stack/.test(detail)) return fail(0, 'yaml-too-deep', { max: MAX_DEPTH });
    const pos = /end with an? [}\]]/.test(detail) ? (unclosedBracket(text, e.pos[0]) ?? e.pos[0]) : e.pos[0];
    // Name the duplicated key rather than repeat the parser's general sentence (the error's
    // range covers only the key's first character, so take the whole key from its node).
    const shown = e.code === 'DUPLICATE_KEY' ? keyAt(doc, e.pos[0]) ?? detail : detail;
    source.problems.push(at(pos, 'error', YAML_CODES[e.code] ?? 'yaml-syntax', { detail: shown }));
  }
  for (const w of doc.warnings) source.problems.push(at(w.pos[0], 'warning', 'yaml-syntax', { detail: w.message.split('\n')[0] ?? w.code }));
  const aliases = new Set<string>();
  Y().visit(doc, {
    Alias(_, node) {
      // Aliases are refused, not expanded: a few lines of anchors can otherwise grow into gigabytes.
      // Each alias once, where it is first used (a bomb repeats each of them many times).
      if (!aliases.has(node.source) && aliases.add(node.source)) source.problems.push(at(node.range?.[0] ?? 0, 'error', 'yaml-alias', { name: node.source }));
    },
    Pair(_, pair) {
      if (Y().isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value)))
        source.problems.push(at(pair.key.range?.[0] ?? 0, 'error', 'forbidden-key', { key: String(pair.key.value) }));
    },
  });
  if (source.problems.some((p) => p.severity === 'error')) return source;
  if (doc.contents === null || (Y().isScalar(doc.contents) && doc.contents.value === null)) return fail(0, 'empty-file');
  if (!Y().isMap(doc.contents) || Y().isAlias(doc.contents)) return fail(doc.contents.range?.[0] ?? 0, 'not-mapping');
  source.value = doc.toJS({ maxAliasCount: 0 });
  return source;
}

/** Read a YAML file: a regular file of at most MAX_BYTES, refused otherwise before it is parsed. */
export function readSource(file: string): Source {
  const located = (code: string, params: Issue['params']): Source => ({
    file, text: '', value: undefined, problems: [{ file, line: 1, col: 1, severity: 'error', code, params }],
    locate: (i) => ({ file, line: 1, col: 1, severity: i.severity, code: i.code, params: i.params }),
  });
  const r = readBounded(file, MAX_BYTES);
  return r.ok ? parseSource(file, r.text) : located(r.code, r.params);
}

export const located = (src: Source, issues: readonly Issue[]): Located[] => issues.map((i) => src.locate(i));
