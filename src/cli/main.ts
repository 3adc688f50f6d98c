// The commander program. Commands are imported only when run, so `--help` stays fast; this file
// holds the single catch that maps errors to exit codes.
import { Argument, Command, CommanderError, Help, Option } from 'commander';
import { message } from '../core/i18n/messages.js';
import { isLang, type Lang } from '../core/i18n/lang.js';
import { EXIT, UserError } from '../errors.js';
import { sanitizeParams } from '../core/text/sanitize.js';
import { localeLang, makeContext, type Context, type GlobalOptions } from './context.js';
import { VALIDATE_FORMATS } from './validate-formats.js';
import { commanderError, localizeHelp } from './commander-i18n.js';
import { EXAMPLES } from './examples.js';
import { irbookVersion } from '../adapters/dirs.js';

export { exitCleanlyOnSignals } from './signals.js';

type Run = (ctx: Context, ...args: never[]) => Promise<number>;

/** Settings every command inherits (commander copies them when a command is added): help in the
 *  UI language, and usage errors said once, localized, without the whole help after them. */
function conventions(p: Command, lang: Lang, err: (s: string) => void): Command {
  const h = (code: string) => message(code, {}, lang);
  const titles: Record<string, string> = { 'Usage:': h('help-usage'), 'Options:': h('help-options'), 'Commands:': h('help-commands'), 'Arguments:': h('help-arguments'), 'Global Options:': h('help-global-options') };
  return p
    .configureHelp({
      styleTitle: (t) => titles[t] ?? t,
      // Descriptions before commander wraps them; then the usage line's [options] / [command].
      optionDescription(this: Help, o) { return localizeHelp(Help.prototype.optionDescription.call(this, o), lang); },
      argumentDescription(this: Help, a) { return localizeHelp(Help.prototype.argumentDescription.call(this, a), lang); },
      formatHelp(this: Help, cmd, helper) { return localizeHelp(Help.prototype.formatHelp.call(this, cmd, helper), lang); },
    })
    .configureOutput({
      outputError: (text) => {
        const e = commanderError(text, lang);
        err(`irbook: ${e.line}`);
        if (e.suggestion) err(`  → ${message('hint-did-you-mean', { name: e.suggestion.replace(/^'|'$/g, '') }, lang)}`);
      },
    })
    .exitOverride();
}

/** "Examples:" at the end of every command's help that has some (src/cli/examples.ts). */
function addExamples(c: Command, lang: Lang, path = ''): void {
  for (const sub of c.commands) {
    const key = `${path}${sub.name()}`;
    const lines = EXAMPLES[key];
    if (lines) sub.addHelpText('after', `\n${message('help-examples', {}, lang)}\n${lines.map((l) => `  ${l}`).join('\n')}`);
    addExamples(sub, lang, `${key} `);
  }
}

