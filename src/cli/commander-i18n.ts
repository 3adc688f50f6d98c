// commander speaks English only: its usage errors and the fragments of its help ([options],
// (choices: …), (default: …)) are recognised here and said again in the UI language. Unknown
// text passes through unchanged, so a new commander message is English rather than lost.
import { message } from '../core/i18n/messages.js';
import type { Lang } from '../core/i18n/lang.js';

const ERRORS: [RegExp, string, string[]][] = [
  [/^error: unknown command '(.*)'$/, 'cli-unknown-command', ['name']],
  [/^error: unknown option '(.*)'$/, 'cli-unknown-option', ['name']],
  [/^error: missing required argument '(.*)'$/, 'cli-missing-argument', ['name']],
  [/^error: option '(.*)' argument missing$/, 'cli-option-missing-argument', ['flags']],
  [/^error: required option '(.*)' not specified$/, 'cli-required-option', ['flags']],
  [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/, 'cli-invalid-choice', ['flags', 'value', 'choices']],
  [/^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/, 'cli-too-many-arguments', ['command', 'expected', 'got']],
];

/** A commander error message (with its "(Did you mean …?)" line, if any) in the UI language. */
export function commanderError(text: string, lang: Lang): { line: string; suggestion?: string } {
  const [first = '', ...rest] = text.trim().split('\n');
  const suggestion = /\(Did you mean (.+)\?\)/.exec(rest.join(' '))?.[1];
  for (const [re, code, names] of ERRORS) {
    const m = re.exec(first);
    if (m) {
      const params = Object.fromEntries(names.map((n, i) => [n, m[i + 1] ?? '']));
      return { line: message(code, params, lang), ...(suggestion ? { suggestion } : {}) };
    }
  }
  return { line: first.replace(/^error: /, ''), ...(suggestion ? { suggestion } : {}) };
}

const FRAGMENTS: [RegExp, string][] = [
  [/\[options\]/g, 'help-frag-options'],
  [/\[command\]/g, 'help-frag-command'],
  [/\(choices: /g, 'help-frag-choices'],
  [/\(default: /g, 'help-frag-default'],
  [/, default: /g, 'help-frag-and-default'],
];

/** commander's help text with its fixed fragments in the UI language. */
export const localizeHelp = (text: string, lang: Lang): string =>
  lang === 'en' ? text : FRAGMENTS.reduce((s, [re, code]) => s.replace(re, message(code, {}, lang)), text);
