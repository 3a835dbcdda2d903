/**
 * One input file → extracted text → ParsedReport → its own findings, with the
 * file's outcome: the Node door to src/pipeline/processReport, shared by the
 * database build and the parse CLI (reading and hashing here; the rest
 * runs in the 自查 view's worker too).
 * A broken file never throws: it comes back with outcome 'failed' and the reason.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { fileTooLarge, LIMITS, type Limits } from '../../src/extract/limits';
import { splitLines } from '../../src/parse/normalise';
import { type Finding, type ManifestRow, type ParsedReport, type RegionResolver } from '../../src/parse/types';
import type { Outcome } from '../../src/db/writer';
import { processReport } from '../../src/pipeline/processReport';
import { nodePdfHost } from './nodeExtract';

export interface ProcessedFile {
  /** name relative to the reports folder (or as given on the command line) */
  file: string;
  bytes: number;
  sha256: string;
  encoding: string | null;
  outcome: Outcome;
  reason: string | null;
  report: ParsedReport | null;
  /** the manifest row as applied (with the saved page's own metadata filling gaps) */
  manifest: ManifestRow | null;
  /** the single-report checks (C01–C17, C25–C28) */
  findings: Finding[];
  lineLocators?: (string | null)[];
  /** the lines just above each cell's line (its row label in one-cell-per-line layouts), by line number */
  contextLines?: Map<number, string>;
  /** metadata a saved web page states about itself (发布日期, 来源 …) */
  pageMeta?: { published?: string; source?: string; indexNo?: string; title?: string };
}

export interface ProcessOptions {
  manifest?: ManifestRow | null;
  resolveRegion?: RegionResolver;
  /** the bounds on the work one file may cause (default LIMITS) */
  limits?: Readonly<Limits>;
  /** the lines a detail shard shows with each cell (line locators, context lines); default true */
  detail?: boolean;
}

function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function processFile(absPath: string, name: string, opts: ProcessOptions = {}): Promise<ProcessedFile> {
  const limits = opts.limits ?? LIMITS;
  let bytes: Uint8Array;
  try {
    const size = fs.statSync(absPath).size;
    if (size > limits.fileBytes) return failed(name, size, sha256File(absPath), null, fileTooLarge(size, limits).message);
    bytes = fs.readFileSync(absPath);
  } catch (e) {
    return failed(name, 0, '', null, `无法读取文件：${describeError(e)}`);
  }
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const r = await processReport(name, bytes, { pdf: nodePdfHost, limits, manifest: opts.manifest, resolveRegion: opts.resolveRegion });
  if (!r.report) return failed(name, bytes.length, sha256, r.encoding, r.reason ?? '无法读取');
  const { report, outcome, reason, manifest, text, encoding } = r;
  const detail = opts.detail ?? true;
  return {
    file: name,
    bytes: bytes.length,
    sha256,
    encoding,
    outcome,
    reason,
    report,
    manifest,
    findings: r.findings,
    lineLocators: detail && r.lineLocators.length ? r.lineLocators : undefined,
    contextLines: detail ? contextOf(report, text) : undefined,
    pageMeta: r.pageMeta,
  };
}

/** How many lines above a cell's own line the site shows with it. */
export const CONTEXT_LINES = 3;

/** The non-blank lines up to CONTEXT_LINES above each cell's line: what a reader needs to see which row a bare number belongs to. */
function contextOf(report: ParsedReport, text: string): Map<number, string> {
  const lines = splitLines(text);
  const out = new Map<number, string>();
  for (const c of Object.values(report.cells)) {
    const at = c.source?.line;
    if (!at) continue;
    for (let l = at - 1, seen = 0; l >= 1 && seen < CONTEXT_LINES; l--) {
      const t = lines[l - 1];
      if (t === undefined || !t.trim()) continue;
      if (!out.has(l)) out.set(l, t);
      seen++;
    }
  }
  return out;
}

function failed(file: string, bytes: number, sha256: string, encoding: string | null, reason: string): ProcessedFile {
  return { file, bytes, sha256, encoding, outcome: 'failed', reason, report: null, manifest: null, findings: [] };
}

function sha256File(p: string): string {
  const h = crypto.createHash('sha256');
  const fd = fs.openSync(p, 'r');
  const buf = Buffer.alloc(1 << 20);
  let n: number;
  while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) h.update(buf.subarray(0, n));
  fs.closeSync(fd);
  return h.digest('hex');
}
