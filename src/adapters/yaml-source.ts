// Reads a YAML file into a plain value while keeping where everything came from, so that every
// problem can be reported as file:line:col. Hostile input is refused before it is expanded.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import jsyaml from 'js-yaml';
import type { Document, Node } from 'yaml';
import type { DocPath, Issue, Severity } from '../core/playbook/issues.js';

export const MAX_BYTES = 1024 * 1024;
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

/** The deepest bracket nesting outside quotes and comments: a cheap guard before the parser recurses. */
function flowDepth(text: string): number {
  let depth = 0, max = 0, quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) { if (c === quote) quote = ''; else if (c === '\n') quote = ''; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#') { const nl = text.indexOf('\n', i); i = nl < 0 ? text.length : nl; }
    else if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return max;
}

// \`yaml\` (positions, precise errors) is loaded only when the fast path cannot be taken.
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

function offsetIn(node: Node, text: string, offset: number): number {
  const start = node.range?.[0] ?? 0;
  if (!Y().isScalar(node)) return start;
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') return start + 1 + offset;
  if (node.type === 'PLAIN') return start + offset;
  // Block scalar: the content starts on the line after the header, at its indentation.
  const body = text.indexOf('\n', start) + 1;
  const indent = /^[ ]*/.exec(text.slice(body))?.[0].length ?? 0;
  const value = String(node.value).slice(0, offset);
  const nl = value.lastIndexOf('\n');
  let pos = body;
  for (let n = value.split('\n').length - 1; n > 0; n--) pos = text.indexOf('\n', pos) + 1;
  return pos + indent + (offset - nl - 1);
}

const YAML_CODES: Record<string, string> = { TAB_AS_INDENT: 'yaml-tab', DUPLICATE_KEY: 'yaml-duplicate-key' };

// The fast path: js-yaml parses about ten times faster than \`yaml\` but keeps no positions. It is
// taken only for text that cannot hold what the full reader refuses or treats otherwise (tabs,
// anchors and aliases, tags, prototype keys); positions are then worked out only if an issue needs locating.
const RISKY = /\t|(^[ ]*|[:?-][ ]+|[[{,][ ]*)[&*!][^\s,[\]{}]|__proto__|constructor|prototype/m;

function fastValue(text: string): unknown {
  if (RISKY.test(text)) return undefined;
  try {
    return jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
}

const isMapping = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseSource(file: string, text: string): Source {
  if (flowDepth(text) <= MAX_DEPTH) {
    const value = fastValue(text);
    if (isMapping(value)) {
      let full: Source | undefined;
      return { file, text, value, problems: [], locate: (i) => (full ??= fullParse(file, text)).locate(i) };
    }
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

  if (flowDepth(text) > MAX_DEPTH) { lines.addNewLine(0); return fail(0, 'yaml-too-deep', { max: MAX_DEPTH }); }
  let doc: Document;
  try {
    doc = Y().parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch {
    return fail(0, 'yaml-too-deep', { max: MAX_DEPTH });
  }
  source.locate = (i) => {
    const node = nodeAt(doc, i.path, i.key === true);
    return at(node ? offsetIn(node, text, i.key ? 0 : (i.offset ?? 0)) : 0, i.severity, i.code, i.params);
  };
  for (const e of doc.errors) source.problems.push(at(e.pos[0], 'error', YAML_CODES[e.code] ?? 'yaml-syntax', { detail: e.message.split('\n')[0] ?? e.code }));
  for (const w of doc.warnings) source.problems.push(at(w.pos[0], 'warning', 'yaml-syntax', { detail: w.message.split('\n')[0] ?? w.code }));
  Y().visit(doc, {
    Alias(_, node) {
      // Aliases are refused, not expanded: a few lines of anchors can otherwise grow into gigabytes.
      source.problems.push(at(node.range?.[0] ?? 0, 'error', 'yaml-alias', { name: node.source }));
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

/** Read a YAML file, refusing anything larger than MAX_BYTES before reading it. */
export function readSource(file: string): Source {
  const located = (code: string, params: Issue['params']): Source => ({
    file, text: '', value: undefined, problems: [{ file, line: 1, col: 1, severity: 'error', code, params }],
    locate: (i) => ({ file, line: 1, col: 1, severity: i.severity, code: i.code, params: i.params }),
  });
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    return located('file-unreadable', { detail: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  if (size > MAX_BYTES) return located('yaml-too-large', { bytes: size, max: MAX_BYTES });
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return located('file-unreadable', { detail: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  return parseSource(file, text);
}

export const located = (src: Source, issues: readonly Issue[]): Located[] => issues.map((i) => src.locate(i));
