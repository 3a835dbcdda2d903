/**
 * data/ → one SQLite file. Every input file ends up in source_files and in the
 * summary whether it parsed or not; a broken file never stops the build. The
 * same inputs give a byte-identical file (no clock, sorted inputs).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import initSqlJs from 'sql.js';
import { mergeFindings, runCollectionChecks } from '../../src/checks/index';
import { groupByOrgan } from '../../src/checks/organGroups';
import { organMatchKey } from '../../src/checks/organKey';
import { partFileName, splitCore } from '../../src/db/parts';
import { DatabaseWriter, patchShard, shardFileName } from '../../src/db/writer';
import { toSimplified } from '../../src/parse/normalise';
import { cellEntries, type Cell, type Finding, type ManifestRow, type ParsedReport } from '../../src/parse/types';
import { PARSER_VERSION } from '../../src/parse/version';
import { describeEncoding, loadManifest } from './manifest';
import { processFile, type ProcessedFile } from './pipeline';
import { Phases, Progress } from './progress';
import { loadRegionResolver } from './regions';
import { listReportFiles, type SkippedFile } from './reportFiles';

export interface BuildOptions {
  reportsDir: string;
  manifestPath: string;
  outFile: string;
  /** where the detail shards go (served as <base>data/ by the site); default: beside outFile in public/data */
  detailDir?: string;
  /** reports per detail shard */
  shardSize?: number;
  /** recorded as built_at; from SOURCE_DATE_EPOCH or the data's last commit, never the clock */
  builtAt?: string | null;
  /**
   * When the core file would be larger than this gzipped, split it: one part per
   * year (reports and failures) beside the shards, and the core an index. Default 25 MiB.
   */
  splitGzipBytes?: number;
  log?: (line: string) => void;
  progress?: boolean;
}

/** Above this (gzip) the core is split into per-year parts: 25 MiB. */
export const DEFAULT_SPLIT_GZIP_BYTES = 25 * 1024 * 1024;

export interface BuildSummary {
  files: number;
  ok: number;
  partial: number;
  failed: number;
  failures: { file: string; reason: string }[];
  /** files read only in part, with the reason */
  partials: { file: string; reason: string }[];
  /** where the manifest's organ or year disagrees with the text (the manifest's is used) */
  disagreements: { file: string; message: string }[];
  /** symlinks, hidden files and other entries of the reports folder that were not read */
  skipped: SkippedFile[];
  findings: Record<'error' | 'warning' | 'info', number>;
  duplicates: { organ: string; year: number; files: string[] }[];
  manifestWithoutFile: string[];
  filesWithoutManifest: string[];
  manifestProblems: string[];
  /** how the manifest was read (utf-8, gb18030 …); null when it is missing or unreadable */
  manifestEncoding: string | null;
  /** size of the core file */
  bytes: number;
  /** detail shards: count and total size */
  shards: number;
  shardBytes: number;
  /** gzip size of the whole core, before any split */
  gzipBytes: number;
  /** per-year part files (0 when the core was not split) and their total size */
  parts: number;
  partBytes: number;
  splitGzipBytes: number;
  outFile: string;
}

