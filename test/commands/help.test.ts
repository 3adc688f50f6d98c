// `--help` speaks the UI language: --lang first, else the locale.
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

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
