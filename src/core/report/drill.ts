// The after-action view of a drill: each stage's and decision's time against its target, each
// clock against its deadline, and a score by a rule the report states.
import type { ClockView } from '../clocks/clocks.js';
import type { Playbook, StageId } from '../playbook/schema.js';
import type { State } from '../session/state.js';
import { durationMs } from '../time/duration.js';

export interface Timed { id: string; target?: string; actualMs?: number; score?: number }
export interface DrillScore {
  stages: (Timed & { decisions: Timed[]; stageScore?: number })[];
  clocks: { id: string; status: string; score?: number }[];
  stageMean?: number;
  clockMean?: number;
  overall?: number;
}

/** 100 within the target, else 100 × target / actual: twice as long scores 50. */
export function timeScore(targetMs: number, actualMs: number): number {
  return actualMs <= targetMs ? 100 : Math.round((100 * targetMs) / actualMs);
}

const mean = (xs: number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : undefined);
const CLOCK_SCORE: Record<string, number> = { met: 100, late: 50, overdue: 0 };

export function scoreDrill(pb: Playbook, s: State, clocks: readonly ClockView[]): DrillScore {
  const stages = pb.stages.map((st) => {
    const entered = s.entered.get(st.id as StageId);
    const completed = s.completed.get(st.id as StageId);
    const actualMs = entered && completed ? Date.parse(completed) - Date.parse(entered) : undefined;
    const target = st.target;
    const score = target && actualMs !== undefined ? timeScore(durationMs(target) ?? 0, actualMs) : undefined;
    const decisions = st.steps.filter((x) => x.decide?.target).map((x): Timed => {
      const made = s.decisions.find((d) => d.step === x.id);
      const t = x.decide?.target ?? '';
      const ms = made && entered ? Date.parse(made.at) - Date.parse(entered) : undefined;
      return { id: x.id, target: t, ...(ms !== undefined ? { actualMs: ms, score: timeScore(durationMs(t) ?? 0, ms) } : {}) };
    });
    const parts = [score, ...decisions.map((d) => d.score)].filter((x): x is number => x !== undefined);
    const stageScore = mean(parts);
    return { id: st.id, ...(target ? { target } : {}), ...(actualMs !== undefined ? { actualMs } : {}), ...(score !== undefined ? { score } : {}), decisions, ...(stageScore !== undefined ? { stageScore } : {}) };
  });
  const scored = clocks.filter((c) => c.status in CLOCK_SCORE).map((c) => ({ id: c.clock.id, status: c.status, score: CLOCK_SCORE[c.status] }));
  const stageMean = mean(stages.map((x) => x.stageScore).filter((x): x is number => x !== undefined));
  const clockMean = mean(scored.map((c) => c.score ?? 0));
  const overall = stageMean === undefined ? clockMean : clockMean === undefined ? stageMean : Math.round(0.7 * stageMean + 0.3 * clockMean);
  return { stages, clocks: scored, ...(stageMean !== undefined ? { stageMean } : {}), ...(clockMean !== undefined ? { clockMean } : {}), ...(overall !== undefined ? { overall } : {}) };
}
