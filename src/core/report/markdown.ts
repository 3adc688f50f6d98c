// The ReportModel as Markdown: headings, key/value tables, tables, and the stage chart as a table.
// Every text in the model is plain text, much of it typed by people: it is escaped so that it can
// never become HTML, an image, a link or a heading.
import { formatHeads } from '../journal/heads.js';
import type { ReportModel, Section } from './model.js';

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Plain text safe inline: HTML entities, Markdown punctuation backslash-escaped. */
export function escapeInline(s: string): string {
  return s.replace(/[&<>"]/g, (ch) => HTML[ch] ?? ch).replace(/([\\`*_[\]#|~])/g, '\\$1');
}

// In a table cell a line break must not end the row: it becomes a <br> the renderer adds itself.
const cell = (s: string) => escapeInline(s).replace(/\r?\n/g, '<br>');

/** A paragraph: each line escaped, a line starting like a block (a list, quote, rule, heading) defused. */
const para = (s: string) => s.split(/\r?\n/).map((l) => escapeInline(l.trim()).replace(/^([-+=]|\d+[.)])/, '\\$1')).filter(Boolean).join('  \n');

function table(head: string[], rows: string[][], bold = new Set<number>()): string[] {
  return [`| ${head.map(cell).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r, i) => `| ${r.map((x) => (bold.has(i) && x ? `**${cell(x)}**` : cell(x))).join(' | ')} |`)];
}

function section(s: Section): string[] {
  // An untitled part continues the section above it (its intro text): no second heading.
  const out = s.title ? [`## ${escapeInline(s.title)}`, ''] : [];
  switch (s.kind) {
    case 'fields':
      out.push(`| | |`, `|---|---|`, ...s.rows.map(([k, v]) => `| **${cell(k)}** | ${cell(v)} |`));
      break;
    case 'text':
      for (const p of s.paragraphs) out.push(para(p), '');
      return out;
    case 'table':
      if (!s.rows.length) out.push(escapeInline(s.empty ?? '—'));
      else out.push(...table(s.columns, s.rows, new Set(s.highlight)));
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
  const marks = [meta.draftMark, meta.exercise ? meta.exerciseMark : undefined].filter(Boolean).join(' ');
  const out = [
    ...(marks ? [`> **${escapeInline(marks)}**`, ''] : []),
    `# ${escapeInline(meta.title)}`,
    '',
    escapeInline([meta.classification, meta.subtitle, `${meta.generatedLabel} ${meta.generatedAtText}`].filter(Boolean).join(' · ')),
    '',
    escapeInline(meta.zoneLine),
    '',
    ...(meta.unfinishedNotice ? [`> ⚠ ${escapeInline(meta.unfinishedNotice)}`, ''] : []),
    ...m.sections.flatMap(section),
    // Last, as one line in a code block (never escaped, so `verify --report` and a person copying
    // it to --expect read the same tokens).
    ...(m.heads?.length ? [`## ${escapeInline(meta.headsLabel ?? '')}`, '', '```text', formatHeads(meta.incident, m.heads), '```', ''] : []),
  ];
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
