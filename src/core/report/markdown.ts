// The ReportModel as Markdown: headings, key/value tables, tables, and the stage chart as a table.
import type { ReportModel, Section } from './model.js';

// Pipes and line breaks would break a Markdown table cell.
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.map(cell).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

function section(s: Section): string[] {
  // An untitled part continues the section above it (its intro text): no second heading.
  const out = s.title ? [`## ${s.title}`, ''] : [];
  switch (s.kind) {
    case 'fields':
      out.push(...table(['', ''], s.rows.map(([k, v]) => [`**${k}**`, v])));
      break;
    case 'text':
      for (const p of s.paragraphs) out.push(p, '');
      return out;
    case 'table':
      if (!s.rows.length) out.push(s.empty ?? '—');
      else out.push(...table(s.columns, s.rows.map((r, i) => (s.highlight?.includes(i) ? r.map((x) => (x ? `**${x}**` : x)) : r))));
      break;
    case 'chart':
      out.push(...table(['', '→', '←'], s.bars.map((b) => [b.label, b.startText, b.endText ?? '…'])));
      break;
  }
  out.push('');
  return out;
}

export function renderMarkdown(m: ReportModel): string {
  const meta = m.meta;
  const out = [
    ...(meta.exercise && meta.exerciseMark ? [`> **${meta.exerciseMark}**`, ''] : []),
    `# ${meta.title}`,
    '',
    `${meta.classification} · ${meta.incident} · ${meta.playbook.id} ${meta.playbook.version}${meta.playbook.commit ? ` (${meta.playbook.commit.slice(0, 12)})` : ''} · ${meta.generatedLabel} ${meta.generatedAtText}`,
    '',
    ...(meta.unfinishedNotice ? [`> ⚠ ${meta.unfinishedNotice}`, ''] : []),
    ...m.sections.flatMap(section),
  ];
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
