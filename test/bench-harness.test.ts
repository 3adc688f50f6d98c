// The pure half of `npm run bench` (test/bench/table.js): statistics, goals judged from a run's
// numbers, and the README block writer.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS, run by node as `npm run bench` without a build step
import { BLOCK_END, BLOCK_START, judge, readmeBlock, replaceBlock, stats, summary } from './bench/table.js';

const machine = { date: '2026-12-02 16:00 UTC', nproc: 2, cpuModel: 'Test CPU', node: 'v20.20.2', platform: 'linux', loadBefore: '1.00', loadAfter: '2.00', quick: false };
const row = (time: number[], floor: number[] | undefined, goals: any[], extra: object = {}) => ({
  name: 'x', title: '`x`', floorTitle: '`node -e 0`', goals, result: { time: stats(time), ...(floor ? { floor: stats(floor) } : {}), ...extra },
});

describe('stats', () => {
  it.each([
    { xs: [5], min: 5, median: 5 },
    { xs: [3, 1, 2], min: 1, median: 2 },
    { xs: [40, 10, 30, 20], min: 10, median: 20 }, // the lower middle of an even count
    { xs: [7, 7, 1, 100, 7], min: 1, median: 7 },
  ])('$xs → min $min, median $median', ({ xs, min, median }) => {
    expect(stats(xs)).toEqual({ n: xs.length, min, median });
  });

  it('refuses no samples', () => {
    expect(() => stats([])).toThrow(/no samples/);
  });
});

describe('judge', () => {
  it.each([
    { goal: { kind: 'ms', max: 200 }, time: [150, 190, 400], met: true, value: 190 },
    { goal: { kind: 'ms', max: 200 }, time: [150, 210, 220], met: false, value: 210 },
    { goal: { kind: 'ratio', max: 2 }, time: [200], floor: [100], met: true, value: 2 },
    { goal: { kind: 'ratio', max: 2 }, time: [201], floor: [100], met: false, value: 2.01 },
    { goal: { kind: 'rss', max: 300e6 }, time: [1], extra: { rssBytes: 301e6 }, met: false, value: 301e6 },
    { goal: { kind: 'bytes', max: 1.5e6 }, time: [1], extra: { fileBytes: 290e3 }, met: true, value: 290e3 },
  ])('$goal.kind ≤ $goal.max with $time → met $met', ({ goal, time, floor, extra, met, value }) => {
    const [v] = judge([goal], row(time, floor, [goal], extra).result);
    expect(v?.met).toBe(met);
    expect(v?.value).toBeCloseTo(value);
  });

  it('refuses a goal nothing was measured for (a ratio without a floor)', () => {
    expect(() => judge([{ kind: 'ratio', max: 2 }], row([1], undefined, []).result)).toThrow(/nothing measured/);
  });
});

describe('README block', () => {
  const rows = [row([100, 120], [60, 70], [{ kind: 'ratio', max: 2.5 }]), { ...row([450], [80], [{ kind: 'ms', max: 200 }]), name: 'status-10k', title: '`status`' }];

  it('says which goals this run met, from the numbers', () => {
    expect(summary(rows)).toBe('Goals met in this run: 1 of 2; not met: status-10k ≤ 200 ms.');
    const block = readmeBlock(rows, machine);
    expect(block).toContain('load average 1.00 before, 2.00 after');
    expect(block).toContain('| `x` | `node -e 0` 60 ms / 60 ms | 100 ms / 100 ms | 1.67× | — | 2 | ≤ 2.5× floor: met |');
    expect(block).toContain('| `status` | `node -e 0` 80 ms | 450 ms | 5.63× | — | 1 | ≤ 200 ms: **not met** |');
  });

  it('replaces exactly what lies between the markers', () => {
    const readme = `# t\n\nbefore\n${BLOCK_START}\nold table\n| a |\n${BLOCK_END}\nafter\n${BLOCK_START.slice(0, 4)}\n`;
    const out = replaceBlock(readme, 'NEW');
    expect(out).toBe(`# t\n\nbefore\n${BLOCK_START}\nNEW\n${BLOCK_END}\nafter\n${BLOCK_START.slice(0, 4)}\n`);
    expect(replaceBlock(out, 'NEW')).toBe(out); // a second run with the same numbers changes nothing
  });

  it.each([
    { name: 'no markers', text: 'just prose' },
    { name: 'end before start', text: `${BLOCK_END}\n${BLOCK_START}` },
    { name: 'two blocks', text: `${BLOCK_START}\n${BLOCK_END}\n${BLOCK_START}\n${BLOCK_END}` },
  ])('refuses a README with $name', ({ text }) => {
    expect(() => replaceBlock(text, 'NEW')).toThrow(/bench block/);
  });
});
