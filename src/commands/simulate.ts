// irbook simulate PLAYBOOK --facts FILE|JSON [--answer step=value …] [--json]: what a session would
// decide, skip, notify and which clocks would run, for the facts given. Nothing is journaled.
import type { Context } from '../cli/context.js';
import { playbooksDir } from '../adapters/dirs.js';
import { loadPlaybook } from '../adapters/playbook-fs.js';
import { parseSource, readSource } from '../adapters/yaml-source.js';
import { clockEngine } from '../core/clocks/clocks.js';
import { evaluatorFor } from '../core/session/evaluator.js';
import { parseAnswers, parseFacts, simulate, type Simulation } from '../core/simulate/simulate.js';
import { formatTime } from '../core/time/format.js';
import { resolveTz } from '../cli/session.js';
import { EXIT, UserError } from '../errors.js';

interface Options { facts: string; answer?: string[]; json?: boolean; tz?: string }

function readFacts(ctx: Context, ref: string): Record<string, unknown> {
  // Inline JSON is YAML too: one reader, with its size and alias limits, for both.
  const src = ref.trim().startsWith('{') ? parseSource('--facts', ref) : readSource(ref);
  for (const p of src.problems) ctx.err(`${p.file}:${p.line}:${p.col} ${ctx.t(p.severity)} ${ctx.t(p.code, p.params)}`);
  const v = src.value;
  if (src.problems.some((p) => p.severity === 'error') || typeof v !== 'object' || v === null || Array.isArray(v))
    throw new UserError(EXIT.usage, 'simulate-facts-invalid', { facts: ref.length > 60 ? `${ref.slice(0, 57)}…` : ref });
  return v as Record<string, unknown>;
}

export async function run(ctx: Context, ref: string, o: Options): Promise<number> {
  const { playbook, catalog } = loadPlaybook(ref, playbooksDir(ctx.opts.playbooks, ctx.env), ctx.opts.templates);
  if (!catalog.clocks) throw new UserError(EXIT.invalid, 'no-clocks');
  const tz = resolveTz(o.tz, ctx.env);
  const facts = parseFacts(playbook, readFacts(ctx, o.facts));
  if (!facts.ok) throw new UserError(EXIT.usage, facts.code, facts.params);
  const answers = parseAnswers(playbook, o.answer ?? []);
  if (!answers.ok) throw new UserError(EXIT.usage, answers.code, answers.params);
  const sim = simulate({ playbook, ev: evaluatorFor(playbook), clocks: clockEngine(catalog.clocks), facts: facts.value, answers: answers.value, at: new Date() });

  if (o.json) {
    ctx.out(JSON.stringify({
      playbook: { id: playbook.id, version: playbook.version },
      decisions: sim.decisions,
      skipped: sim.skipped,
      notified: sim.notified,
      clocks: sim.clocks.map((c) => ({ id: c.id, applies: c.applies, due: c.due ?? null, satisfiedBy: c.satisfiedBy ?? null })),
      assumed: sim.assumed,
    }, null, 2));
    return 0;
  }
  for (const line of text(ctx, sim, playbook.id, playbook.version, (iso) => formatTime(iso, tz, 'short'))) ctx.out(line);
  return 0;
}

function text(ctx: Context, sim: Simulation, id: string, version: string, time: (iso: string) => string): string[] {
  const { c, t } = ctx;
  const v = (x: unknown) => (x === true ? t('yes') : x === false ? t('no') : x === undefined ? '-' : Array.isArray(x) ? `[${x.join(', ')}]` : String(x));
  const none = [`  ${c.dim(t('simulate-none'))}`];
  const aware = typeof sim.state.facts.aware_at === 'string' ? time(sim.state.facts.aware_at) : '-';
  const lines = [c.bold(t('simulate-title', { playbook: id, version, aware })), '', c.bold(t('simulate-decisions'))];
  const decisions = Object.entries(sim.decisions);
  lines.push(...(decisions.length ? decisions.map(([step, d]) => `  ${t('simulate-decision', { step, recommended: v(d.recommended), answer: v(d.answer) })}${d.recommended !== undefined && d.answer !== d.recommended ? ` ${c.yellow(t('simulate-overridden'))}` : ''}`) : none));
  lines.push('', c.bold(t('simulate-skipped')));
  lines.push(...(sim.skipped.length ? sim.skipped.map((step) => {
    const w = sim.why[step]!;
    const read = Object.entries(w.facts).map(([k, x]) => `${k} = ${v(x)}`).join(', ');
    return `  ${step}  ${c.dim(`${w.guard}${read ? `  (${read})` : ''}${w.error ? `  [${w.error}]` : ''}`)}`;
  }) : none));
  lines.push('', c.bold(t('simulate-notified')), `  ${sim.notified.length ? sim.notified.join(', ') : t('simulate-none')}`);
  lines.push('', c.bold(t('simulate-clocks')));
  for (const k of sim.clocks) {
    const due = k.due ? time(k.due) : '-';
    const what = k.applies === false ? c.dim(t('simulate-not-applies'))
      : k.applies === null ? c.yellow(t('simulate-undetermined', { reason: k.status }))
        : k.satisfiedBy ? t('simulate-applies', { due, step: k.satisfiedBy }) : c.red(t('simulate-applies-open', { due }));
    lines.push(`  ${k.id}  ${what}`);
  }
  const assumed = Object.entries(sim.assumed);
  if (assumed.length) lines.push('', c.bold(t('simulate-assumed')), `  ${assumed.map(([k, x]) => `${k} = ${x === null ? '?' : v(x)}`).join(', ')}`);
  return lines;
}
