/**
 * data/ → the database files, in named stages whose order the types enforce:
 *
 *   readInputs        the sorted input files and the manifest
 *   parseFiles        every file parsed and checked on the file workers, each batch's
 *                     detail shard written there; the main thread keeps slim reports
 *   checkCollection   the checks across reports (years, peers), organs and duplicates
 *   patchShards       the collection's findings laid into the shards (workers again)
 *   writeCore         the core rows, the rollups; split when over the threshold
 *   publish           the new files beside the old, then the core renamed over the old
 *                     one: the files on disk are the old build whole or the new one whole
 *
 * Every input file ends up in source_files and in the summary whether it parsed or
 * not; a broken file never stops the build. The same inputs give byte-identical
 * files, whatever the number of workers (no clock, sorted inputs, results in input order).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import zlib from 'node:zlib';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { mergeFindings, runCollectionChecks } from '../../src/checks/index';
import { groupByOrgan } from '../../src/checks/organGroups';
import { organMatchKey } from '../../src/checks/organKey';
import { directoryFileName, leadersFileName, partFileName, splitCore } from '../../src/db/parts';
import { CoreWriter, DEFAULT_SHARD_SIZE, shardFileName, type ShardListing } from '../../src/db/writer';
import { toSimplified } from '../../src/parse/normalise';
import type { Finding, ManifestRow } from '../../src/parse/types';
import { PARSER_VERSION } from '../../src/parse/version';
import { LARGE_DOWNLOAD_BYTES } from '../../src/db/protocol';
import { describeEncoding, loadManifest, type Manifest } from './manifest';
import type { ProcessedFile } from './pipeline';
import { FilePool, type PoolOptions } from './pool';
import type { FileTask } from './poolProtocol';
import { Phases, Progress } from './progress';
import { listReportFiles, type SkippedFile } from './reportFiles';
import { cleanLeftovers, Staging } from './publish';
import { BuildInterner, keptFindings, type KeptFindings } from './slimReport';

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
   * year and one directory per province beside the shards, and the core an index. Default 1 MiB.
   */
  splitGzipBytes?: number;
  /**
   * Recorded as build_info.large_download_bytes: a query of the site that would first
   * download more than this of parts and directories waits for the reader's go-ahead
   * (default LARGE_DOWNLOAD_BYTES, 8 MiB).
   */
  largeDownloadBytes?: number;
  /** file workers and the per-file time budget (default: every core, 120 s) */
  pool?: PoolOptions;
  log?: (line: string) => void;
  progress?: boolean;
}

/**
 * Above this (gzip) the core is split: 1 MiB (about 3,000 reports). The first
 * view then downloads only the index with its rollups, a few hundred KB at any
 * size, where a whole 20,000-report core is 21 MB (21 s at 10 Mbit/s).
 */
export const DEFAULT_SPLIT_GZIP_BYTES = 1024 * 1024;

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
  /** parts (one year of one province each) and per-province directories (0 when the core was not split) and their total size */
  parts: number;
  directories: number;
  partBytes: number;
  splitGzipBytes: number;
  outFile: string;
  /** file workers used */
  workers: number;
}

/** What one build shares between its stages (nothing of it outlives the build). */
interface BuildContext {
  opts: BuildOptions;
  SQL: SqlJsStatic;
  pool: FilePool;
  staging: Staging;
  phases: Phases;
  detailDir: string;
  log: (line: string) => void;
}

interface Inputs {
  stage: 'inputs';
  files: string[];
  skipped: SkippedFile[];
  manifest: Manifest;
  tasks: FileTask[];
}

/**
 * A parsed file whose detail is in its shard: the report is slim from here on,
 * its own findings kept compact (what the core stores of them).
 */
type SlimFile = Omit<ProcessedFile, 'findings'> & { readonly detailWritten: true; own: KeptFindings };

interface Parsed {
  stage: 'parsed';
  inputs: Inputs;
  /** every input file, in input order */
  processed: SlimFile[];
  /** the unpatched shards in staging, in report-id order */
  pendingShards: { first: number; last: number; tmp: string }[];
}

interface Checked {
  stage: 'checked';
  parsed: Parsed;
  /** the collection's findings by file, as the core keeps them (their status, the failures' evidence) */
  collection: Map<string, KeptFindings>;
  /** the collection's findings as each shard gets them (a file in staging, by the shard's first report id; none: no finding) */
  patches: Map<number, string>;
  organs: { row: Parameters<CoreWriter['addOrgan']>[0]; files: SlimFile[] }[];
  duplicates: BuildSummary['duplicates'];
  dupFiles: Set<string>;
}

interface Patched {
  stage: 'patched';
  checked: Checked;
  shards: ShardListing[];
}

