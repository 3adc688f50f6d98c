// A playbook as text a person reads (`irbook show`) and as a Mermaid flowchart (`--mermaid`).
import { message } from '../i18n/messages.js';
import { pick, type Lang } from '../i18n/lang.js';
import { optionId, STEP_KINDS } from './constants.js';
import type { Playbook, Step } from './schema.js';

const kindOf = (s: Step) => STEP_KINDS.find((k) => s[k] !== undefined) ?? 'check';

function stepText(s: Step, lang: Lang): string {
  if (s.title) return pick(s.title, lang);
  if (s.check) return Array.isArray(s.check) ? s.check.map((c) => pick(c, lang)).join(' / ') : pick(s.check, lang);
  if (s.ask) return s.ask.join(', ');
  if (s.decide) return pick(s.decide.question, lang);
  if (s.notify) return s.notify.party;
  return s.record ? pick(s.record.prompt, lang) : s.id;
}

export function outline(pb: Playbook, lang: Lang): string[] {
  const t = (code: string, p: Record<string, string | number> = {}) => message(code, p, lang);
  const out = [`${pick(pb.title, lang)}  (${pb.id} ${pb.version})`];
  if (pb.summary) out.push(pick(pb.summary, lang));
  pb.stages.forEach((stage, i) => {
    out.push('', `${i + 1}. ${stage.title ? pick(stage.title, lang) : t(`stage-${stage.id}`)}`);
    stage.steps.forEach((s, j) => {
      const kind = kindOf(s);
      out.push(`   ${i + 1}.${j + 1} [${t(`kind-${kind}`)}] ${stepText(s, lang)}  ${s.id}`);
      if (s.when) out.push(`        ${t('show-when')}: ${s.when}`);
      if (s.owner) out.push(`        ${t('show-owner')}: ${s.owner}`);
      if (Array.isArray(s.check) && s.title) for (const c of s.check) out.push(`        - ${pick(c, lang)}`);
      if (s.ask) for (const f of s.ask) out.push(`        - ${f}: ${pick(pb.facts[f]?.prompt, lang)}`);
      if (s.decide?.recommend) out.push(`        ${t('show-recommend')}: ${s.decide.recommend}`);
      if (s.decide?.options) out.push(`        ${s.decide.options.map(optionId).join(' | ')}`);
      if (s.decide?.sets) out.push(`        ${t('show-sets')}: ${s.decide.sets}`);
      if (s.notify?.satisfies) out.push(`        ${t('show-satisfies')}: ${s.notify.satisfies.join(', ')}`);
      if (s.notify?.draft) out.push(`        ${t('show-draft')}: ${s.notify.draft}`);
    });
  });
  if (pb.policy && Object.keys(pb.policy).length) {
    out.push('', `${t('show-policy')}:`);
    for (const [k, v] of Object.entries(pb.policy)) out.push(`   policy.${k} = ${String(v)}`);
  }
  return out;
}

// Mermaid labels are quoted strings; quotes and brackets inside are replaced by their entities.
const label = (s: string) => `"${s.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;')).replace(/\n/g, ' ')}"`;
const nodeId = (id: string) => `s_${id.replace(/-/g, '_')}`;

export function mermaid(pb: Playbook, lang: Lang): string {
  const t = (code: string) => message(code, {}, lang);
  const lines = ['flowchart TD', `  start([${label(pick(pb.title, lang))}])`];
  let prev = 'start';
  for (const stage of pb.stages) {
    lines.push(`  subgraph ${stage.id}[${label(stage.title ? pick(stage.title, lang) : t(`stage-${stage.id}`))}]`, '    direction TB');
    for (const s of stage.steps) {
      const id = nodeId(s.id);
      const text = `${t(`kind-${kindOf(s)}`)}: ${stepText(s, lang)}`;
      lines.push(s.decide ? `    ${id}{${label(text)}}` : `    ${id}[${label(text)}]`);
    }
    lines.push('  end');
    for (const s of stage.steps) {
      const id = nodeId(s.id);
      lines.push(s.when ? `  ${prev} -->|${label(s.when)}| ${id}` : `  ${prev} --> ${id}`);
      prev = id;
    }
  }
  lines.push('  done([✓])', `  ${prev} --> done`);
  return lines.join('\n');
}
