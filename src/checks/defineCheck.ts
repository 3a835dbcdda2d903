/**
 * One check of CHECKS.md, declared once: its id, group, title and usual
 * severity, what it needs (scope), which reports it applies to, and its rule.
 * The catalogue, the order of reports.checks and the runners derive from these.
 *
 * scope
 *   report      the report alone (C01–C10, C12–C17, C25–C28)
 *   crossYear   the report against the same organ's earlier report (C18–C22, C24);
 *               the runner finds that report, says when there is none, and opens
 *               the evidence with which report it was and how it was matched
 *   collection  the whole collection at once (C11 against the organ's history and
 *               peers, C23 against every organ of the year)
 */
import type { ManifestRow, ParsedReport, Severity, Template } from '../parse/types';
import type { CheckFinding, Verdict } from './finding';
import type { GroupedItem } from './organGroups';

export type CheckId = `C${number}`;

/** The sections of CHECKS.md. */
export const CHECK_GROUPS = {
  A: '结构与模板',
  B: '报告内部勾稽',
  C: '跨年度比对',
  D: '文字与表格一致',
  E: '外部数据',
} as const;

export type CheckGroup = keyof typeof CHECK_GROUPS;

export type CheckScope = 'report' | 'crossYear' | 'collection';

/**
 * The reports a check applies to; a report outside them gets no finding for it
 * (not a finding "not applicable"). Omitted: every report.
 */
export interface AppliesTo {
  /** the templates it reads (null: a report without template tables) */
  templates?: readonly (Template | null)[];
  /** the first report year it applies to; a report of unknown year is included */
  fromYear?: number;
}

export interface ReportContext {
  manifest?: ManifestRow | null;
  /** 县级部门 / 市级政府 / 乡镇 …; defaults to manifest.level */
  level?: string | null;
  /** the decoded report text: makes the line numbers quoted from prose exact */
  text?: string | null;
}

interface Declared {
  id: CheckId;
  group: CheckGroup;
  title: string;
  /** the usual severity; a verdict states its own only where the case departs from it */
  severity: Severity;
  appliesTo?: AppliesTo;
}

export interface ReportCheck extends Declared {
  scope: 'report';
  run(report: ParsedReport, ctx: ReportContext): Verdict;
}

export interface CrossYearCheck extends Declared {
  scope: 'crossYear';
  /** the organ's report of year − 1, or its latest report before this one */
  against: 'yearBefore' | 'latestEarlier';
  run(report: ParsedReport, earlier: ParsedReport): Verdict;
}

export interface CollectionCheck extends Declared {
  scope: 'collection';
  /** a verdict for each item id (items it does not apply to are dropped) */
  run(items: readonly GroupedItem[]): Map<string, Verdict>;
  /** what the report alone shows, until the collection's verdict replaces it */
  provisional?(report: ParsedReport): Verdict;
}

export type CheckDefinition = ReportCheck | CrossYearCheck | CollectionCheck;

/** Types a check's definition (the catalogue test holds every id to C + two digits). */
export function defineCheck<C extends CheckDefinition>(check: C): C {
  return check;
}

export function applies(check: CheckDefinition, report: ParsedReport): boolean {
  const a = check.appliesTo;
  if (!a) return true;
  if (a.templates && !a.templates.includes(report.template)) return false;
  return a.fromYear === undefined || report.year === null || report.year >= a.fromYear;
}

/** The finding a verdict of this check makes. */
export function findingOf(check: CheckDefinition, v: Verdict): CheckFinding {
  const f: CheckFinding = { check: check.id, status: v.status, severity: v.severity ?? check.severity, evidence: v.evidence, keys: v.keys };
  if (v.parts) f.parts = v.parts;
  return f;
}
