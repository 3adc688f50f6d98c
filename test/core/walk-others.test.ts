// The walk takes in what other writers appended before each prompt: the presenter is handed those
// events, and a step one of them answered meanwhile is not asked again (it is said so instead).
import { describe, expect, it } from 'vitest';
import { catalogFor, loadPlaybook } from '../../src/adapters/playbook-fs.js';
import { clockEngine } from '../../src/core/clocks/clocks.js';
import type { Step } from '../../src/core/playbook/schema.js';
import { simulatedClock } from '../../src/core/session/clock.js';
import { evaluatorFor } from '../../src/core/session/evaluator.js';
import { ev, stamp, type NewEvent, type SessionEvent } from '../../src/core/session/events.js';
import { next } from '../../src/core/session/next.js';
import { runSession } from '../../src/core/session/run.js';
import { scriptedPrompter } from '../../src/core/session/scripted.js';
import { reduce } from '../../src/core/session/state.js';
import { autoAnswers } from '../support/auto-answers.js';

const { clocks, parties } = catalogFor('playbooks');
const { playbook } = loadPlaybook('chat-leak', 'playbooks');
const tz = 'Asia/Shanghai';

/** Walk chat-leak from scripted answers; `others(stepAboutToBeAsked)` says what another writer appends right then. */
async function walkWith(answers: Record<string, unknown>, others: (upcoming: string | undefined) => (NewEvent & { at?: string })[], o: { refold?: boolean } = {}) {
  const clock = simulatedClock(new Date('2026-11-23T02:00:00Z'), 60_000);
  const events: SessionEvent[] = [];
  const put = (e: NewEvent & { at?: string }, actor: string) => {
    const stored = { seq: events.length + 1, ...stamp(e, { at: e.at ?? clock.now().toISOString(), tz, actor }) };
    events.push(stored);
    return stored;
  };
  put(ev('session.started', { incident: 'INC-1', playbook: { id: playbook.id, version: playbook.version, sha256: 'x', file: 'x' }, responder: 'zhang', locale: 'en', timezone: tz, exercise: false }), 'zhang');
  const state = reduce(events);
  const shown: { events: string[]; answered?: string }[] = [];
  const asked: string[] = [];
  const prompter = scriptedPrompter(answers, clock, tz);
  // Every question the walk puts (fact, check, decide, notify, record) names its step.
  const ask = <Q extends { step: Step }, A>(f: (q: Q) => Promise<A>) => (q: Q) => {
    asked.push(q.step.id);
    return f(q);
  };
  const spy = { ...prompter, fact: ask(prompter.fact), check: ask(prompter.check), decide: ask(prompter.decide), notify: ask(prompter.notify), record: ask(prompter.record) };
  await runSession({
    playbook, parties, ev: evaluatorFor(playbook), clocks: clockEngine(clocks!), prompter: spy, append: (e) => put(e, 'zhang'), now: () => clock.now(), tick: () => clock.tick(),
    presenter: { show: () => undefined, clocks: () => undefined, event: () => undefined, others: (es, answered) => shown.push({ events: es.map((e) => `${e.actor} ${e.type}`), ...(answered ? { answered: answered.id } : {}) }) },
    others: () => {
      const n = next(playbook, state, evaluatorFor(playbook));
      return others(n.kind === 'step' ? n.step.id : undefined).map((e) => put(e, 'li.wei'));
    },
    ...(o.refold && { refold: () => reduce(inOrder(events)) }),
  }, state);
  return { events, shown, asked, state };
}

/** The incident's order: by time, then writer, then the order written (each actor is one chain here). */
const inOrder = (events: SessionEvent[]) => [...events].sort((a, b) => a.at.localeCompare(b.at) || a.actor.localeCompare(b.actor) || a.seq - b.seq);

describe('the walk sees what others wrote', () => {
  it('a note from another writer is handed to the presenter before the next prompt, once', async () => {
    let sent = false;
    const { shown, events } = await walkWith(autoAnswers(playbook, true), (upcoming) => {
      if (sent || upcoming !== 'grade') return [];
      sent = true;
      return [ev('note.added', { text: 'HQ informed by phone' })];
    });
    expect(shown).toEqual([{ events: ['li.wei note.added'] }]);
    expect(events.filter((e) => e.type === 'note.added')).toHaveLength(1);
  });

  it('a step answered meanwhile by someone else is skipped and said so; the walk goes on to the next', async () => {
    const answers = autoAnswers(playbook, true);
    delete answers.grade; // were it asked, the scripted prompter would stop on the missing answer
    let sent = false;
    const { shown, asked, state } = await walkWith(answers, (upcoming) => {
      if (sent || upcoming !== 'grade') return [];
      sent = true;
      return [ev('decision.made', { step: 'grade', question: { en: 'grade' }, facts: {}, answer: 'major', reason: 'decided in Tokyo', sets: 'incident_grade' })];
    });
    expect(shown).toEqual([{ events: ['li.wei decision.made'], answered: 'grade' }]);
    expect(asked).not.toContain('grade');
    expect(asked).toContain('report-hq');
    expect(state.facts.incident_grade).toBe('major');
    expect(state.closedAt).toBeDefined();
  });

  it('an answer to another step does not skip the one about to be asked', async () => {
    let sent = false;
    const { shown, asked } = await walkWith(autoAnswers(playbook, true), (upcoming) => {
      if (sent || upcoming !== 'grade') return [];
      sent = true;
      return [ev('note.added', { text: 'grade: still counting' })];
    });
    expect(shown[0]?.answered).toBeUndefined();
    expect(asked).toContain('grade');
  });

  it.each([true, false])('an answer stamped before the walk\'s own that arrives after it (synced from another site): with refold %s', async (refold) => {
    const answers = autoAnswers(playbook, true);
    const asks = playbook.stages.flatMap((st) => st.steps).find((st) => st.ask?.includes('persons_affected'))!;
    const own = (answers[asks.id] as Record<string, unknown>).persons_affected;
    let sent = false;
    const { state, events } = await walkWith(answers, (upcoming) => {
      if (sent || upcoming !== 'grade') return [];
      sent = true;
      // Amended in Tokyo at 01:00 UTC, before this walk's session started: it reaches the walk only now.
      return [{ ...ev('fact.amended', { fact: 'persons_affected', value: 99_999, previous: null, reason: 'count from Tokyo' }), at: '2026-11-23T01:00:00.000Z' }];
    }, { refold });
    expect(own).toBeDefined();
    const merged = reduce(inOrder(events));
    // In the incident's order the walk's own later answer stands; applied last, the earlier one would.
    expect(merged.facts.persons_affected).toBe(own);
    if (refold) {
      expect(state.facts.persons_affected).toBe(own);
      expect(state.facts).toEqual(merged.facts);
      expect(state.decisions.map((d) => [d.step, d.answer])).toEqual(merged.decisions.map((d) => [d.step, d.answer]));
      expect(state.count).toBe(events.length);
    } else expect(state.facts.persons_affected).toBe(99_999);
  });
});