interface Written {
  stage: 'written';
  patched: Patched;
  core: Uint8Array;
  summary: BuildSummary;
}

const sha = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');
const gzip = (bytes: Uint8Array) => new Uint8Array(zlib.gzipSync(bytes, { level: 9 }));

function readInputs(opts: BuildOptions): Inputs {
  const { files, skipped } = listReportFiles(opts.reportsDir);
  const manifest: Manifest = fs.existsSync(opts.manifestPath)
    ? loadManifest(opts.manifestPath)
    : { rows: new Map<string, ManifestRow>(), problems: [{ line: 0, message: `清单文件不存在：${opts.manifestPath}` }] };
  const tasks = files.map((file, i) => ({ path: path.join(opts.reportsDir, file), name: file, manifest: manifest.rows.get(file) ?? null, id: i + 1 }));
  return { stage: 'inputs', files, skipped, manifest, tasks };
}

async function parseFiles(ctx: BuildContext, inputs: Inputs): Promise<Parsed> {
  const size = ctx.opts.shardSize ?? DEFAULT_SHARD_SIZE;
  const batches: FileTask[][] = [];
  for (let i = 0; i < inputs.tasks.length; i += size) batches.push(inputs.tasks.slice(i, i + size));
  const progress = new Progress(inputs.files.length, '解析报告');
  const interner = new BuildInterner();
  const processed: SlimFile[] = [];
  const pendingShards: Parsed['pendingShards'] = [];
  for await (const b of ctx.pool.files(batches, true)) {
    for (const f of b.files) {
      const { findings, ...p } = interner.compact(interner.unpackSlim(f), inputs.tasks[processed.length].manifest);
      processed.push({ ...p, own: interner.keepFindings(findings), detailWritten: true });
    }
    if (b.shard) pendingShards.push({ first: b.shard.first, last: b.shard.last, tmp: ctx.staging.write(`shard-${b.shard.first}.tmp`, b.shard.bytes) });
    if (ctx.opts.progress) progress.tick(processed.length);
  }
  if (ctx.opts.progress) progress.done();
  return { stage: 'parsed', inputs, processed, pendingShards };
}

