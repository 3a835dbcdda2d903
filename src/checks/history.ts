/**
 * The same organ's earlier reports, which the cross-year checks (C18–C22, C24)
 * compare a report with: the report of year − 1, and the latest report before
 * this one. Every such finding opens with which report it was and how the two
 * were matched.
 */
import type { ParsedReport } from '../parse/types';
import type { CrossYearCheck } from './defineCheck';
import type { FindingPart } from './finding';
import { type GroupedItem, howMatched } from './organGroups';

/** An earlier report and how it was matched to this one. */
export interface Counterpart {
  report: ParsedReport;
  /** 按机关名称+区划代码匹配 … */
  how: string;
}

export type Earlier = Record<CrossYearCheck['against'], Counterpart | null>;

/** 与 2020 年报告（连生乡，按机关名称+区划代码匹配）比较 */
export function pairNote(c: Counterpart): string {
  const name = c.report.organ ?? c.report.organSimplified ?? '机关名称不详';
  return `与 ${c.report.year ?? '年度不详'} 年报告（${name}，${c.how}）比较`;
}

/** Evidence when there is no earlier report to compare with. */
export const NO_EARLIER: Record<CrossYearCheck['against'], string> = {
  yearBefore: '未找到本机关上年报告',
  latestEarlier: '未找到本机关以前年度报告',
};

/** Evidence of every cross-year check of a report whose organ is unknown. */
export const ORGAN_UNKNOWN = '机关名称不详，无法匹配以前年度报告';

/** A part that cannot be checked because the earlier report lacks a figure; its keys are this report's figures the part would check. */
export function earlierMissing(earlier: ParsedReport, missing: string, label: string, keys: string[]): FindingPart {
  return { label, status: 'na', evidence: `${label}：${earlier.year} 年报告 ${missing} 无数值，无法核对`, keys };
}

/** Each grouped item's earlier reports, by item id. */
export function earlierReports(grouped: readonly GroupedItem[]): Map<string, Earlier> {
  const byOrganYear = new Map<string, GroupedItem>();
  const yearsOf = new Map<number, number[]>();
  for (const g of grouped) {
    const y = g.report.year;
    if (g.organ < 0 || y === null) continue;
    const k = `${g.organ}|${y}`;
    if (!byOrganYear.has(k)) byOrganYear.set(k, g);
    const ys = yearsOf.get(g.organ);
    if (ys) ys.push(y);
    else yearsOf.set(g.organ, [y]);
  }
  const counterpart = (of: GroupedItem, other: GroupedItem | undefined): Counterpart | null =>
    other ? { report: other.report, how: howMatched(of, other) } : null;
  const out = new Map<string, Earlier>();
  for (const g of grouped) {
    const y = g.report.year;
    const earlier: Earlier = { yearBefore: null, latestEarlier: null };
    if (g.organ >= 0 && y !== null) {
      earlier.yearBefore = counterpart(g, byOrganYear.get(`${g.organ}|${y - 1}`));
      const before = (yearsOf.get(g.organ) ?? []).filter((x) => x < y);
      if (before.length) earlier.latestEarlier = counterpart(g, byOrganYear.get(`${g.organ}|${Math.max(...before)}`));
    }
    out.set(g.id, earlier);
  }
  return out;
}
