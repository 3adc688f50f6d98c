// The commander program. Commands are imported only when run, so `--help` stays fast; this file
// holds the single catch that maps errors to exit codes.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { message } from '../core/i18n/messages.js';
import { langFromLocale } from '../core/i18n/lang.js';
import { EXIT, UserError } from '../errors.js';
import { makeContext, type Context, type GlobalOptions } from './context.js';

function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

type Run = (ctx: Context, ...args: never[]) => Promise<number>;

function program(run: (load: () => Promise<{ run: Run }>, ...args: unknown[]) => Promise<void>): Command {
  const p = new Command('irbook')
    .description('Incident-response runbooks for chat-tool incidents (WeChat/WeCom, LINE, DingTalk, Lark):\nYAML playbooks in git, a guided session with legal reporting clocks, reports for HQ and the authorities.')
    .version(version(), '-V, --version')
    .option('--playbooks <dir>', 'playbooks folder (env IRBOOK_PLAYBOOKS; default ./playbooks, else the shipped ones)')
    .option('--templates <dir>', 'templates folder (env IRBOOK_TEMPLATES; default the sibling of the playbooks folder)')
    .option('--store <dir>', 'incident store (env IRBOOK_STORE; default ./incidents)')
    .addOption(new Option('--lang <lang>', 'language of everything irbook prints (default from LANG)').choices(['ja', 'zh', 'en']))
    .option('--no-color', 'no colours (also NO_COLOR)')
    .showHelpAfterError()
    .exitOverride()
    .addHelpText('after', `
Exit codes: 0 ok · 1 internal error · 2 usage · 3 invalid playbook/template · 4 journal/storage · 5 verify failed · 130 cancelled

Examples:
  irbook list
  irbook validate playbooks
  irbook show chat-leak --lang ja
  irbook show chat-leak --mermaid > chat-leak.md`);

  p.command('list')
    .description('list the playbooks found (id, version, title, steps per stage)')
    .option('--json', 'machine-readable output')
    .action((o) => run(() => import('../commands/list.js'), o));

  p.command('validate')
    .description('check playbooks, clocks.yaml, parties.yaml and templates; every problem as file:line:col')
    .argument('[paths...]', 'files or folders (default: the playbooks folder and its templates)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--quiet', 'print errors only, no warnings or summary')
    .addHelpText('after', '\nExit 3 when any error is found; warnings do not fail.')
    .action((paths, o) => run(() => import('../commands/validate.js'), paths, o));

  p.command('show')
    .description('show a playbook as a readable outline, or as a Mermaid flowchart')
    .argument('<playbook>', 'a playbook id from the playbooks folder, or a path to a .yaml file')
    .option('--mermaid', 'print a Mermaid flowchart (paste into any Markdown viewer that renders Mermaid)')
    .action((id, o) => run(() => import('../commands/show.js'), id, o));

  return p;
}

// A reader that stops early (`irbook show x | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) stream.on('error', (e: NodeJS.ErrnoException) => { if (e.code !== 'EPIPE') throw e; });

export async function main(argv: readonly string[], io = { out: (s: string) => process.stdout.write(s + '\n'), err: (s: string) => process.stderr.write(s + '\n'), isTTY: Boolean(process.stdout.isTTY) }, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let code: number = EXIT.ok;
  let ctx: Context | undefined;
  const p = program(async (load, ...args) => {
    ctx = makeContext(p.opts<GlobalOptions>(), env, io);
    const mod = await load();
    code = await (mod.run as (c: Context, ...a: unknown[]) => Promise<number>)(ctx, ...args);
  });
  try {
    await p.parseAsync(argv as string[]);
    return code;
  } catch (e) {
    const lang = ctx?.lang ?? langFromLocale(env.LC_ALL ?? env.LANG);
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
