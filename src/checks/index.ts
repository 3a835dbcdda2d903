/**
 * The compliance checks of CHECKS.md.
 *
 * runReportChecks: C01–C17 and C25–C28 on one report. runCollectionChecks:
 * C18–C24 and the full C11 across a collection (same organ across years, other
 * organs of the same year); merge its result over the report's own with
 * mergeFindings (it replaces the single-report C11).
 *
 * A check that does not apply to the report's template or year is omitted
 * (C02 before 2019; C03 and C09 before 2021; C10 for the 2021 template; C11 and
 * C26 for the 2019 template; C19 for the 2019 template; C20 for the 2021
 * template). A check that applies but cannot be assessed — an operand blank or
 * missing, no template tables (evidence 无模板表格), no publication date — is
 * returned as `na` with the reason.
 */
import type { Finding, ManifestRow, ParsedReport } from '../parse/types';
import { checkFeeUnitSingle, checkProcurementUnit } from './amounts';
import {
  checkBounds,
  checkCarryBalance,
  checkCountsValid,
  checkResultTotals,
  checkReviewTotals,
  checkRowTotals,
} from './arithmetic';
import { copiedAcrossOrgansFindings } from './copiedAcrossOrgans';
import {
  checkCarryOverChain,
  checkCopiedFromLastYear,
  checkInForceChain,
  checkJumps,
  checkStockChain,
  checkTemplateChange,
  type Counterpart,
} from './crossYear';
import { checkPublishedOnTime } from './deadline';
import { feeOutlierFindings } from './feeOutlier';
import { type CheckFinding, finding } from './finding';
import { type CollectionItem, groupByOrgan, type GroupedItem, howMatched } from './organGroups';
import { checkFeeDenial, checkStatedTotals, checkZeroClaim } from './proseVsTables';
import { checkFeeStatement, checkSection1Topics, checkSection5Substance } from './sectionContent';
import {
  checkOldLabels,
  checkSections,
  checkTable2Complete,
  checkTable3Complete,
  checkTable4Complete,
  checkTemplateYear,
} from './structure';

export type { CheckFinding, FindingPart } from './finding';
export type { CollectionItem } from './organGroups';
export { extractStatedTotals, type StatedTotal } from './statedTotals';
export { organMatchKey } from './organKey';

export interface ReportContext {
  manifest?: ManifestRow | null;
  /** 县级部门 / 市级政府 / 乡镇 …; defaults to manifest.level */
  level?: string | null;
  /** the decoded report text: makes the line numbers quoted from prose exact */
  text?: string | null;
}

function present<T>(x: T | null): x is T {
  return x !== null;
}

/** C01–C17 and C25–C28 on one report, in id order. */
export function runReportChecks(report: ParsedReport, ctx: ReportContext = {}): CheckFinding[] {
  const pre2019 = report.year !== null && report.year < 2019;
  const c01 = pre2019
    ? finding('C01', 'na', 'warning', `${report.year} 年报告早于 2019 年模板，无统一的六部分格式`)
    : checkSections(report);
  return [
    c01,
    checkTemplateYear(report),
    checkOldLabels(report),
    checkTable3Complete(report),
    checkTable4Complete(report),
    checkTable2Complete(report),
    checkSection1Topics(report),
    checkSection5Substance(report),
    checkFeeStatement(report, ctx.text),
    checkProcurementUnit(report),
    checkFeeUnitSingle(report),
    checkCarryBalance(report),
    checkRowTotals(report),
    checkResultTotals(report),
    checkReviewTotals(report),
    checkCountsValid(report),
    checkBounds(report),
    checkStatedTotals(report, ctx.text),
    checkFeeDenial(report, ctx.text),
    checkZeroClaim(report, ctx.text),
    checkPublishedOnTime(report, { manifest: ctx.manifest, level: ctx.level ?? ctx.manifest?.level ?? null }),
  ].filter(present);
}

function counterpart(of: GroupedItem, other: GroupedItem | undefined): Counterpart | null {
  return other ? { report: other.report, how: howMatched(of, other) } : null;
}

/**
 * C11 (history and peers), C18–C24 for every report of the collection, keyed by
 * item id, in id order. C18–C21 and C24 compare with the organ's report of
 * year−1; C22 with its latest earlier report.
 */
export function runCollectionChecks(items: readonly CollectionItem[]): Map<string, CheckFinding[]> {
  const grouped = groupByOrgan(items);
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
  const fees = feeOutlierFindings(grouped);
  const copied = copiedAcrossOrgansFindings(grouped);
  const out = new Map<string, CheckFinding[]>();
  for (const g of grouped) {
    const y = g.report.year;
    let prev: Counterpart | null = null;
    let earlier: Counterpart | null = null;
    if (g.organ >= 0 && y !== null) {
      prev = counterpart(g, byOrganYear.get(`${g.organ}|${y - 1}`));
      const before = (yearsOf.get(g.organ) ?? []).filter((x) => x < y);
      if (before.length) earlier = counterpart(g, byOrganYear.get(`${g.organ}|${Math.max(...before)}`));
    }
    const list: (CheckFinding | null)[] = [
      fees.get(g.id) ?? null,
      checkCarryOverChain(g.report, prev),
      checkInForceChain(g.report, prev),
      checkStockChain(g.report, prev),
      checkTemplateChange(g.report, prev),
      checkCopiedFromLastYear(g.report, earlier),
      copied.get(g.id) ?? null,
      checkJumps(g.report, prev),
    ];
    const found = list.filter(present);
    if (g.organ < 0) {
      for (const f of found) {
        if (['C18', 'C19', 'C20', 'C21', 'C22', 'C24'].includes(f.check)) f.evidence = '机关名称不详，无法匹配以前年度报告';
      }
    }
    out.set(g.id, found);
  }
  return out;
}

/** A report's own findings with the collection's laid over them (C11 replaced), in id order. */
export function mergeFindings(own: readonly Finding[], collection: readonly Finding[] | undefined): Finding[] {
  const byId = new Map(own.map((f) => [f.check, f]));
  for (const f of collection ?? []) byId.set(f.check, f);
  return [...byId.values()].sort((a, b) => a.check.localeCompare(b.check));
}
