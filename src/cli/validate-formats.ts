// The output formats of `irbook validate`. Only `text` speaks the UI language; json, github and
// sarif are for machines (problem matchers, code scanning) and always use English and the
// severity words error / warning.
import { relative, isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { message } from '../core/i18n/messages.js';
import type { Located } from '../adapters/yaml-source.js';
import type { Source } from '../adapters/dirs.js';

export const VALIDATE_FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

export interface Checked { file: string; source: Source }
export interface Outcome { files: Checked[]; problems: (Located & { source: Source })[]; errors: number; warnings: number }

const en = (p: Located) => message(p.code, p.params, 'en');
const shown = (file: string) => {
  const r = relative(process.cwd(), file);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r : file;
};

export function json(o: Outcome, version: string): string {
  return JSON.stringify({
    tool: { name: 'irbook', version },
    files: o.files.length, errors: o.errors, warnings: o.warnings,
    checked: o.files.map((f) => ({ file: shown(f.file), source: f.source })),
    problems: o.problems.map((p) => ({ ...p, file: shown(p.file), message: en(p) })),
  }, null, 2);
}

// GitHub workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github = (o: Outcome): string[] =>
  o.problems.map((p) => `::${p.severity} file=${prop(shown(p.file))},line=${p.line},col=${p.col},title=${prop(`irbook ${p.code}`)}::${data(en(p))}`);

/** SARIF 2.1.0, as GitHub code scanning reads it: one rule per message code, relative URIs. */
export function sarif(o: Outcome, version: string): string {
  const codes = [...new Set(o.problems.map((p) => p.code))].sort();
  const uri = (file: string) => {
    const s = shown(file);
    return isAbsolute(s) ? { uri: pathToFileURL(s).href } : { uri: s.split('\\').join('/'), uriBaseId: '%SRCROOT%' };
  };
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'irbook', version, informationUri: 'https://github.com/irbook/irbook',
          rules: codes.map((id) => ({ id, shortDescription: { text: id } })),
        },
      },
      results: o.problems.map((p) => ({
        ruleId: p.code,
        ruleIndex: codes.indexOf(p.code),
        level: p.severity,
        message: { text: en(p) },
        locations: [{ physicalLocation: { artifactLocation: uri(p.file), region: { startLine: p.line, startColumn: p.col } } }],
      })),
    }],
  }, null, 2);
}
