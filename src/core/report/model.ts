// The ReportModel: everything a report shows, already in the template's language and time zone,
// as plain data. buildReport makes it from the journal; the Markdown, JSON and PDF renderers draw it.
import type { Head } from '../journal/heads.js';
import type { Lang } from '../i18n/lang.js';

export interface ReportMeta {
  template: string;
  lang: Lang;
  timezone: string;
  /** The document title, e.g. インシデント報告書（本社向け）. */
  title: string;
  /** Classification line for the header, e.g. 社外秘 / 内部资料. */
  classification: string;
  incident: string;
  playbook: { id: string; version: string; title: string; commit?: string };
  responders: string[];
  /** ISO time the report was made, and the same formatted in the template's zone. */
  generatedAt: string;
  generatedAtText: string;
  exercise: boolean;
  /** 訓練 / 演练 / EXERCISE, in the template's language, when `exercise`. */
  exerciseMark?: string;
  /** 草稿 / 下書き / DRAFT on every page: drawn with `--draft` although the profile lacks what it needs. */
  draftMark?: string;
  finished: boolean;
  /** Shown on the first page when the session is not closed. */
  unfinishedNotice?: string;
  /** The line under the title: the incident, and the playbook inside the company or the organisation outside it. */
  subtitle: string;
  /** The one line stating the zone every time is shown in. */
  zoneLine: string;
  /** Free-text passages drawn untranslated (marked 〔原文・…〕): the command warns about them. */
  untranslated?: string[];
  /** Footer texts: "page {page} / {pages}" pattern and the generated-at label. */
  pageLabel: string;
  generatedLabel: string;
  /** The label of the journal heads block (ジャーナルの検証値), when the model has `heads`. */
  headsLabel?: string;
}

export interface FieldsSection { kind: 'fields'; id: string; title: string; rows: [label: string, value: string][] }
export interface TextSection { kind: 'text'; id: string; title: string; paragraphs: string[] }
export interface TableSection {
  kind: 'table';
  id: string;
  title: string;
  columns: string[];
  /** Relative column widths (same length as columns). */
  widths: number[];
  rows: string[][];
  /** Row indexes to emphasise (an override, a late clock). */
  highlight?: number[];
  empty?: string;
}
export interface ChartSection {
  kind: 'chart';
  id: string;
  title: string;
  /** One bar per stage, from entered to completed (end undefined: still open). */
  bars: { label: string; start: string; end?: string; startText: string; endText?: string }[];
  /** Axis labels already formatted in the template's zone. */
  axis: { start: string; end: string; startText: string; endText: string };
  empty?: string;
}

export type Section = FieldsSection | TextSection | TableSection | ChartSection;

export interface ReportModel {
  meta: ReportMeta;
  sections: Section[];
  /** The incident's journal heads the report was made from, per writer: `verify --report` reads them back. */
  heads?: Head[];
}