function program(run: (load: () => Promise<{ run: Run }>, ...args: unknown[]) => Promise<void>, lang: Lang, err: (s: string) => void): Command {
  const h = (code: string) => message(code, {}, lang);
  const p = conventions(new Command('irbook'), lang, err)
    .helpOption('-h, --help', h('help-help'))
    .helpCommand('help [command]', h('help-help'))
    .description(h('help-1'))
    .version(irbookVersion(), '-v, --version', h('help-version'))
    .addOption(new Option('-V').hideHelp())
    // -V as well as -v: the same handler as --version (commander allows one flag pair per option).
    .on('option:V', () => (p as unknown as NodeJS.EventEmitter).emit('option:version'))
    .option('--playbooks <dir>', h('help-2'))
    .option('--templates <dir>', h('help-3'))
    .option('--store <dir>', h('help-4'))
    .option('--profile <file>', h('help-profile'))
    .addOption(new Option('--lang <lang>', h('help-5')).choices(['ja', 'zh', 'en']))
    .option('--no-color', h('help-6'))
    .addHelpText('after', h('help-after-global'));

  p.command('list')
    .description(h('help-7'))
    .option('--json', h('help-8'))
    .action((o) => run(() => import('../commands/list.js'), o));

  p.command('validate')
    .description(h('help-9'))
    .argument('[paths...]', h('help-10'))
    .addOption(new Option('--format <format>', h('help-11')).choices([...VALIDATE_FORMATS]).default('text'))
    .option('--json', h('help-8'))
    .option('--max-warnings <n>', h('help-max-warnings'))
    .option('--strict', h('help-strict'))
    .option('--quiet', h('help-12'))
    .option('--deep', h('help-validate-deep'))
    .addHelpText('after', h('help-after-validate'))
    .action((paths, o) => run(() => import('../commands/validate.js'), paths, o));

  p.command('show')
    .description(h('help-13'))
    .argument('<playbook>', h('help-14'))
    .addOption(new Option('--format <format>', h('help-11')).choices(['text', 'mermaid', 'json']).default('text'))
    .option('--json', h('help-8'))
    .addOption(new Option('--mermaid', h('help-15')).hideHelp())
    .action((id, o: { format: string; json?: boolean; mermaid?: boolean }) => run(() => import('../commands/show.js'), id, { format: o.json ? 'json' : o.mermaid ? 'mermaid' : o.format }));

  p.command('simulate')
    .description(h('help-simulate'))
    .argument('<playbook>', h('help-14'))
    .requiredOption('--facts <file|json>', h('help-simulate-facts'))
    .option('--answer <step=value>', h('help-simulate-answer'), (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--tz <zone>', h('help-simulate-tz'))
    .option('--json', h('help-8'))
    .addHelpText('after', h('help-after-simulate'))
    .action((id, o) => run(() => import('../commands/simulate.js'), id, o));

  p.command('start')
    .description(h('help-16'))
    .argument('<playbook>', h('help-14'))
    .option('--actor <name>', h('help-17'))
    .option('--tz <zone>', h('help-18'))
    .option('--exercise', h('help-19'))
    .option('--answers <file>', h('help-20'))
    .option('--clock <time>', h('help-21'))
    .option('--pace <duration>', h('help-22'))
    .option('--speed <n>', h('help-23'))
    .option('--scenario <file>', h('help-24'))
    .addHelpText('after', h('help-after-start'))
    .action((id, o) => run(() => import('../commands/start.js'), id, o));

  p.command('resume')
    .description(h('help-25'))
    .argument('<incident>', h('help-26'))
    .option('--actor <name>', h('help-27'))
    .option('--tz <zone>', h('help-28'))
    .option('--answers <file>', h('help-29'))
    .option('--scenario <file>', h('help-30'))
    .option('--allow-changed-playbook', h('help-31'))
    .action((id, o) => run(() => import('../commands/resume.js'), id, o));

  p.command('status')
    .description(h('help-32'))
    .argument('[incident]', h('help-33'))
    .option('--json', h('help-8'))
    .action((id, o) => run(() => import('../commands/status.js'), id, o));

  p.command('timeline')
    .description(h('help-34'))
    .argument('<incident>', h('help-33'))
    .option('--json', h('help-8'))
    .option('--tz <zone>', h('help-35'))
    .action((id, o) => run(() => import('../commands/timeline.js'), id, o));

  p.command('note')
    .description(h('help-36'))
    .argument('<incident>', h('help-33'))
    .argument('<text...>', h('help-37'))
    .option('--actor <name>', h('help-38'))
    .action((id, text, o) => run(() => import('../commands/note.js'), id, text, o));

  p.command('evidence')
    .description(h('help-39'))
    .argument('<incident>', h('help-33'))
    .argument('<files...>', h('help-40'))
    .option('--actor <name>', h('help-41'))
    .option('--note <text>', h('help-42'))
    .action((id, files, o) => run(() => import('../commands/evidence.js'), id, files, o));

  p.command('amend')
    .description(h('help-amend'))
    .argument('<incident>', h('help-33'))
    .argument('<name>', h('help-amend-name'))
    .argument('<value>', h('help-amend-value'))
    .option('--reason <text>', h('help-reason'))
    .option('--actor <name>', h('help-actor'))
    .action((id, name, value, o) => run(() => import('../commands/amend.js'), id, name, value, o));

  p.command('defer')
    .description(h('help-defer'))
    .argument('<incident>', h('help-33'))
    .argument('<step>', h('help-defer-step'))
    .option('--reason <text>', h('help-reason'))
    .option('--owner <who>', h('help-owner'))
    .option('--until <time>', h('help-until'))
    .option('--actor <name>', h('help-actor'))
    .action((id, step, o) => run(() => import('../commands/defer.js'), id, step, o));

  p.command('resolve')
    .description(h('help-resolve'))
    .argument('<incident>', h('help-33'))
    .argument('<item>', h('help-item'))
    .option('--reason <text>', h('help-reason'))
    .option('--actor <name>', h('help-actor'))
    .action((id, item, o) => run(() => import('../commands/resolve.js'), id, item, o));

  p.command('close')
    .description(h('help-close'))
    .argument('<incident>', h('help-33'))
    .option('--reason <text>', h('help-reason'))
    .option('--waive', h('help-waive'))
    .option('--actor <name>', h('help-actor'))
    .action((id, o) => run(() => import('../commands/close.js'), id, o));

  p.command('verify')
    .description(h('help-43'))
    .argument('<incident>', h('help-33'))
    .option('--json', h('help-8'))
    .option('--expect <heads...>', h('help-verify-expect'))
    .option('--report <files...>', h('help-verify-report'))
    .option('--allowed-signers <file>', h('help-verify-signers'))
    .action((id, o) => run(() => import('../commands/verify.js'), id, o));

  p.command('sync')
    .description(h('help-sync'))
    .argument('[incident]', h('help-sync-incident'))
    .action((id, o) => run(() => import('../commands/sync.js'), id, o));

  p.command('seal')
    .description(h('help-seal'))
    .argument('<incident>', h('help-33'))
    .option('--key <file>', h('help-seal-key'))
    .option('--actor <name>', h('help-41'))
    .action((id, o) => run(() => import('../commands/seal.js'), id, o));

  p.command('report')
    .description(h('help-44'))
    .argument('<incident>', h('help-33'))
    .requiredOption('-t, --template <id>', h('help-45'))
    .addOption(new Option('-f, --format <format>', h('help-11')).choices(['pdf', 'md', 'json']).default('pdf'))
    .option('-o, --out <file>', h('help-46'))
    .option('--force', h('help-47'))
    .option('--draft', h('help-report-draft'))
    .option('--appendix', h('help-report-appendix'))
    .addHelpText('after', h('help-after-report'))
    .action((id, o) => run(() => import('../commands/report.js'), id, o));

  const drill = p.command('drill').description(h('help-48'));
  drill.command('compare')
    .description(h('help-49'))
    .argument('<incidents...>', h('help-50'))
    .addOption(new Option('-f, --format <format>', h('help-11')).choices(['text', 'md', 'pdf', 'json']).default('text'))
    .option('--json', h('help-8'))
    .option('-o, --out <file>', h('help-51'))
    .option('--force', h('help-47'))
    .option('--tz <zone>', h('help-52'))
    .action((ids, o: { json?: boolean; format: string }) => run(() => import('../commands/drill-compare.js'), ids, { ...o, format: o.json ? 'json' : o.format }));

  p.command('init')
    .description(h('help-init'))
    .argument('[dir]', h('help-init-dir'))
    .option('--example <playbook>', h('help-init-example'))
    .option('--force', h('help-init-force'))
    .action((dir, o) => run(() => import('../commands/init.js'), dir, o));

  p.command('incidents')
    .description(h('help-53'))
    .option('--json', h('help-8'))
    .option('--exercises', h('help-54'))
    .action((o) => run(() => import('../commands/incidents.js'), o));

  p.command('completion')
    .description(h('help-completion'))
    .addArgument(new Argument('<shell>', h('help-completion-shell')).choices(['bash', 'zsh', 'fish']))
    .action((shell) => run(() => import('../commands/completion.js'), shell, p));

  addExamples(p, lang);
  return p;
}

// A reader that stops early (`irbook show x | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) stream.on('error', (e: NodeJS.ErrnoException) => { if (e.code !== 'EPIPE') throw e; });

/** The language of the help and of errors before the options are parsed: --lang, else the locale. */
function helpLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const given = i < 0 ? undefined : argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  return given && isLang(given) ? given : localeLang(env);
}

export async function main(argv: readonly string[], io = { out: (s: string) => process.stdout.write(s + '\n'), err: (s: string) => process.stderr.write(s + '\n'), isTTY: Boolean(process.stdout.isTTY) }, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let code: number = EXIT.ok;
  let ctx: Context | undefined;
  const p = program(async (load, ...args) => {
    ctx = makeContext(p.opts<GlobalOptions>(), env, io);
    const mod = await load();
    code = await (mod.run as (c: Context, ...a: unknown[]) => Promise<number>)(ctx, ...args);
  }, helpLang(argv, env), io.err);
  try {
    await p.parseAsync(argv as string[]);
    return code;
  } catch (e) {
    const lang = ctx?.lang ?? helpLang(argv, env);
    if (e instanceof CommanderError) {
      // commander already printed help, the version or the (localized) usage error.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    // Ctrl-C at a prompt: the walk says where the answers are and how to resume (a UserError).
    if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) {
      io.err('');
      return EXIT.cancelled;
    }
    if (e instanceof UserError) {
      if (e.exit === EXIT.cancelled) io.err('');
      io.err(`irbook: ${message(e.code, sanitizeParams(e.params), lang)}`);
      if (e.hint) io.err(`  → ${message(e.hint.code, sanitizeParams(e.hint.params ?? {}), lang)}`);
      return e.exit;
    }
    io.err(`irbook: ${message('internal-error', {}, lang)}`);
    io.err(e instanceof Error ? (e.stack ?? e.message) : String(e));
    return EXIT.internal;
  }
}
