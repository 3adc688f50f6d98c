// What every command gets: the UI language, output streams and the folders in use.
import { Chalk, type ChalkInstance } from 'chalk';
import { message } from '../core/i18n/messages.js';
import { sanitizeParams } from '../core/text/sanitize.js';
import { isLang, langFromLocale, type Lang } from '../core/i18n/lang.js';
import { UserError, EXIT } from '../errors.js';

export interface GlobalOptions { playbooks?: string; templates?: string; store?: string; lang?: string; color?: boolean; profile?: string }

export interface Context {
  lang: Lang;
  c: ChalkInstance;
  t(code: string, params?: Record<string, string | number>): string;
  out(line: string): void;
  err(line: string): void;
  opts: GlobalOptions;
  env: NodeJS.ProcessEnv;
}

export function resolveLang(option: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (option !== undefined) {
    if (!isLang(option)) throw new UserError(EXIT.usage, 'bad-lang', { lang: option });
    return option;
  }
  return localeLang(env);
}

/** The language of the locale; empty variables (LC_ALL=) do not count. */
export const localeLang = (env: NodeJS.ProcessEnv): Lang => langFromLocale(env.IRBOOK_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG);

/**
 * The colour level as Node and chalk read the environment: --no-color first; FORCE_COLOR wins
 * over NO_COLOR, and its value counts (0 or false: none; 2, 3: more colours; anything else: 16
 * colours); NO_COLOR, whatever its value, turns colour off; otherwise colour on a terminal only.
 */
export function colourLevel(option: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): 0 | 1 | 2 | 3 {
  if (option === false) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    return force === '2' ? 2 : force === '3' ? 3 : 1;
  }
  if ('NO_COLOR' in env) return 0;
  return isTTY ? 1 : 0;
}

export function makeContext(opts: GlobalOptions, env: NodeJS.ProcessEnv, io: { out(s: string): void; err(s: string): void; isTTY: boolean }): Context {
  const lang = resolveLang(opts.lang, env);
  return {
    lang,
    c: new Chalk({ level: colourLevel(opts.color, env, io.isTTY) }),
    // Parameters carry file names and journal text: nothing in them may act on the terminal.
    t: (code, params = {}) => message(code, sanitizeParams(params), lang),
    out: io.out,
    err: io.err,
    opts,
    env,
  };
}
