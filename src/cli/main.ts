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

  p.command('start')
    .description('open a new incident and walk through the playbook, stage by stage')
    .argument('<playbook>', 'a playbook id from the playbooks folder, or a path to a .yaml file')
    .option('--actor <name>', 'who is responding (default: the answers file, IRBOOK_ACTOR, or the login name)')
    .option('--tz <zone>', 'time zone for times typed without an offset (IANA, e.g. Asia/Shanghai)')
    .option('--exercise', 'a drill: marked 訓練 / 演练 / EXERCISE everywhere, not counted as a real incident')
    .option('--answers <file>', 'answer from a YAML file instead of prompting (automation, drills, tests)')
    .option('--clock <time>', 'simulated clock start (ISO time); each answer advances it by --pace')
    .option('--pace <duration>', 'simulated time per answer (ISO duration, default PT1M)')
    .option('--speed <n>', 'drill clock running n times faster than real time (60: a minute is an hour)')
    .option('--scenario <file>', 'drill injects: YAML {injects: [{after: PT2H, text: {ja, zh, en}}]}')
    .addHelpText('after', `
Every answer is written to incidents/<INC-YYYYMMDD-NNN>/journal.jsonl (fsync'd) before the next
question appears. Ctrl-C stops safely (exit 130); carry on with irbook resume <INCIDENT>.
Without a terminal, --answers is required. Answers file: see README ("Answers file").`)
    .action((id, o) => run(() => import('../commands/start.js'), id, o));

  p.command('resume')
    .description('carry on an interrupted session from its journal')
    .argument('<incident>', 'incident id, e.g. INC-20261123-001')
    .option('--actor <name>', 'who is responding now')
    .option('--tz <zone>', 'time zone (default: the one the session started with)')
    .option('--answers <file>', 'answer the remaining steps from a YAML file')
    .option('--scenario <file>', 'drill injects (as for start)')
    .option('--allow-changed-playbook', 'carry on even though the playbook file changed since the start')
    .action((id, o) => run(() => import('../commands/resume.js'), id, o));

  p.command('status')
    .description('stage, next step and reporting clocks of one incident (or all open ones)')
    .argument('[incident]', 'incident id')
    .option('--json', 'machine-readable output')
    .action((id, o) => run(() => import('../commands/status.js'), id, o));

  p.command('timeline')
    .description('every event of an incident with its time, as a table')
    .argument('<incident>', 'incident id')
    .option('--json', 'machine-readable output')
    .option('--tz <zone>', 'show times in this zone (default: the session\'s)')
    .action((id, o) => run(() => import('../commands/timeline.js'), id, o));

  p.command('note')
    .description('add a note to an incident\'s journal')
    .argument('<incident>', 'incident id')
    .argument('<text...>', 'the note')
    .option('--actor <name>', 'who writes it')
    .action((id, text, o) => run(() => import('../commands/note.js'), id, text, o));

  p.command('evidence')
    .description('register evidence files (sha256, size and path are journaled; the files stay where they are)')
    .argument('<incident>', 'incident id')
    .argument('<files...>', 'evidence files')
    .option('--actor <name>', 'who registers them')
    .option('--note <text>', 'what the files are')
    .action((id, files, o) => run(() => import('../commands/evidence.js'), id, files, o));

  p.command('verify')
    .description('check the journal\'s hash chain; exit 5 naming the first bad line')
    .argument('<incident>', 'incident id')
    .option('--json', 'machine-readable output')
    .action((id, o) => run(() => import('../commands/verify.js'), id, o));

  p.command('report')
    .description('a report from the journal: hq (ja), authority (zh), ppc (ja), summary (en), drill')
    .argument('<incident>', 'incident id')
    .requiredOption('-t, --template <id>', 'report template from the templates folder (hq, authority, ppc, summary, …)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['pdf', 'md', 'json']).default('pdf'))
    .option('-o, --out <file>', 'output file (default incidents/<id>/report-<template>.<ext>; - for stdout with md/json)')
    .option('--force', 'overwrite an existing file')
    .addHelpText('after', '\nThe same journal always gives the same report (the generated-at time aside). A report of an\nunfinished session says so on its first page.')
    .action((id, o) => run(() => import('../commands/report.js'), id, o));

  const drill = p.command('drill').description('drills: compare several runs of the same playbook');
  drill.command('compare')
    .description('a table (and a chart in md/pdf) of the same playbook drilled several times')
    .argument('<incidents...>', 'two or more drill incidents of one playbook')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'md', 'pdf', 'json']).default('text'))
    .option('-o, --out <file>', 'output file (md, pdf)')
    .option('--tz <zone>', 'time zone for the start times (default: the first drill\'s)')
    .action((ids, o) => run(() => import('../commands/drill-compare.js'), ids, o));

  p.command('incidents')
    .description('the incidents in the store, with state and open clocks')
    .option('--json', 'machine-readable output')
    .option('--exercises', 'include drills')
    .action((o) => run(() => import('../commands/incidents.js'), o));

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
