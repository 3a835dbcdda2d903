/**
 * The parse CLI's line for one file, shaped here so the CLI and the 自查 view's
 * 下载JSON give the same keys in the same order with the same values:
 * `{file, organ, year, template, region: {province, city, county, code}, facts, findings: [{check, status, severity, evidence}]}`,
 * or `{file, error}` for a file that could not be read.
 */
import { mergeFindings, runCollectionChecks } from '../checks/index';
import type { FactKey, Finding, FindingStatus, ManifestRow, ParsedReport, Severity, Template } from '../parse/types';
import { factValues } from '../parse/types';

export interface ReportLine {
  file: string;
  organ: string | null;
  year: number | null;
  template: Template | null;
  region: { province: string | null; city: string | null; county: string | null; code: string | null };
  facts: Partial<Record<FactKey, number | null>>;
  findings: { check: string; status: FindingStatus; severity: Severity; evidence: string }[];
}

export interface ErrorLine {
  file: string;
  error: string;
}

export type CliLine = ReportLine | ErrorLine;

/** A report's line: its own findings with the collection's laid over them (mergeFindings). */
export function reportLine(file: string, r: ParsedReport, own: readonly Finding[], collection: readonly Finding[] | undefined): ReportLine {
  const g = r.region.region;
  return {
    file,
    organ: r.organ,
    year: r.year,
    template: r.template,
    region: { province: g.province, city: g.city, county: g.county, code: g.code },
    facts: factValues(r),
    findings: mergeFindings(own, collection).map(({ check, status, severity, evidence }) => ({ check, status, severity, evidence })),
  };
}

export function errorLine(file: string, reason: string | null): ErrorLine {
  return { file, error: reason ?? '无法读取' };
}

/** A file as the lines are made of it: its report (null when it failed), its own findings, the manifest row applied. */
export interface LineInput {
  file: string;
  report: ParsedReport | null;
  reason: string | null;
  findings: readonly Finding[];
  manifest: ManifestRow | null;
}

/**
 * The CLI's lines for files given together, in their order: the cross-year and
 * collection checks compare the files among themselves (one file alone: no
 * earlier report, no other organ).
 */
export function cliLines(files: readonly LineInput[]): CliLine[] {
  const parsed = files.filter((p) => p.report);
  const collection = runCollectionChecks(parsed.map((p) => ({ id: p.file, report: p.report!, manifest: p.manifest, regionCode: p.report!.region.region.code })));
  return files.map((p) => (p.report ? reportLine(p.file, p.report, p.findings, collection.get(p.file)) : errorLine(p.file, p.reason)));
}
