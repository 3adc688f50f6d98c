// Drills: the clock, injects, targets and scores, the after-action report and the comparison.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogFor, loadPlaybook } from '../../src/adapters/playbook-fs.js';
import { checkTemplate } from '../../src/adapters/template-fs.js';
import { clockEngine, clockViews } from '../../src/core/clocks/clocks.js';
import { buildReport } from '../../src/core/report/build.js';
import { compareDrills } from '../../src/core/report/compare.js';
import { scoreDrill, timeScore } from '../../src/core/report/drill.js';
import type { FieldsSection, TableSection } from '../../src/core/report/model.js';
import { scaledClock } from '../../src/core/session/clock.js';
import { autoAnswers } from '../support/auto-answers.js';
import { runInMemory } from '../support/memory-session.js';

const { clocks, parties } = catalogFor('playbooks');
const drillTemplate = checkTemplate('templates/drill.yaml').value!;

describe('timeScore', () => {
  it.each([
    [60, 30, 100], [60, 60, 100], [60, 120, 50], [60, 240, 25], [60, 61, 98],
  ])('target %i, actual %i → %i', (target, actual, score) => expect(timeScore(target, actual)).toBe(score));
});

describe('scaledClock', () => {
  it('runs `speed` times faster than real time from its start, and can be moved on', () => {
    let real = 1_000;
    const c = scaledClock(new Date('2026-11-23T00:00:00Z'), 60, () => real);
    real += 60_000; // one real minute
    expect(c.now().toISOString()).toBe('2026-11-23T01:00:00.000Z');
    c.advanceTo(new Date('2026-11-23T05:00:00Z'));
    expect(c.now().toISOString()).toBe('2026-11-23T05:00:00.000Z');
    real += 1_000;
    expect(c.now().toISOString()).toBe('2026-11-23T05:01:00.000Z');
  });
});

describe('injects', () => {
  const { playbook } = loadPlaybook('chat-leak', 'playbooks');
  it('are shown once, in order, when the drill clock reaches their time', async () => {
    const injects = [
      { after: 'PT10M', text: { en: 'The file appears in a second group', ja: '別のグループにもファイルが投稿された', zh: '文件出现在第二个群中' } },
      { after: 'PT30M', text: 'A journalist calls' },
      { after: 'P400D', text: 'never reached' },
    ];
    const { events } = await runInMemory(playbook, clocks!, parties, autoAnswers(playbook), [], { injects });
    const shown = events.filter((e) => e.type === 'inject.shown');
    expect(shown.map((e) => e.data.index)).toEqual([0, 1]);
    const start = Date.parse(events[0]!.at);
    expect(Date.parse(shown[0]!.at) - start).toBeGreaterThanOrEqual(10 * 60_000);
    expect(Date.parse(shown[0]!.at) - start).toBeLessThan(10 * 60_000 + 120_000 + 1);
  });
});

describe('the after-action report', () => {
  const { playbook } = loadPlaybook('chat-leak', 'playbooks');

  it('scores a drill within every target 100 and states the rule', async () => {
    const { events, state } = await runInMemory(playbook, clocks!, parties, autoAnswers(playbook), [], { paceMs: 60_000, exercise: true });
    const score = scoreDrill(playbook, state, clockViews(clockEngine(clocks!), state, new Date(state.closedAt!)));
    expect(score.stageMean).toBe(100);
    const model = buildReport({ playbook, events, template: drillTemplate, clocks: clocks!, parties, generatedAt: new Date() });
    const fields = model.sections.find((s) => s.id === 'drill-score') as FieldsSection;
    expect(fields.rows.at(-1)?.[1]).toMatch(/100 × 目標 ÷ 実績/);
    expect(model.meta.exerciseMark).toBe('訓練');
  });

  it('scores a slow drill lower, stage by stage, and lists overrides and skipped steps', async () => {
    const answers = { ...autoAnswers(playbook, true), 'report-hq': { answer: false, reason: 'drill: HQ unreachable' } };
    const { events, state } = await runInMemory(playbook, clocks!, parties, answers, [], { paceMs: 40 * 60_000, exercise: true });
    const score = scoreDrill(playbook, state, clockViews(clockEngine(clocks!), state, new Date(state.closedAt!)));
    const detect = score.stages.find((s) => s.id === 'detect')!;
    expect(detect.target).toBe('PT30M');
    expect(detect.score).toBeLessThan(100);
    expect(detect.score).toBe(timeScore(30 * 60_000, detect.actualMs!));
    expect(score.overall).toBeLessThan(100);
    const model = buildReport({ playbook, events, template: drillTemplate, clocks: clocks!, parties, generatedAt: new Date() });
    const overrides = model.sections.find((s) => s.id === 'overrides') as TableSection;
    expect(overrides.rows.map((r) => r[0])).toContain('report-hq');
    expect(overrides.rows.every((r) => r[4])).toBe(true);
    const skipped = model.sections.find((s) => s.id === 'skipped') as TableSection;
    expect(skipped.rows.map((r) => r[0])).toContain('notify-hq');
  });

  it('compares drills of one playbook, faster and slower', async () => {
    const fast = await runInMemory(playbook, clocks!, parties, autoAnswers(playbook), [], { paceMs: 60_000, exercise: true });
    const slow = await runInMemory(playbook, clocks!, parties, autoAnswers(playbook), [], { paceMs: 600_000, exercise: true });
    const views = (s: typeof fast.state) => clockViews(clockEngine(clocks!), s, new Date(s.closedAt!));
    const model = compareDrills(playbook, [{ id: 'A', state: fast.state, clocks: views(fast.state) }, { id: 'B', state: slow.state, clocks: views(slow.state) }], 'en', 'UTC', new Date());
    const table = model.sections[0] as TableSection;
    expect(table.rows.map((r) => r[0])).toEqual(['A', 'B']);
    const chart = model.sections[1];
    expect(chart?.kind).toBe('chart');
    if (chart?.kind === 'chart') expect(Date.parse(chart.bars[1]!.end!)).toBeGreaterThan(Date.parse(chart.bars[0]!.end!));
  });
});

describe('a scripted drill of every shipped playbook', () => {
  const ids = readdirSync('playbooks').filter((f) => f.endsWith('.yaml') && !['clocks.yaml', 'parties.yaml'].includes(f)).map((f) => f.replace(/\.yaml$/, ''));
  it.each(ids)('%s: marked as an exercise, closed, scored', async (id) => {
    const { playbook } = loadPlaybook(id, 'playbooks');
    const { events, state, error } = await runInMemory(playbook, clocks!, parties, autoAnswers(playbook), [], { exercise: true });
    expect(error).toBeUndefined();
    expect(state.started?.exercise).toBe(true);
    const score = scoreDrill(playbook, state, clockViews(clockEngine(clocks!), state, new Date(state.closedAt!)));
    expect(score.overall).toBeGreaterThanOrEqual(0);
    expect(score.stages.every((s) => s.target !== undefined)).toBe(true);
    const model = buildReport({ playbook, events, template: drillTemplate, clocks: clocks!, parties, generatedAt: new Date() });
    expect(model.meta.exercise).toBe(true);
  });
});