function checkCollection(ctx: BuildContext, parsed: Parsed): Checked {
  const reports = parsed.processed.filter((p) => p.report);
  ctx.phases.begin(`跨报告检查（${reports.length} 份报告：跨年度、同级机关、雷同文字）`);
  const items = reports.map((p) => ({ id: p.file, report: p.report!, manifest: p.manifest, regionCode: p.report!.region.region.code }));
  // each report's findings as they are made (in input order, so shard by shard): the core's compact
  // form kept, the shard's (every evidence and key list) written to staging for the patch
  const collection = new Map<string, KeptFindings>();
  const patches = new Map<number, string>();
  const idOf = new Map(parsed.inputs.tasks.map((t) => [t.name, t.id]));
  const keep = new BuildInterner();
  let at = 0;
  let lines: string[] = [];
  const flush = () => {
    if (lines.length) patches.set(parsed.pendingShards[at].first, ctx.staging.write(`patch-${parsed.pendingShards[at].first}.tmp`, Buffer.from(lines.join('\n'))));
    lines = [];
  };
  runCollectionChecks(items, (file, found) => {
    const id = idOf.get(file)!;
    while (id > parsed.pendingShards[at].last) (flush(), at++);
    const findings: Finding[] = found.map(({ check, status, severity, evidence, keys }) => ({ check, status, severity, evidence, keys }));
    if (findings.length) lines.push(JSON.stringify({ id, findings }));
    collection.set(file, keep.keepFindings(findings));
  });
  flush();

  // One organ row per group (a report whose organ is unknown gets its own row).
  const byFile = new Map(reports.map((p) => [p.file, p]));
  const members = new Map<string, SlimFile[]>();
  for (const g of groupByOrgan(items)) {
    const key = g.organ >= 0 ? `o${g.organ}` : `f${g.id}`;
    const list = members.get(key);
    if (list) list.push(byFile.get(g.id)!);
    else members.set(key, [byFile.get(g.id)!]);
  }
  const organs: Checked['organs'] = [];
  for (const files of members.values()) {
    // name and place from the member with a manifest row, else the latest report
    const lead = [...files].sort((a, b) => Number(Boolean(b.manifest?.organ)) - Number(Boolean(a.manifest?.organ)) || (b.report!.year ?? 0) - (a.report!.year ?? 0))[0];
    const r = lead.report!;
    const name = lead.manifest?.organ ?? r.organ ?? `（未识别机关：${lead.file}）`;
    const reg = files.map((f) => f.report!.region.region).find((x) => x.code) ?? r.region.region;
    organs.push({
      row: {
        name,
        nameSimplified: toSimplified(name),
        matchKey: organMatchKey(name, reg),
        level: files.map((f) => f.manifest?.level).find(Boolean) ?? null,
        province: reg.province,
        city: reg.city,
        county: reg.county,
        divisionCode: reg.code,
      },
      files,
    });
  }

  const duplicates: BuildSummary['duplicates'] = [];
  const dupFiles = new Set<string>();
  for (const o of organs) {
    const byYear = new Map<number, SlimFile[]>();
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
  return { stage: 'checked', parsed, collection, patches, organs, duplicates, dupFiles };
}

async function patchShards(ctx: BuildContext, checked: Checked): Promise<Patched> {
  const { parsed, patches } = checked;
  ctx.phases.begin(`跨报告检查的结果补入明细文件（${parsed.pendingShards.length} 个）`);
  const patching = new Progress(parsed.pendingShards.length, '补入明细文件', '个');
  let done = 0;
  // two shards a worker in flight: the patch is all on the workers
  const shards: ShardListing[] = new Array(parsed.pendingShards.length);
  let next = 0;
  const lane = async () => {
    while (next < parsed.pendingShards.length) {
      const i = next++;
      const sh = parsed.pendingShards[i];
      const patch = patches.get(sh.first);
      const extra: { id: number; findings: Finding[] }[] = patch ? fs.readFileSync(patch, 'utf8').split('\n').map((l) => JSON.parse(l) as { id: number; findings: Finding[] }) : [];
      if (patch) fs.rmSync(patch);
      const bytes = await ctx.pool.patch(fs.readFileSync(sh.tmp), extra);
      const file = shardFileName(sha(bytes));
      ctx.staging.stage(file, bytes);
      fs.rmSync(sh.tmp);
      shards[i] = { firstReportId: sh.first, lastReportId: sh.last, file, bytes: bytes.length };
      if (ctx.opts.progress) patching.tick(++done);
    }
  };
  await Promise.all(Array.from({ length: ctx.pool.workers * 2 }, lane));
  if (ctx.opts.progress) patching.done();
  return { stage: 'patched', checked, shards };
}

function writeCore(ctx: BuildContext, patched: Patched): Written {
  const { checked } = patched;
  const { parsed, collection, organs, duplicates, dupFiles } = checked;
  const { inputs, processed } = parsed;
  const reports = processed.filter((p) => p.report);
  ctx.phases.begin(`写入核心文件（${organs.length} 个机关，${reports.length} 份报告）`);
  const writer = new CoreWriter(ctx.SQL);
  const fileIds = new Map<string, number>();
  for (const p of processed) {
    fileIds.set(p.file, writer.addSourceFile({ file: p.file, sha256: p.sha256, bytes: p.bytes, encoding: p.encoding, outcome: p.outcome, reason: p.reason }));
  }
  for (const s of inputs.skipped) writer.addSourceFile({ file: s.file, sha256: '', bytes: s.bytes, encoding: null, outcome: 'skipped', reason: s.reason });
  const organOf = new Map<string, number>();
  for (const o of organs) {
    const id = writer.addOrgan(o.row);
    for (const p of o.files) organOf.set(p.file, id);
  }
  const idOf = new Map(inputs.tasks.map((t) => [t.name, t.id]));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const p of reports) {
    const more = collection.get(p.file);
    const all = mergeFindings(keptFindings(p.own), more && keptFindings(more));
    for (const f of all) if (f.status === 'fail') counts[f.severity]++;
    writer.addReport(idOf.get(p.file)!, {
      organId: organOf.get(p.file)!,
      fileId: fileIds.get(p.file)!,
      report: p.report!,
      manifest: p.manifest,
      findings: all,
      duplicate: dupFiles.has(p.file),
    });
  }

  const { files, manifest, skipped } = inputs;
  // a manifest row for a skipped file is reported with the skipped file, not as missing
  const fileSet = new Set([...files, ...skipped.map((s) => s.file)]);
  const disagreements: BuildSummary['disagreements'] = [];
  for (const p of reports) for (const n of p.report!.notes) if (n.kind === 'manifest-disagrees') disagreements.push({ file: p.file, message: n.message });
  const manifestWithoutFile = [...manifest.rows.keys()].filter((f) => !fileSet.has(f)).sort();
  const filesWithoutManifest = files.filter((f) => !manifest.rows.has(f));
  const inputHash = crypto.createHash('sha256');
  for (const p of processed) inputHash.update(`${p.file}\0${p.sha256}\n`);
  if (fs.existsSync(ctx.opts.manifestPath)) inputHash.update(fs.readFileSync(ctx.opts.manifestPath));

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
    shards: patched.shards.length,
    shardBytes: patched.shards.reduce((n, s) => n + s.bytes, 0),
    gzipBytes: 0,
    parts: 0,
    directories: 0,
    partBytes: 0,
    splitGzipBytes: ctx.opts.splitGzipBytes ?? DEFAULT_SPLIT_GZIP_BYTES,
    outFile: ctx.opts.outFile,
    workers: ctx.pool.workers,
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
  if (ctx.opts.builtAt) info.built_at = ctx.opts.builtAt;
  info.large_download_bytes = ctx.opts.largeDownloadBytes ?? LARGE_DOWNLOAD_BYTES;
  // every row is in the core now: the slim reports go before it is finished and split (1 GB at 200,000 reports)
  parsed.processed.length = 0;
  reports.length = 0;
  checked.organs.length = 0;
  collection.clear();
  ctx.phases.begin('整理核心文件（汇总、ANALYZE、VACUUM）');
  const db = writer.finishDatabase(info, patched.shards);
  let core = db.export();
  summary.gzipBytes = zlib.gzipSync(core).length;
  if (summary.gzipBytes <= summary.splitGzipBytes) db.close();
  else {
    ctx.phases.begin('核心文件超过拆分阈值：按年度、省份拆分');
    core = new Uint8Array(0);
    const split = splitCore(ctx.SQL, db, gzip, {
      part: (year, directory, bytes) => partFileName(year, directory, sha(bytes)),
      directory: (id, bytes) => directoryFileName(id, sha(bytes)),
      leaders: (bytes) => leadersFileName(sha(bytes)),
    });
    const files = [...split.parts, ...split.directories, ...(split.leaders ? [split.leaders] : [])];
    for (const f of files) ctx.staging.stage(f.file, f.bytes);
    core = split.index;
    summary.parts = split.parts.length;
    summary.directories = split.directories.length;
    summary.partBytes = files.reduce((n, p) => n + p.bytes.length, 0);
  }
  summary.bytes = core.length;
  return { stage: 'written', patched, core, summary };
}

