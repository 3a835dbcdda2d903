/**
 * A report file's bytes → its text (src/extract) → ParsedReport → the report's
 * own findings, with the file's outcome. One door for the database build, the
 * parse CLI (through scripts/lib/pipeline.ts, which adds reading the file and
 * hashing it) and the 自查 view's worker, so all three give the same figures
 * and findings for the same file. No Node APIs. A broken file never throws: it
 * comes back with outcome 'failed' and the reason in Chinese.
 */
import { runReportChecks } from '../checks/index';
import { extractText, type ExtractMeta, type ExtractOptions } from '../extract/index';
import { parseReport } from '../parse/index';
import type { Finding, ManifestRow, ParsedReport, RegionResolver } from '../parse/types';

export type Outcome = 'ok' | 'partial' | 'failed';

export interface ReportOutcome {
  outcome: Outcome;
  reason: string | null;
  /** null when the file failed */
  report: ParsedReport | null;
  /** the single-report checks (C01–C17, C25–C28), without their per-row parts */
  findings: Finding[];
  /** the text the parser read ('' when extraction failed) */
  text: string;
  encoding: string | null;
  /** one per line of `text` for a page, Word file or PDF; empty for plain text */
  lineLocators: (string | null)[];
  /** metadata a saved page states about itself */
  pageMeta: ExtractMeta;
  /** the manifest row as applied (with the page's own metadata filling gaps) */
  manifest: ManifestRow | null;
}

export interface ProcessReportOptions extends ExtractOptions {
  manifest?: ManifestRow | null;
  resolveRegion?: RegionResolver;
}

const describeError = (e: unknown) => (e instanceof Error ? e.message : String(e));

function failed(reason: string, encoding: string | null = null): ReportOutcome {
  return { outcome: 'failed', reason, report: null, findings: [], text: '', encoding, lineLocators: [], pageMeta: {}, manifest: null };
}

export async function processReport(name: string, bytes: Uint8Array, opts: ProcessReportOptions): Promise<ReportOutcome> {
  let ex;
  try {
    ex = await extractText(name, bytes, opts);
  } catch (e) {
    return failed(`无法提取文本：${describeError(e)}`);
  }
  if ('error' in ex) return failed(ex.error);
  const { text, encoding, meta } = ex;

  const manifest = withPageMeta(opts.manifest ?? null, meta, name);
  let report: ParsedReport;
  try {
    report = parseReport(text, { file: name, manifest: manifest ?? undefined, resolveRegion: opts.resolveRegion, pageTitle: meta.title });
  } catch (e) {
    return failed(`解析失败：${describeError(e)}`, encoding);
  }
  const { outcome, reason } = judge(report);
  // a file judged not to be a report is a failure only, never also a report
  if (outcome === 'failed') return failed(reason ?? '不是年度报告', encoding);
  let findings: Finding[];
  try {
    // keep what the database stores: the per-row `parts` of a finding are for callers that show them
    findings = runReportChecks(report, { manifest, level: manifest?.level ?? null, text }).map(({ check, status, severity, evidence, keys }) => ({
      check,
      status,
      severity,
      evidence,
      keys,
    }));
  } catch (e) {
    // a check that throws is a bug of ours, not of the report: keep the report, say so
    findings = [];
    report.notes.push({ kind: 'checks-failed', message: `检查未能运行：${describeError(e)}` });
  }
  return { outcome, reason, report, findings, text, encoding, lineLocators: ex.lineLocators, pageMeta: meta, manifest };
}

/** The saved page's own metadata fills the manifest fields it leaves empty. */
function withPageMeta(m: ManifestRow | null, meta: ExtractMeta, file: string): ManifestRow | null {
  if (!meta.published && !meta.source) return m;
  const row: ManifestRow = { ...(m ?? { file }) };
  if (!row.published && meta.published) row.published = meta.published;
  return row;
}

/** Whether the parsed text is a report read whole, in part, or not a report at all. */
export function judge(report: ParsedReport): { outcome: Outcome; reason: string | null } {
  if (report.template === null) {
    const hasProse = report.sections.length > 0 || report.prose.s1 !== null;
    if (!hasProse && report.organ === null && report.year === null) {
      return { outcome: 'failed', reason: '不是年度报告：既无模板表格，也无报告标题、年度或章节' };
    }
    return { outcome: 'partial', reason: '无模板表格（非模板报告或文本在表格前中断）' };
  }
  if (report.completeness !== 'complete') {
    const missing = Object.values(report.cells).filter((c) => c.state === 'missing').length;
    return { outcome: 'partial', reason: `部分内容缺失：${missing} 个表格单元格未见于文本` };
  }
  return { outcome: 'ok', reason: null };
}
