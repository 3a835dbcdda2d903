/**
 * The compliance checks of CHECKS.md, run over one report or a collection.
 *
 * runReportChecks: every check that needs only the report (scope `report`), and
 * the provisional verdict of the collection checks that have one (C11).
 * runCollectionChecks: the cross-year checks (C18–C22, C24) and the collection
 * checks (C11, C23) for every report of a collection; lay its result over the
 * report's own with mergeFindings (it replaces the provisional C11).
 *
 * A check that does not apply to the report (its `appliesTo`) gives no finding.
 * One that applies but cannot be assessed — an operand blank or missing, no
 * template tables (evidence 无模板表格), no earlier report, no publication date —
 * gives `na` with the reason.
 */
import type { Finding, ParsedReport } from '../parse/types';
import { CATALOGUE } from './catalogue';
import { applies, type CheckDefinition, type CrossYearCheck, findingOf, type ReportContext } from './defineCheck';
import { type CheckFinding, na, type Verdict } from './finding';
import { type Earlier, earlierReports, NO_EARLIER, ORGAN_UNKNOWN, pairNote } from './history';
import { type CollectionItem, groupByOrgan, type GroupedItem } from './organGroups';

export { CATALOGUE } from './catalogue';
export { CHECK_GROUPS, type CheckDefinition, type CheckGroup, type CheckId, type CheckScope, type ReportContext } from './defineCheck';
export type { CheckFinding, FindingPart } from './finding';
export type { CollectionItem } from './organGroups';
export { extractStatedTotals, type StatedTotal } from './statedTotals';
export { organMatchKey } from './organKey';
export type { Counterpart, Earlier } from './history';

/** The report's own findings, in id order. */
export function runReportChecks(report: ParsedReport, ctx: ReportContext = {}): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const c of CATALOGUE) {
    if (!applies(c, report)) continue;
    if (c.scope === 'report') out.push(findingOf(c, c.run(report, ctx)));
    else if (c.scope === 'collection' && c.provisional) out.push(findingOf(c, c.provisional(report)));
  }
  return out;
}

function crossYearFinding(c: CrossYearCheck, g: GroupedItem, earlier: Earlier): CheckFinding {
  if (g.organ < 0) return findingOf(c, na(ORGAN_UNKNOWN));
  const other = earlier[c.against];
  if (!other) return findingOf(c, na(NO_EARLIER[c.against]));
  const f = findingOf(c, c.run(g.report, other.report));
  f.evidence = `${pairNote(other)}：${f.evidence}`;
  return f;
}

/**
 * The findings that need other reports, for every report of the collection, keyed by item id, in id order.
 * With `sink`, each report's findings go to it as they are made, in the items' order, and the map stays
 * empty (a national collection's findings, held all at once, are some 2 KB a report).
 */
export function runCollectionChecks(items: readonly CollectionItem[], sink?: (id: string, findings: CheckFinding[]) => void): Map<string, CheckFinding[]> {
  const grouped = groupByOrgan(items);
  const earlier = earlierReports(grouped);
  const whole = new Map<CheckDefinition, Map<string, Verdict>>();
  for (const c of CATALOGUE) if (c.scope === 'collection') whole.set(c, c.run(grouped));
  const out = new Map<string, CheckFinding[]>();
  for (const g of grouped) {
    const found: CheckFinding[] = [];
    for (const c of CATALOGUE) {
      if (c.scope === 'report' || !applies(c, g.report)) continue;
      if (c.scope === 'crossYear') found.push(crossYearFinding(c, g, earlier.get(g.id)!));
      else {
        const v = whole.get(c)!.get(g.id);
        if (v) found.push(findingOf(c, v));
      }
    }
    if (sink) sink(g.id, found);
    else out.set(g.id, found);
  }
  return out;
}

/** A report's own findings with the collection's laid over them (C11 replaced), in id order. */
export function mergeFindings(own: readonly Finding[], collection: readonly Finding[] | undefined): Finding[] {
  const byId = new Map(own.map((f) => [f.check, f]));
  for (const f of collection ?? []) byId.set(f.check, f);
  return [...byId.values()].sort((a, b) => a.check.localeCompare(b.check));
}

/**
 * One report's cross-year findings (C18–C22, C24) against earlier reports found
 * elsewhere — the 自查 view's: the loaded database's reports of the same organ,
 * matched as the build matches organs. In id order.
 */
export function runCrossYearChecks(report: ParsedReport, earlier: Earlier): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const c of CATALOGUE) {
    if (c.scope !== 'crossYear' || !applies(c, report)) continue;
    if (!report.organ && !report.organSimplified) {
      out.push(findingOf(c, na(ORGAN_UNKNOWN)));
      continue;
    }
    const other = earlier[c.against];
    if (!other) {
      out.push(findingOf(c, na(NO_EARLIER[c.against])));
      continue;
    }
    const f = findingOf(c, c.run(report, other.report));
    f.evidence = `${pairNote(other)}：${f.evidence}`;
    out.push(f);
  }
  return out;
}