function publish(ctx: BuildContext, written: Written): BuildSummary {
  ctx.phases.begin('替换为新的数据库文件');
  ctx.staging.publish(written.core);
  return written.summary;
}

/**
 * A full garbage collection, now: the collection checks leave their working data
 * (shingles, signatures, every finding made) behind, and V8, with room to spare,
 * would keep it and then compact it while the patch's workers start — at 200,000
 * reports the process went from 1.5 GB to 2.7 GB there. Nothing but memory depends on it.
 */
function collectGarbage(): void {
  try {
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
  } catch {
    /* not available: V8 collects when it will */
  }
}

export async function buildDatabase(opts: BuildOptions): Promise<BuildSummary> {
  const log = opts.log ?? (() => {});
  const detailDir = opts.detailDir ?? path.join(path.dirname(opts.outFile), 'public', 'data');
  await cleanLeftovers(opts.outFile, detailDir);
  const inputs = readInputs(opts);
  const ctx: BuildContext = {
    opts,
    SQL: await initSqlJs(),
    pool: new FilePool(opts.pool),
    staging: new Staging(opts.outFile, detailDir),
    phases: new Phases(opts.progress ? process.stderr : null),
    detailDir,
    log,
  };
  try {
    const parsed = await parseFiles(ctx, inputs);
    // the workers' memory (their heaps, sql.js, the division index: some 150 MB each) back while
    // the collection is checked on this thread and while the core is written; fresh ones patch the shards
    await ctx.pool.close();
    const checked = checkCollection(ctx, parsed);
    collectGarbage();
    ctx.pool = new FilePool(opts.pool);
    const patched = await patchShards(ctx, checked);
    await ctx.pool.close();
    const summary = publish(ctx, writeCore(ctx, patched));
    log(formatSummary(summary));
    return summary;
  } finally {
    await ctx.pool.close();
    ctx.staging.discard();
  }
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
  lines.push(`数据库 ${s.outFile}：${(s.bytes / 1024).toFixed(1)} KB，明细文件 ${s.shards} 个共 ${(s.shardBytes / 1024).toFixed(1)} KB（gzip）`);
  const mb = (n: number) => (n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);
  if (s.parts) {
    lines.push(
      `核心文件 gzip 后 ${mb(s.gzipBytes)}，超过拆分阈值 ${mb(s.splitGzipBytes)}：已拆分为 ${s.parts} 个分卷（每个一年一省）和 ${s.directories} 个省份目录文件（共 ${(s.partBytes / 1024).toFixed(1)} KB），核心文件仅作索引`,
    );
  }
  return lines.join('\n');
}
