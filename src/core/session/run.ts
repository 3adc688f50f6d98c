// The walk-through: ask next() what to do, let the prompter get the answer, append the event, and
// repeat. Every answer is appended (and, by the journal, fsync'd) before the next prompt, so a
// crash loses nothing that was acknowledged. I/O comes in through the deps.
import type { Text } from '../i18n/lang.js';
import type { Fact, Option, Party, Playbook, Step } from '../playbook/schema.js';
import { clockViews, type ClockEngine, type ClockView } from '../clocks/clocks.js';
import { ev, type NewEvent, type SessionEvent } from './events.js';
import type { Evaluator } from './evaluator.js';
import { checkItems, next, type Next } from './next.js';
import { apply, type State } from './state.js';
import type { Inject } from './answers.js';
import { durationMs } from '../time/duration.js';

export interface Prompter {
  fact(q: { step: Step; name: string; fact: Fact }): Promise<unknown>;
  check(q: { step: Step; index: number; total: number; text: Text }): Promise<{ skipped?: boolean; reason?: string }>;
  decide(q: { step: Step; question: Text; options?: Option[]; recommended?: unknown; rationale?: Text; error?: string }): Promise<{ answer: unknown; reason?: string }>;
  /** `aware`: when the incident became known (the aware_at fact), a notice claimed earlier needs confirming. */
  notify(q: { step: Step; party: Party | undefined; partyId: string; satisfies: string[]; draft?: string; aware?: string }): Promise<{ channel: string; ref: string; at: string } | { waived: string }>;
  record(q: { step: Step; prompt: Text }): Promise<string>;
}

export interface Presenter {
  show(n: Exclude<Next, { kind: 'done' }>, s: State): void;
  clocks(views: ClockView[], now: Date): void;
  /** Each event once it is in the journal. */
  event(e: SessionEvent): void;
}

export interface RunDeps {
  playbook: Playbook;
  parties: readonly Party[];
  ev: Evaluator;
  clocks: ClockEngine;
  prompter: Prompter;
  presenter: Presenter;
  /** Appends to the journal (durably) and returns the stored event. */
  append(e: NewEvent): SessionEvent;
  now(): Date;
  /** After each answer: a simulated clock moves on by its pace; a real one does nothing. */
  tick(): void;
  /** The text of a notify step's draft message from the journal so far (saved by the caller). */
  draft?(draftId: string, stepId: string, s: State): Promise<string | undefined>;
  /** Drill injects, shown once their time (after the session's start) has come. */
  injects?: readonly Inject[];
}

export class AnswerError extends Error {
  constructor(readonly step: string, readonly code: string, readonly params: Record<string, string | number> = {}) {
    super(`${step}: ${code}`);
    this.name = 'AnswerError';
  }
}

/** Walk the session from `state` to its close (or until the prompter throws). */
export async function runSession(d: RunDeps, state: State): Promise<State> {
  const s = state;
  const add = (e: NewEvent) => {
    const stored = d.append(e);
    apply(s, stored);
    d.presenter.event(stored);
  };
  for (;;) {
    showInjects(d, s, add);
    const n = next(d.playbook, s, d.ev);
    if (n.kind === 'done') return s;
    d.presenter.show(n, s);
    switch (n.kind) {
      case 'enter-stage': add(ev('stage.entered', { stage: n.stage })); break;
      case 'complete-stage': add(ev('stage.completed', { stage: n.stage })); break;
      case 'skip': add(ev('step.skipped', { step: n.step.id, guard: n.guard, facts: n.facts, ...(n.error ? { error: n.error } : {}) })); break;
      case 'close': add(ev('session.closed', {})); return s;
      case 'step':
        await doStep(d, n, s, add);
        d.presenter.clocks(clockViews(d.clocks, s, d.now()), d.now());
    }
  }
}

function showInjects(d: RunDeps, s: State, add: (e: NewEvent) => void): void {
  const start = s.started ? Date.parse(s.started.clock?.start ?? s.started.at) : undefined;
  if (start === undefined || !d.injects) return;
  d.injects.forEach((inj, index) => {
    if (s.injects.has(index) || start + (durationMs(inj.after) ?? 0) > d.now().getTime()) return;
    add(ev('inject.shown', { index, after: inj.after, text: inj.text }));
  });
}

async function doStep(d: RunDeps, n: Extract<Next, { kind: 'step' }>, s: State, add: (e: NewEvent) => void): Promise<void> {
  const step = n.step;
  // After each answer the clock moves on, and an inject whose time has come is shown at once.
  const answered = () => {
    d.tick();
    showInjects(d, s, add);
  };
  if (step.ask) {
    for (const name of n.facts ?? []) {
      const fact = d.playbook.facts[name];
      if (!fact) continue;
      const value = await d.prompter.fact({ step, name, fact });
      add(ev('fact.recorded', { step: step.id, fact: name, value }));
      answered();
    }
  } else if (step.check !== undefined) {
    const items = checkItems(step) as Text[];
    for (const i of n.items ?? []) {
      const text = items[i] ?? '';
      const r = await d.prompter.check({ step, index: i, total: items.length, text });
      add(ev('check.done', { step: step.id, item: i, text, ...r }));
      answered();
    }
  } else if (step.decide) {
    const q = step.decide;
    const r = q.recommend !== undefined ? d.ev.run(q.recommend, s.facts) : undefined;
    const recommended = r && !r.error ? r.value : undefined;
    const a = await d.prompter.decide({ step, question: q.question, ...(q.options ? { options: q.options } : {}), ...(recommended !== undefined ? { recommended } : {}), ...(q.rationale ? { rationale: q.rationale } : {}), ...(r?.error ? { error: r.error } : {}) });
    if (recommended !== undefined && a.answer !== recommended && !a.reason?.trim()) throw new AnswerError(step.id, 'answer-reason-required');
    add(ev('decision.made', {
      step: step.id, question: q.question,
      ...(q.recommend !== undefined ? { expr: q.recommend } : {}), facts: r?.read ?? {},
      ...(recommended !== undefined ? { recommended } : {}), answer: a.answer,
      ...(a.reason?.trim() && a.answer !== recommended ? { reason: a.reason.trim() } : {}),
      ...(q.sets ? { sets: q.sets } : {}), ...(r?.error ? { error: r.error } : {}),
    }));
    answered();
  } else if (step.notify) {
    const nt = step.notify;
    const party = d.parties.find((p) => p.id === nt.party);
    const text = nt.draft ? await d.draft?.(nt.draft, step.id, s) : undefined;
    const aware = typeof s.facts.aware_at === 'string' ? s.facts.aware_at : undefined;
    const a = await d.prompter.notify({ step, party, partyId: nt.party, satisfies: nt.satisfies ?? [], ...(text ? { draft: text } : {}), ...(aware ? { aware } : {}) });
    if ('waived' in a) add(ev('notify.waived', { step: step.id, party: nt.party, satisfies: nt.satisfies ?? [], reason: a.waived }));
    else add(ev('notify.sent', { step: step.id, party: nt.party, channel: a.channel, ref: a.ref, at: a.at, satisfies: nt.satisfies ?? [], ...(nt.draft ? { draft: nt.draft } : {}) }));
    answered();
  } else if (step.record) {
    const text = await d.prompter.record({ step, prompt: step.record.prompt });
    add(ev('record.written', { step: step.id, ...(step.record.section ? { section: step.record.section } : {}), text }));
    answered();
  }
}
