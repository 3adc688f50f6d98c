// irbook completion bash|zsh|fish: a completion script made from the command tree itself, so a
// new command or option completes without touching this file.
import type { Command } from 'commander';
import type { Context } from '../cli/context.js';

interface Entry { path: string; description: string; options: string[] }

/** Every command (subcommands as "drill compare") with its long and short options. */
function entries(root: Command): Entry[] {
  const out: Entry[] = [];
  const walk = (c: Command, prefix: string): void => {
    for (const sub of c.commands) {
      const path = `${prefix}${sub.name()}`;
      const options = sub.options.filter((o) => !o.hidden).flatMap((o) => [o.long, o.short]).filter((f): f is string => Boolean(f));
      out.push({ path, description: sub.description().split('\n')[0] ?? '', options: [...options, '--help'] });
      walk(sub, `${path} `);
    }
  };
  walk(root, '');
  return out;
}

const globals = (root: Command) => root.options.filter((o) => !o.hidden).flatMap((o) => [o.long, o.short]).filter((f): f is string => Boolean(f));
const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function bash(root: Command): string {
  const top = entries(root).filter((e) => !e.path.includes(' '));
  const cases = entries(root).map((e) => {
    const subs = entries(root).filter((x) => x.path.startsWith(`${e.path} `) && !x.path.slice(e.path.length + 1).includes(' ')).map((x) => x.path.split(' ').pop());
    return `    ${sq(e.path)}) words=${sq([...subs, ...e.options].join(' '))} ;;`;
  });
  return `# irbook completion for bash: source <(irbook completion bash)
_irbook() {
  local cur=\${COMP_WORDS[COMP_CWORD]} path="" i words
  for ((i = 1; i < COMP_CWORD; i++)); do
    case \${COMP_WORDS[i]} in -*) ;; *) path="\${path:+$path }\${COMP_WORDS[i]}" ;; esac
  done
  case $path in
    '') words=${sq([...top.map((e) => e.path), ...globals(root)].join(' '))} ;;
${cases.join('\n')}
    *) words="" ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -F _irbook irbook
`;
}

function zsh(root: Command): string {
  const all = entries(root);
  const cases = all.map((e) => {
    const subs = all.filter((x) => x.path.startsWith(`${e.path} `)).map((x) => `${x.path.split(' ').pop()}:${x.description.replace(/:/g, '\\:')}`);
    return `    ${sq(e.path)}) subs=(${subs.map(sq).join(' ')}); opts=(${e.options.map(sq).join(' ')}) ;;`;
  });
  const top = all.filter((e) => !e.path.includes(' ')).map((e) => sq(`${e.path}:${e.description.replace(/:/g, '\\:')}`));
  return `#compdef irbook
# irbook completion for zsh: irbook completion zsh > "\${fpath[1]}/_irbook" (or source it)
_irbook() {
  local -a subs opts words_ path=""
  local w
  for w in \${words[2,CURRENT-1]}; do [[ $w == -* ]] || path="\${path:+$path }$w"; done
  case $path in
    '') subs=(${top.join(' ')}); opts=(${globals(root).map(sq).join(' ')}) ;;
${cases.join('\n')}
  esac
  (( \${#subs} )) && _describe 'command' subs
  compadd -- $opts
  _files
}
if (( $+functions[compdef] )); then compdef _irbook irbook; fi
`;
}

function fish(root: Command): string {
  const lines = ['# irbook completion for fish: irbook completion fish > ~/.config/fish/completions/irbook.fish', 'complete -c irbook -f'];
  for (const e of entries(root)) {
    const parts = e.path.split(' ');
    const name = parts.pop() ?? '';
    const cond = parts.length ? `__fish_seen_subcommand_from ${parts.join(' ')}` : '__fish_use_subcommand';
    lines.push(`complete -c irbook -n ${sq(cond)} -a ${sq(name)} -d ${sq(e.description)}`);
    for (const o of e.options) {
      const flag = o.startsWith('--') ? `-l ${o.slice(2)}` : `-s ${o.slice(1)}`;
      lines.push(`complete -c irbook -n ${sq(`__fish_seen_subcommand_from ${name}`)} ${flag}`);
    }
  }
  return lines.join('\n') + '\n';
}

export async function run(ctx: Context, shell: 'bash' | 'zsh' | 'fish', program: Command): Promise<number> {
  ctx.out({ bash, zsh, fish }[shell](program).trimEnd());
  return 0;
}
