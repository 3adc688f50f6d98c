// Scalars that YAML 1.1 readers (PyYAML, older Ruby and Go tools in teams' pipelines) read
// differently from YAML 1.2: unquoted yes/no/on/off/y/n become booleans, and a `?` or `:` inside
// a plain scalar of a flow collection ({ en: When did it leak? }) is a syntax error there.
// `irbook validate` warns on them so that a playbook reads the same everywhere.
import { createRequire } from 'node:module';
import type { Located } from './yaml-source.js';

type YamlLib = typeof import('yaml');
const Y = (): YamlLib => createRequire(import.meta.url)('yaml') as YamlLib;

const BOOL11 = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;
// A cheap look before parsing: most files have neither.
const MAYBE = /(?:^|[\s:,[{-])(?:y|yes|no|n|on|off)\s*(?:$|[#:,}\]])|[{[][^\n]*[?:]/im;

export function yaml11Warnings(file: string, text: string): Located[] {
  if (!MAYBE.test(text)) return [];
  const y = Y();
  const lines = new y.LineCounter();
  const doc = y.parseDocument(text, { lineCounter: lines });
  if (doc.errors.length) return [];
  const out: Located[] = [];
  const warn = (offset: number, code: string, value: string) => {
    const p = lines.linePos(offset);
    out.push({ file, line: p.line, col: p.col, severity: 'warning', code, params: { value } });
  };
  y.visit(doc, {
    Scalar(_, node, path) {
      if (node.type !== 'PLAIN' || typeof node.source !== 'string') return;
      const at = node.range?.[0] ?? 0;
      if (BOOL11.test(node.source)) warn(at, 'yaml11-bool', node.source);
      else if (/[?:]/.test(node.source) && path.some((a) => (y.isMap(a) || y.isSeq(a)) && a.flow)) warn(at, 'yaml11-flow-scalar', node.source);
    },
  });
  return out;
}
