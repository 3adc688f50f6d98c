// Scalars that YAML 1.1 readers (PyYAML, older Ruby and Go tools in teams' pipelines) read
// differently from YAML 1.2: unquoted yes/no/on/off/y/n become booleans, and a `?` or `:` inside
// a plain scalar of a flow collection ({ en: When did it leak? }) is a syntax error there.
// `irbook validate` warns on them so that a playbook reads the same everywhere. A lexical scan,
// not a second parse: it runs on every file validate checks and must stay cheap.
import type { Located } from './yaml-source.js';

const BOOL11 = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;
const BLOCK_SCALAR = /(?:^|:\s|-\s)\s*[|>][+-]?\d*\s*(?:#.*)?$/;

interface Token { text: string; col: number; flow: boolean; quoted: boolean }

/** The scalars of one line: split at flow indicators, `: ` and `- `, quotes and comments kept apart. */
function tokens(line: string, depth: { n: number }): Token[] {
  const out: Token[] = [];
  let start = 0, end = line.length, quote = '';
  const push = (end: number) => {
    const raw = line.slice(start, end);
    const text = raw.trim();
    if (text) out.push({ text, col: start + raw.indexOf(text) + 1, flow: depth.n > 0, quoted: /^["']/.test(text) });
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if ((c === '"' || c === "'") && line.slice(start, i).trim() === '') { quote = c; continue; }
    if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) {
      end = i;
      break;
    }
    const sep = (c === ':' && (i + 1 === line.length || /\s/.test(line[i + 1] ?? '') || /["']\s*$/.test(line.slice(start, i))))
      || (c === '-' && line.slice(start, i).trim() === '' && /\s/.test(line[i + 1] ?? ' '));
    if (sep || (depth.n > 0 && c === ',') || '{}[]'.includes(c) && (depth.n > 0 || line.slice(start, i).trim() === '')) {
      push(i);
      if (c === '{' || c === '[') depth.n++;
      if ((c === '}' || c === ']') && depth.n > 0) depth.n--;
      start = i + 1;
    }
  }
  push(quote ? start : end);
  return out.filter((t) => !(quote && t.quoted));
}

export function yaml11Warnings(file: string, text: string): Located[] {
  const out: Located[] = [];
  const depth = { n: 0 };
  let blockIndent = -1;
  text.split('\n').forEach((line, i) => {
    const indent = line.search(/\S/);
    if (blockIndent >= 0) {
      if (indent < 0 || indent > blockIndent) return;
      blockIndent = -1;
    }
    if (depth.n === 0 && BLOCK_SCALAR.test(line)) blockIndent = indent;
    for (const t of tokens(line, depth)) {
      if (t.quoted) continue;
      const at = { file, line: i + 1, col: t.col, severity: 'warning' as const, params: { value: t.text } };
      if (BOOL11.test(t.text)) out.push({ ...at, code: 'yaml11-bool' });
      else if (t.flow && /[?:]/.test(t.text)) out.push({ ...at, code: 'yaml11-flow-scalar' });
    }
  });
  return out;
}