export async function buildDatabase(opts: BuildOptions): Promise<BuildSummary> {
  const log = opts.log ?? (() => {});
  const { files, skipped } = listReportFiles(opts.reportsDir);
  const manifest = fs.existsSync(opts.manifestPath)
    ? loadManifest(opts.manifestPath)
    : { rows: new Map<string, ManifestRow>(), problems: [{ line: 0, message: `清单文件不存在：${opts.manifestPath}` }] };
  const resolveRegion = loadRegionResolver();

  // Detail shards are written as reports are parsed and go to disk as they fill;
  // each report is then slimmed to what the core and the collection checks read.
  const SQL = await initSqlJs();
  const detailDir = opts.detailDir ?? path.join(path.dirname(opts.outFile), 'public', 'data');
  fs.mkdirSync(detailDir, { recursive: true });
  for (const f of fs.readdirSync(detailDir)) if (/^(detail|part)-.*\.sqlite$|^\.shard-\d+\.tmp$/.test(f)) fs.rmSync(path.join(detailDir, f));
  const pending: { firstReportId: number; lastReportId: number; tmp: string }[] = [];
  const writer = new DatabaseWriter(SQL, opts.shardSize, (shard) => {
    const tmp = path.join(detailDir, `.shard-${pending.length}.tmp`);
    fs.writeFileSync(tmp, shard.bytes);
    pending.push({ firstReportId: shard.firstReportId, lastReportId: shard.lastReportId, tmp });
  });

  const progress = new Progress(files.length, '解析报告');
  const phases = new Phases(opts.progress ? process.stderr : null);
  const processed: ProcessedFile[] = [];
  const reportIds = new Map<string, number>();
  const disagreements: BuildSummary['disagreements'] = [];
  for (const [i, file] of files.entries()) {
    const m = manifest.rows.get(file) ?? null;
    const p = await processFile(path.join(opts.reportsDir, file), file, { manifest: m, resolveRegion });
    if (p.report) {
      for (const n of p.report.notes) if (n.kind === 'manifest-disagrees') disagreements.push({ file, message: n.message });
      reportIds.set(file, writer.addDetail({ report: p.report, findings: p.findings, contextLines: p.contextLines, lineLocators: p.lineLocators }));
      slim(p);
    }
    processed.push(p);
    if (opts.progress) progress.tick(i + 1);
  }
  if (opts.progress) progress.done();
  writer.closeShards();

  // Collection checks (across years and peers), and organs from the same grouping.
  const parsed = processed.filter((p) => p.report);
  phases.begin(`跨报告检查（${parsed.length} 份报告：跨年度、同级机关、雷同文字）`);
  const items = parsed.map((p) => ({ id: p.file, report: p.report!, manifest: p.manifest, regionCode: p.report!.region.region.code }));
  const collection = runCollectionChecks(items);
  const grouped = groupByOrgan(items);

  const fileIds = new Map<string, number>();
  for (const p of processed) {
    fileIds.set(p.file, writer.addSourceFile({ file: p.file, sha256: p.sha256, bytes: p.bytes, encoding: p.encoding, outcome: p.outcome, reason: p.reason }));
  }
  for (const s of skipped) writer.addSourceFile({ file: s.file, sha256: '', bytes: s.bytes, encoding: null, outcome: 'skipped', reason: s.reason });

  // One organ row per group (a report whose organ is unknown gets its own row).
  const byFile = new Map(parsed.map((p) => [p.file, p]));
  const members = new Map<string, ProcessedFile[]>();
  for (const g of grouped) {
    const key = g.organ >= 0 ? `o${g.organ}` : `f${g.id}`;
    const list = members.get(key);
    if (list) list.push(byFile.get(g.id)!);
    else members.set(key, [byFile.get(g.id)!]);
  }
  const organs: { id: number; files: ProcessedFile[] }[] = [];
  for (const files_ of members.values()) {
    // name and place from the member with a manifest row, else the latest report
    const lead = [...files_].sort((a, b) => Number(Boolean(b.manifest?.organ)) - Number(Boolean(a.manifest?.organ)) || (b.report!.year ?? 0) - (a.report!.year ?? 0))[0];
    const r = lead.report!;
    const name = lead.manifest?.organ ?? r.organ ?? `（未识别机关：${lead.file}）`;
    const reg = files_.map((f) => f.report!.region.region).find((x) => x.code) ?? r.region.region;
    const id = writer.addOrgan({
      name,
      nameSimplified: toSimplified(name),
      matchKey: organMatchKey(name, reg),
      level: files_.map((f) => f.manifest?.level).find(Boolean) ?? null,
      province: reg.province,
      city: reg.city,
      county: reg.county,
      divisionCode: reg.code,
    });
    organs.push({ id, files: files_ });
  }

  const duplicates: BuildSummary['duplicates'] = [];
  const dupFiles = new Set<string>();
  for (const o of organs) {
    const byYear = new Map<number, ProcessedFile[]>();
    for (const p of o.files) {
      if (p.report!.year === null) continue;
      const list = byYear.get(p.report!.year);
      if (list) list.push(p);
      else byYear.set(p.report!.year, [p]);
    }
    for (const [year, ps] of byYear) {
      if (ps.length < 2) continue;
      duplicates.push({ organ: ps[0].manifest?.organ ?? ps[0].report!.organ ?? '', year, files: ps.map((p) => p.file) });
      for (const p of ps) dupFiles.add(p.file);
    }
  }

  // Core rows in report-id order; the collection's findings also go into the shards.
  phases.begin(`写入核心文件（${organs.length} 个机关，${parsed.length} 份报告）`);
  const counts = { error: 0, warning: 0, info: 0 };
  const organOf = new Map<string, number>();
  for (const o of organs) for (const p of o.files) organOf.set(p.file, o.id);
  for (const p of parsed) {
    const all = mergeFindings(p.findings, collection.get(p.file));
    for (const f of all) if (f.status === 'fail') counts[f.severity]++;
    writer.addCore(reportIds.get(p.file)!, {
      organId: organOf.get(p.file)!,
      fileId: fileIds.get(p.file)!,
      report: p.report!,
      manifest: p.manifest,
      findings: all,
      duplicate: dupFiles.has(p.file),
    });
  }

  // a manifest row for a skipped file is reported with the skipped file, not as missing
  const fileSet = new Set([...files, ...skipped.map((s) => s.file)]);
  const manifestWithoutFile = [...manifest.rows.keys()].filter((f) => !fileSet.has(f)).sort();
  const filesWithoutManifest = files.filter((f) => !manifest.rows.has(f));
  const inputHash = crypto.createHash('sha256');
  for (const p of processed) inputHash.update(`${p.file}\0${p.sha256}\n`);
  if (fs.existsSync(opts.manifestPath)) inputHash.update(fs.readFileSync(opts.manifestPath));

  const tally = (o: string) => processed.filter((p) => p.outcome === o).length;
  const summary: BuildSummary = {
    files: files.length,
    ok: tally('ok'),
    partial: tally('partial'),
    failed: tally('failed'),
    failures: processed.filter((p) => p.outcome === 'failed').map((p) => ({ file: p.file, reason: p.reason ?? '' })),
    partials: processed.filter((p) => p.outcome === 'partial').map((p) => ({ file: p.file, reason: p.reason ?? '' })),
    disagreements,
    skipped,
    findings: counts,
    duplicates,
    manifestWithoutFile,
    filesWithoutManifest,
    manifestProblems: manifest.problems.map((p) => (p.line ? `第 ${p.line} 行：${p.message}` : p.message)),
    manifestEncoding: manifest.encoding ?? null,
    bytes: 0,
    shards: 0,
    shardBytes: 0,
    gzipBytes: 0,
    parts: 0,
    partBytes: 0,
    splitGzipBytes: opts.splitGzipBytes ?? DEFAULT_SPLIT_GZIP_BYTES,
    outFile: opts.outFile,
  };

  const info: Record<string, string | number> = {
    parser_version: PARSER_VERSION,
    input_hash: inputHash.digest('hex'),
    source_files: summary.files,
    reports_ok: summary.ok,
    reports_partial: summary.partial,
    reports_failed: summary.failed,
    organs: organs.length,
    findings_error: counts.error,
    findings_warning: counts.warning,
    findings_info: counts.info,
    duplicates: duplicates.length,
    manifest_without_file: manifestWithoutFile.join(' '),
    files_without_manifest: filesWithoutManifest.join(' '),
  };
  if (opts.builtAt) info.built_at = opts.builtAt;
  const sha = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');
  const fileOf = new Map([...reportIds].map(([file, id]) => [id, file]));
  const listed: { firstReportId: number; lastReportId: number; file: string; bytes: number }[] = [];
  const patching = new Progress(pending.length, '补入明细文件', '个');
  for (const [i, sh] of pending.entries()) {
    const extra: { id: number; findings: Finding[] }[] = [];
    for (let id = sh.firstReportId; id <= sh.lastReportId; id++) {
      const more = collection.get(fileOf.get(id)!);
      if (more?.length) extra.push({ id, findings: more });
    }
    const bytes = patchShard(SQL, fs.readFileSync(sh.tmp), extra);
    const file = shardFileName(sha(bytes));
    fs.writeFileSync(path.join(detailDir, file), bytes);
    fs.rmSync(sh.tmp);
    listed.push({ firstReportId: sh.firstReportId, lastReportId: sh.lastReportId, file, bytes: bytes.length });
    if (opts.progress) patching.tick(i + 1);
  }
  if (opts.progress) patching.done();
  phases.begin('整理核心文件（ANALYZE、VACUUM）');
  const written = writer.finish(info, (bytes) => shardFileName(sha(bytes)), listed);
  let core = written.core;
  summary.gzipBytes = zlib.gzipSync(core).length;
  if (summary.gzipBytes > summary.splitGzipBytes) {
    phases.begin('核心文件超过拆分阈值：按年度拆分');
    const split = splitCore(SQL, core, (year, bytes) => partFileName(year, sha(bytes)));
    for (const p of split.parts) fs.writeFileSync(path.join(detailDir, p.file), p.bytes);
    core = split.index;
    summary.parts = split.parts.length;
    summary.partBytes = split.parts.reduce((n, p) => n + p.bytes.length, 0);
  }
  fs.mkdirSync(path.dirname(opts.outFile), { recursive: true });
  fs.writeFileSync(opts.outFile, core);
  summary.bytes = core.length;
  summary.shards = listed.length;
  summary.shardBytes = listed.reduce((n, s) => n + s.bytes, 0);
  log(formatSummary(summary));
  return summary;
}

