// The commander program. Commands are imported only when run, so `--help` stays fast; this file
// holds the single catch that maps errors to exit codes.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { message } from '../core/i18n/messages.js';
import { isLang, type Lang } from '../core/i18n/lang.js';
import { EXIT, UserError } from '../errors.js';
import { localeLang, makeContext, type Context, type GlobalOptions } from './context.js';

function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

type Run = (ctx: Context, ...args: never[]) => Promise<number>;

function program(run: (load: () => Promise<{ run: Run }>, ...args: unknown[]) => Promise<void>, lang: Lang): Command {
  const h = (code: string) => message(code, {}, lang);
  const titles: Record<string, string> = { 'Usage:': h('help-usage'), 'Options:': h('help-options'), 'Commands:': h('help-commands'), 'Arguments:': h('help-arguments'), 'Global Options:': h('help-global-options') };
  const p = new Command('irbook')
    .configureHelp({ styleTitle: (t) => titles[t] ?? t })
    .helpOption('-h, --help', h('help-help'))
    .helpCommand('help [command]', h('help-help'))
    .description(h('help-1'))
    .version(version(), '-V, --version', h('help-version'))
    .option('--playbooks <dir>', h('help-2'))
    .option('--templates <dir>', h('help-3'))
    .option('--store <dir>', h('help-4'))
    .option('--profile <file>', h('help-profile'))
    .addOption(new Option('--lang <lang>', h('help-5')).choices(['ja', 'zh', 'en']))
    .option('--no-color', h('help-6'))
    .showHelpAfterError()
    .exitOverride()
    .addHelpText('after', h('help-after-global'));

  p.command('list')
    .description(h('help-7'))
    .option('--json', h('help-8'))
    .action((o) => run(() => import('../commands/list.js'), o));

  p.command('validate')
    .description(h('help-9'))
    .argument('[paths...]', h('help-10'))
    .addOption(new Option('--format <format>', h('help-11')).choices(['text', 'json']).default('text'))
    .option('--quiet', h('help-12'))
    .addHelpText('after', h('help-after-validate'))
    .action((paths, o) => run(() => import('../commands/validate.js'), paths, o));

  p.command('show')
    .description(h('help-13'))
    .argument('<playbook>', h('help-14'))
    .option('--mermaid', h('help-15'))
    .action((id, o) => run(() => import('../commands/show.js'), id, o));

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
    .option('-o, --out <file>', h('help-51'))
    .option('--tz <zone>', h('help-52'))
    .action((ids, o) => run(() => import('../commands/drill-compare.js'), ids, o));

  p.command('incidents')
    .description(h('help-53'))
    .option('--json', h('help-8'))
    .option('--exercises', h('help-54'))
    .action((o) => run(() => import('../commands/incidents.js'), o));

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
  }, helpLang(argv, env));
  try {
    await p.parseAsync(argv as string[]);
    return code;
  } catch (e) {
    const lang = ctx?.lang ?? helpLang(argv, env);
    if (e instanceof CommanderError) {
      // commander already printed help, the version or the usage error.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UserError) {
      io.err(`irbook: ${message(e.code, e.params, lang)}`);
      if (e.hint) io.err(`  → ${message(e.hint.code, e.hint.params ?? {}, lang)}`);
      return e.exit;
    }
    io.err(`irbook: ${message('internal-error', {}, lang)}`);
    io.err(e instanceof Error ? (e.stack ?? e.message) : String(e));
    return EXIT.internal;
  }
}
