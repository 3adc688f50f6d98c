// Playbooks with unbounded expressions are refused by `validate` at the costly macro, quickly, with
// exit 3; a catastrophic-backtracking pattern is accepted because `matches` runs in linear time.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const irbook = (...args: string[]) => {
  const t = Date.now();
  const r = spawnSync(process.execPath, ['bin/irbook.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', IRBOOK_LANG: 'en' }, timeout: 30_000 });
  return { ...r, ms: Date.now() - t };
};
const F = 'test/fixtures/hostile';

describe('validate and costly expressions', () => {
  it.each([
    ['cel-nested-4x100', '22:23 error recommend is too costly: up to 1.0e+9 evaluation steps', 'cel-too-costly'],
    ['cel-nested-5x60', '22:23 error recommend is too costly: up to 9.4e+9 evaluation steps', 'cel-too-costly'],
    ['cel-regex-lookahead', "22:36 error recommend: invalid regular expression '^(?=a)a'", 'cel-bad-pattern'],
  ])('%s is refused with exit 3 at the place, in a few seconds at most', (name, where, code) => {
    const r = irbook('validate', `${F}/${name}.yaml`);
    expect(r.status).toBe(3);
    expect(r.stdout).toContain(`${F}/${name}.yaml:${where}`);
    expect(r.stdout).toContain(`[${code}]`);
    expect(r.ms).toBeLessThan(5_000);
  });

  it('the backtracking pattern fixture is valid: matches cannot backtrack', () => {
    const r = irbook('validate', `${F}/cel-regex-redos.yaml`);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});