export function formatSummary(s: BuildSummary): string {
  const lines = [
    `报告文件 ${s.files} 份：成功 ${s.ok}，部分 ${s.partial}，失败 ${s.failed}${s.skipped.length ? `；另有 ${s.skipped.length} 项未读取` : ''}`,
    `检查未通过：错误 ${s.findings.error}，警告 ${s.findings.warning}，提示 ${s.findings.info}`,
  ];
  for (const f of s.failures) lines.push(`  失败 ${f.file}：${f.reason}`);
  for (const f of s.partials) lines.push(`  部分 ${f.file}：${f.reason}`);
  for (const d of s.disagreements) lines.push(`  清单与正文不一致 ${d.file}：${d.message}`);
  for (const f of s.skipped) lines.push(`  跳过 ${f.file}：${f.reason}`);
  for (const d of s.duplicates) lines.push(`  重复：${d.organ} ${d.year} 年有 ${d.files.length} 份报告（${d.files.join('、')}），均已保留并标记`);
  for (const f of s.manifestWithoutFile) lines.push(`  清单中有而文件不存在：${f}`);
  for (const f of s.filesWithoutManifest) lines.push(`  文件不在清单中：${f}`);
  if (s.manifestEncoding) lines.push(`  清单编码：${describeEncoding(s.manifestEncoding)}`);
  for (const p of s.manifestProblems) lines.push(`  清单问题：${p}`);
  lines.push(`数据库 ${s.outFile}：${(s.bytes / 1024).toFixed(1)} KB，明细文件 ${s.shards} 个共 ${(s.shardBytes / 1024).toFixed(1)} KB`);
  const mb = (n: number) => (n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);
  if (s.parts) {
    lines.push(
      `核心文件 gzip 后 ${mb(s.gzipBytes)}，超过拆分阈值 ${mb(s.splitGzipBytes)}：已按年度拆分为 ${s.parts} 个分卷文件（共 ${(s.partBytes / 1024).toFixed(1)} KB），核心文件仅作索引`,
    );
  }
  return lines.join('\n');
}

