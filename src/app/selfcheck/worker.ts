/// <reference lib="webworker" />
/**
 * The 自查 worker: one chosen file's bytes → extraction, parse and checks, by
 * the same code as the build and the parse CLI (src/pipeline), so the page never
 * blocks and the result is the CLI's. Started when the 自查 view opens; it loads
 * the region tables and pdf.js then (the site's own chunks), so checking a file
 * fetches nothing but pdf.js's character maps, also files of this site.
 */
import { CATALOGUE, runCrossYearChecks, type CheckFinding } from '../../checks/index';
import { identityOf } from '../../checks/organGroups';
import { cellLocator } from '../../extract/index';
import { splitLines } from '../../parse/normalise';
import { cellEntries, type Finding, type ParsedReport, type RegionResolver } from '../../parse/types';
import { cliLines, type ReportLine } from '../../pipeline/cliLine';
import { processReport } from '../../pipeline/processReport';
import { earlierOf } from './earlier';
import { browserPdfHost } from './pdfHost';
import { loadRegionResolver } from './regions';
import type { FigureSource, FromSelfcheck, SelfcheckResult, ShownFinding, ToSelfcheck } from './protocol';

const post = (m: FromSelfcheck) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

const regions: Promise<RegionResolver> = loadRegionResolver();
// pdf.js's module, fetched now so a PDF chosen later waits for nothing but its pages
const pdfjs = browserPdfHost.load().catch(() => undefined);
void Promise.all([regions, pdfjs]).then(() => post({ type: 'ready', id: 0 }));

const TITLES = new Map<string, string>(CATALOGUE.map((c) => [c.id, c.title]));
const titled = (f: Finding): ShownFinding => ({ check: f.check, status: f.status, severity: f.severity, evidence: f.evidence, keys: f.keys, title: TITLES.get(f.check) ?? f.check });

/** How many non-blank lines above a figure's line are shown with it (as the build stores them). */
const CONTEXT_LINES = 3;

function sourcesOf(report: ParsedReport, text: string, locators: readonly (string | null)[]): Record<string, FigureSource> {
  const lines = splitLines(text);
  const out: Record<string, FigureSource> = {};
  for (const [key, c] of cellEntries(report.cells)) {
    if (!c.source) continue;
    const { line } = c.source;
    const loc = locators[line - 1] ?? null;
    const where = loc ? (c.source.field !== undefined ? cellLocator(loc, c.source.field)! : loc) : `第 ${line} 行`;
    const context: string[] = [];
    for (let l = line - 1; l >= 1 && context.length < CONTEXT_LINES; l--) {
      const t = lines[l - 1];
      if (t !== undefined && t.trim()) context.unshift(t);
    }
    out[key] = { line, text: c.source.text, where, context };
  }
  return out;
}

let last: ParsedReport | null = null;

async function check(id: number, name: string, bytes: Uint8Array): Promise<SelfcheckResult> {
  const t0 = performance.now();
  const resolveRegion = await regions;
  let extracted = 0;
  post({ type: 'progress', id, stage: 'extract' });
  const r = await processReport(name, bytes, {
    pdf: browserPdfHost,
    resolveRegion,
    onPdfPage: (page, pages) => {
      post({ type: 'progress', id, stage: 'extract', page, pages });
      if (page === pages) {
        extracted = performance.now() - t0;
        post({ type: 'progress', id, stage: 'parse' });
      }
    },
  });
  if (!extracted) extracted = performance.now() - t0;
  const [line] = cliLines([{ file: name, report: r.report, reason: r.reason, findings: r.findings, manifest: r.manifest }]);
  last = r.report;
  const findings = r.report ? (line as ReportLine).findings.map((f) => titled({ ...f, keys: keysOf(f.check, r.findings) })) : [];
  return {
    file: name,
    line,
    outcome: r.outcome,
    reason: r.reason,
    encoding: r.encoding,
    report: r.report,
    findings,
    sources: r.report ? sourcesOf(r.report, r.text, r.lineLocators) : {},
    identity: r.report ? identityOf({ id: name, report: r.report, manifest: r.manifest, regionCode: r.report.region.region.code }) : null,
    ms: { extract: Math.round(extracted), total: Math.round(performance.now() - t0) },
  };
}

/** The fact keys of a finding of the report's own checks (the collection's carry none the view uses). */
function keysOf(check: string, own: readonly Finding[]): string[] {
  return own.find((f) => f.check === check)?.keys ?? [];
}

self.onmessage = async (ev: MessageEvent<ToSelfcheck>) => {
  const m = ev.data;
  try {
    if (m.type === 'check') {
      post({ type: 'result', id: m.id, result: await check(m.id, m.name, new Uint8Array(m.bytes)) });
    } else {
      if (!last || last.year === null) throw new Error('没有可比对的报告');
      const found: CheckFinding[] = runCrossYearChecks(last, earlierOf(last.year, m.earlier));
      post({ type: 'crossYear', id: m.id, findings: found.map(titled) });
    }
  } catch (e) {
    post({ type: 'failed', id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
};
