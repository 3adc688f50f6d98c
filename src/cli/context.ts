// What every command gets: the UI language, output streams and the folders in use.
import { Chalk, type ChalkInstance } from 'chalk';
import { message } from '../core/i18n/messages.js';
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

export function makeContext(opts: GlobalOptions, env: NodeJS.ProcessEnv, io: { out(s: string): void; err(s: string): void; isTTY: boolean }): Context {
  const lang = resolveLang(opts.lang, env);
  const colour = opts.color !== false && !('NO_COLOR' in env) && (io.isTTY || 'FORCE_COLOR' in env);
  return {
    lang,
    c: new Chalk({ level: colour ? 1 : 0 }),
    t: (code, params = {}) => message(code, params, lang),
    out: io.out,
    err: io.err,
    opts,
    env,
  };
}
