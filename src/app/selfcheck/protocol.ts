/** Messages between the 自查 view (client.ts) and its worker (worker.ts). */
import type { Finding, ParsedReport, Template } from '../../parse/types';
import type { OrganIdentity } from '../../checks/organKey';
import type { CliLine } from '../../pipeline/cliLine';

/** A finding as the view shows it: with the check's title. */
export interface ShownFinding extends Finding {
  title: string;
}

/** Where a figure was printed, as a reader finds it. */
export interface FigureSource {
  /** 1-based line of the text read */
  line: number;
  /** that line as printed */
  text: string;
  /** 第2页 y=512 (PDF) / 表2 第5行 第3列 (page, Word) / 第 12 行 (text) */
  where: string;
  /** the non-blank lines just above it (its row label in one-cell-per-line layouts) */
  context: string[];
}

export interface SelfcheckResult {
  /** the file's name as chosen (the CLI line's `file`) */
  file: string;
  /** the parse CLI's line for this file alone */
  line: CliLine;
  outcome: 'ok' | 'partial' | 'failed';
  reason: string | null;
  encoding: string | null;
  /** null when the file could not be read as a report */
  report: ParsedReport | null;
  /** every finding of the line, with titles, in id order */
  findings: ShownFinding[];
  /** by fact key: where each stated figure was printed */
  sources: Record<string, FigureSource>;
  /** the organ as the build matches organs (null: no organ name) */
  identity: OrganIdentity | null;
  /** time in the worker, ms: extraction, and parse + checks */
  ms: { extract: number; total: number };
}

/** An earlier report of the same organ, from the loaded database. */
export interface EarlierReport {
  reportId: number;
  key: string;
  organ: string | null;
  organSimplified: string | null;
  year: number;
  template: Template | null;
  region: { province: string | null; city: string | null; county: string | null; code: string | null };
  facts: Record<string, number | null>;
  /** sections 一 and 五 (null until loaded from the detail file) */
  prose: { s1: string | null; s5: string | null } | null;
  /** how it was matched: 按机关名称+区划代码匹配 … */
  how: string;
}

export type ToSelfcheck =
  | { type: 'check'; id: number; name: string; bytes: ArrayBuffer }
  /** the cross-year checks of the last checked report against these (latest first) */
  | { type: 'crossYear'; id: number; earlier: EarlierReport[] };

export type FromSelfcheck =
  /** the region tables are indexed and pdf.js is loaded (id 0) */
  | { type: 'ready'; id: 0 }
  | { type: 'progress'; id: number; stage: 'extract' | 'parse'; page?: number; pages?: number }
  | { type: 'result'; id: number; result: SelfcheckResult }
  | { type: 'crossYear'; id: number; findings: ShownFinding[] }
  | { type: 'failed'; id: number; error: string };