const SLIM_CELLS = new Map<string, Cell>();

/**
 * After its detail is written, a report keeps only what the core row and the
 * collection checks read: each cell's value and state (and its text when it is
 * not a plain number, for the checks' wording), the prose, the metadata.
 */
function slim(p: ProcessedFile): void {
  const r = p.report!;
  const cells: ParsedReport['cells'] = {};
  for (const [k, c] of cellEntries(r.cells)) {
    const plain = c.state === 'number' && c.value !== null;
    const raw = plain ? '' : c.raw;
    // read-only from here on, so equal cells (most are 0) share one object
    const id = `${c.state}|${c.value}|${c.approximate ? 1 : 0}|${raw}`;
    let shared = SLIM_CELLS.get(id);
    if (!shared) {
      shared = Object.freeze({ value: c.value, state: c.state, raw, source: null, ...(c.approximate ? { approximate: true } : {}) });
      SLIM_CELLS.set(id, shared);
    }
    cells[k] = shared;
  }
  p.report = { ...r, cells, notes: [] };
  p.contextLines = undefined;
  p.lineLocators = undefined;
  // the core stores evidence only for failures, and no key lists (the shard has them)
  p.findings = p.findings.map((f) => ({ ...f, evidence: f.status === 'fail' ? f.evidence : '', keys: [] }));
}
