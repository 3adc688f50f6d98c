// `--help` speaks the UI language: --lang first, else the locale.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const help = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/irbook.js', ...args], { encoding: 'utf8', env: { ...process.env, IRBOOK_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C', ...env } });

it.each([
  [['--help', '--lang', 'ja'], {}, /使い方:[\s\S]*新しいインシデントを開始/],
  [['start', '--help'], { LANG: 'zh_CN.UTF-8' }, /用法：[\s\S]*模拟时钟的起始时间[\s\S]*没有终端时必须使用 --answers/],
  [['report', '--help'], {}, /Usage:[\s\S]*The same journal always gives the same report/],
])('irbook %j (%j)', (args, env, expected) => {
  const r = help(args, env);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(expected);
});

// The CLI's conventions: localized commander messages, a typo answered with a suggestion only,
// examples in every command's help, -v, colour as Node defines it, shell completion.
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/irbook.js', ...args], { encoding: 'utf8', env: { ...process.env, IRBOOK_LANG: 'en', NO_COLOR: '1', ...env } });

describe('usage errors', () => {
  it('a command typo gives the suggestion, not the whole help', () => {
    const r = cli(['valdate']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`irbook: unknown command 'valdate'`, '  → did you mean "validate"?']);
    expect(r.stdout).toBe('');
  });

  it.each([
    [['valdate'], 'ja', "不明なコマンド 'valdate'"],
    [['show'], 'zh', "缺少必需参数 'playbook'"],
    [['validate', '--format', 'xml'], 'ja', "オプション '--format <format>' に 'xml' は指定できません（選択肢: text, json, github, sarif）"],
    [['list', '--jsn'], 'zh', "未知选项 '--jsn'"],
  ])('%j in %s', (args, lang, expected) => {
    const r = cli([...args, '--lang', lang]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(expected);
    expect(r.stderr).not.toMatch(/error: /);
  });

  it('help fragments are localized', () => {
    const ja = cli(['validate', '--help', '--lang', 'ja']).stdout;
    expect(ja).toContain('irbook validate [オプション]');
    expect(ja).toContain('(選択肢: "text", "json", "github", "sarif"、既定: "text")');
    expect(cli(['--help', '--lang', 'zh']).stdout).toContain('[选项] [命令]');
  });
});

describe('help and version', () => {
  const commands = cli(['completion', 'bash']).stdout.match(/^ {4}'([a-z ]+)'\)/gm)!.map((l) => l.trim().slice(1, -2));

  it('every command has examples in its help', () => {
    expect(commands).toEqual(expect.arrayContaining(['list', 'validate', 'init', 'drill compare', 'completion']));
    for (const c of commands) {
      const r = cli([...c.split(' '), '--help']);
      expect(r.stdout, c).toMatch(/\nExamples:\n {2}irbook /);
    }
  });

  it.each([['-v'], ['-V'], ['--version']])('%s prints the version', (flag) => {
    const r = cli([flag]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('colour', () => {
  const broken = ['validate', 'test/fixtures/invalid/unknown-key.yaml'];
  const ansi = /\x1b\[\d+m/;
  it.each([
    [{ FORCE_COLOR: '0' }, false],
    [{ FORCE_COLOR: 'false' }, false],
    [{ FORCE_COLOR: '1' }, true],
    [{ FORCE_COLOR: '' }, true],
    [{}, false],
  ])('%j → colour %s (not a terminal, NO_COLOR unset)', (env, coloured) => {
    const base = { ...process.env, IRBOOK_LANG: 'en' } as Record<string, string>;
    delete base.NO_COLOR;
    delete base.FORCE_COLOR;
    const r = spawnSync(process.execPath, ['bin/irbook.js', ...broken], { encoding: 'utf8', env: { ...base, ...env } });
    expect(ansi.test(r.stdout)).toBe(coloured);
  });

  it('NO_COLOR turns colour off, --no-color too', () => {
    expect(ansi.test(cli(broken).stdout)).toBe(false);
    expect(ansi.test(cli([...broken, '--no-color'], { FORCE_COLOR: '1' }).stdout)).toBe(false);
  });
});

describe('irbook completion', () => {
  it('the bash script loads and completes a subcommand', () => {
    const script = cli(['completion', 'bash']).stdout;
    expect(spawnSync('bash', ['-n'], { input: script }).status).toBe(0);
    const complete = (line: string) => {
      const words = line.split(' ');
      const probe = `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _irbook; printf '%s\\n' "\${COMPREPLY[@]}"`;
      return spawnSync('bash', ['-c', probe], { encoding: 'utf8' }).stdout.trim().split('\n');
    };
    expect(complete('irbook val')).toEqual(['validate']);
    expect(complete('irbook validate --for')).toEqual(['--format']);
    expect(complete('irbook drill c')).toEqual(['compare']);
  });

  it.each([['zsh', /compdef _irbook irbook/], ['fish', /complete -c irbook -n '__fish_use_subcommand' -a 'validate'/]])('%s', (shell, expected) => {
    const r = cli(['completion', shell]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(expected);
    const check = spawnSync(shell, ['-n'], { input: r.stdout });
    if (!check.error) expect(check.status, String(check.stderr)).toBe(0);
  });

  it('an unknown shell is refused', () => {
    expect(cli(['completion', 'tcsh']).status).toBe(2);
  });
});
