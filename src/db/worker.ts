/// <reference lib="webworker" />
/**
 * The database worker: opens the core SQLite file with sql.js and answers named
 * queries from queries.ts, so the page never blocks on SQL. The detail shards
 * (findings, provenance, prose) are fetched only when a query needs a report's
 * detail, ATTACHed to the core, and seen through TEMP views with the tables'
 * own names — so queries read `findings` or `cell_provenance` as if one file.
 * When the build split the core into parts (one year of one province each), each query first loads
 * the parts of the years it reads (copied into the core's reports and failures,
 * kept for the session; a report's own part only, found by its year in the
 * index), and the page is told the download progress.
 */
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { attachShard, detachShard, refreshDetailViews, DETAIL_VIEWS } from './detail';
import { loadPart, partsFor, readParts, reportFilesOf, type PartInfo, type PartNeed, type ReportFiles } from './parts';
import { DETAIL_IDS, PART_NEEDS, QUERIES, type QueryName, type Queryable } from './queries';
import { tableFromExec } from './table';
import { detailNote, pickShards, readsDetail, readsMain, reportRangesIn, runReadOnly, tablesRead } from './userSql';
import { LARGE_DOWNLOAD_BYTES, type LargeDownload, type LoadProgress, type WorkerRequest, type WorkerResponse } from './protocol';

/** SQLite attaches at most 10 files; keep the most recently used shards. */
const MAX_ATTACHED = 8;

interface ShardInfo {
  id: number;
  first: number;
  last: number;
  file: string;
}

interface Opened {
  SQL: SqlJsStatic;
  core: Database;
  q: Queryable;
  shards: ShardInfo[];
  /** shard id → its open database, in order of use (oldest first) */
  attached: Map<number, Database>;
  detailBase: string;
  /** parts (one year of one province each) and per-province directories (empty when the core holds every report) */
  parts: PartInfo[];
  /** which part and directory hold a report (split builds) */
  reportFiles: ReportFiles;
  /** part file → its load, started once and kept (a failed load is forgotten, so a later query retries) */
  partLoads: Map<string, Promise<void>>;
  /** shard id → its fetch and ATTACH while in flight */
  shardLoads: Map<number, Promise<void>>;
  /** a query that would download more than this first waits for the reader (build_info.large_download_bytes) */
  largeBytes: number;
}

let ready: Promise<Opened> | null = null;

const post = (m: WorkerResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

/**
 * Fetch a file's bytes; `onBytes` hears the bytes received so far and the
 * expected total (null when the server does not say, or sends it compressed).
 */
async function fetchBytes(url: string, what: string, onBytes?: (received: number, total: number | null) => void): Promise<Uint8Array> {
  let r: Response;
  try {
    r = await fetch(url);
  } catch {
    throw new Error(`${what}无法下载（网络错误）`);
  }
  if (!r.ok) throw new Error(`${what}无法加载（HTTP ${r.status}）`);
  if (!onBytes || !r.body) return new Uint8Array(await r.arrayBuffer());
  const length = Number(r.headers.get('content-length'));
  const total = length > 0 && !r.headers.get('content-encoding') ? length : null;
  onBytes(0, total);
  const reader = r.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onBytes(received, total);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The file name of a URL, as the error messages name it. */
const fileOf = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').pop() ?? url);

/** A .gz file's bytes decompressed (the shards, parts and directories are stored gzipped). */
async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** gzip's magic bytes: a .gz file that arrives without them was already decoded by the HTTP layer. */
const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/**
 * Fetch a data file, decompressed when its name ends in .gz — unless the server
 * sent it with `Content-Encoding: gzip` (vite preview does), so the browser has
 * decoded it already.
 */
async function fetchData(url: string, what: string, onBytes?: (received: number, total: number | null) => void): Promise<Uint8Array> {
  const bytes = await fetchBytes(url, what, onBytes);
  if (!url.endsWith('.gz') || !isGzip(bytes)) return bytes;
  try {
    return await gunzip(bytes);
  } catch (e) {
    throw new Error(`${what}无法解压（${fileOf(url)}）：${e instanceof Error ? e.message : String(e)}`);
  }
}

/** At most one progress message per this many ms while bytes arrive (every start and end is sent). */
const PROGRESS_EVERY_MS = 100;
let lastProgress = 0;
function progress(p: Omit<LoadProgress, 'type'>, force: boolean): void {
  const now = performance.now();
  if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
  lastProgress = now;
  post({ type: 'progress', ...p });
}

async function open(dbUrl: string, detailBase: string): Promise<Opened> {
  let totalBytes = 0;
  const onBytes = (received: number, total: number | null) => {
    totalBytes = total ?? 0;
    progress({ loaded: 0, total: 1, bytes: received, totalBytes, what: '数据库' }, received === 0);
  };
  const [SQL, bytes] = await Promise.all([initSqlJs({ locateFile: () => wasmUrl }), fetchData(dbUrl, `数据库文件 ${fileOf(dbUrl)} `, onBytes)]);
  progress({ loaded: 1, total: 1, bytes: bytes.length, totalBytes: bytes.length, what: '数据库' }, true);
  let core: Database;
  let shards: ShardInfo[];
  let parts: PartInfo[];
  let largeBytes = LARGE_DOWNLOAD_BYTES;
  try {
    core = new SQL.Database(bytes);
    core.exec('SELECT 1 FROM reports LIMIT 1');
    const res = core.exec('SELECT shard_id, first_report_id, last_report_id, file FROM shards ORDER BY first_report_id');
    shards = (res[0]?.values ?? []).map(([id, first, last, file]) => ({ id: Number(id), first: Number(first), last: Number(last), file: String(file) }));
    parts = readParts(core);
    const large = core.exec("SELECT value FROM build_info WHERE key = 'large_download_bytes'")[0]?.values[0]?.[0];
    largeBytes = large == null || !/^\d+$/.test(String(large)) ? LARGE_DOWNLOAD_BYTES : Number(large);
    // parts are copied into this in-memory file: no journal on disk to write, a larger page cache
    // (about a third less time per part on a synthetic 200,000-report build)
    if (parts.length) core.run('PRAGMA journal_mode = MEMORY; PRAGMA cache_size = -65536');
  } catch (e) {
    throw new Error(`数据库文件无法读取：${e instanceof Error ? e.message : String(e)}`);
  }
  return {
    SQL,
    core,
    shards,
    attached: new Map(),
    detailBase,
    parts,
    reportFiles: reportFilesOf(core),
    partLoads: new Map(),
    shardLoads: new Map(),
    largeBytes,
    q: { all: (sql, params) => tableFromExec(core.exec(sql, params ?? [])) },
  };
}

/** The parts being fetched now, counted together for the progress bar until all of them are in. */
interface Batch {
  loaded: number;
  total: number;
  bytes: number;
  totalBytes: number;
  pending: PartInfo[];
}
let batch: Batch | null = null;

const partLabel = (p: PartInfo) =>
  p.kind === 'leaders' ? '全国排行的报告' : p.kind === 'directory' ? `${p.province ?? '地区不详'}机关目录` : `${p.year === null ? '年度不详' : `${p.year} 年`}${p.province ?? '地区不详'}数据`;

function batchProgress(b: Batch, force: boolean): void {
  const next = b.pending[0];
  progress({ loaded: b.loaded, total: b.total, bytes: b.bytes, totalBytes: b.totalBytes, what: next ? partLabel(next) : '数据' }, force);
}

async function loadOnePart(o: Opened, p: PartInfo): Promise<void> {
  const b = (batch ??= { loaded: 0, total: 0, bytes: 0, totalBytes: 0, pending: [] });
  b.total++;
  b.totalBytes += p.bytes;
  b.pending.push(p);
  batchProgress(b, true);
  let got = 0;
  try {
    const bytes = await fetchData(new URL(p.file, o.detailBase).href, `${partLabel(p)}文件 ${p.file} `, (received) => {
      b.bytes += received - got;
      got = received;
      batchProgress(b, false);
    });
    loadPart(o.SQL, o.core, bytes);
  } finally {
    b.bytes += Math.max(0, p.bytes - got);
    b.loaded++;
    b.pending.splice(b.pending.indexOf(p), 1);
    if (b.loaded === b.total && batch === b) batch = null;
    batchProgress(b, true);
  }
}

/** What loading these files would download now (those not loaded or loading yet). */
function toDownload(o: Opened, files: PartInfo[]): LargeDownload {
  const fresh = files.filter((p) => !o.partLoads.has(p.file));
  return { bytes: fresh.reduce((n, p) => n + p.bytes, 0), files: fresh.length };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);

/** A query held back for its download, with what it would fetch. */
class TooLarge extends Error {
  constructor(readonly large: LargeDownload) {
    super(`显示这里需要先下载 ${large.files} 个数据文件，约 ${mb(large.bytes)} MB（全国范围的单份报告数据）。选择省份后只下载该省的数据，会快得多。`);
  }
}

/** Load the parts a query needs (each once; concurrent queries share a load in flight). */
async function ensureParts(o: Opened, files: PartInfo[]): Promise<void> {
  await Promise.all(
    files.map((p) => {
      let load = o.partLoads.get(p.file);
      if (!load) {
        load = loadOnePart(o, p);
        o.partLoads.set(p.file, load);
        load.catch(() => o.partLoads.delete(p.file));
      }
      return load;
    }),
  );
}

/**
 * Attach the shards holding these reports. Each shard is fetched once: queries
 * that need it at the same time share the load in flight (two ATTACHes of one
 * file would fail).
 */
async function ensureDetail(o: Opened, reportIds: number[]): Promise<void> {
  const needed = new Set<ShardInfo>();
  for (const id of reportIds) {
    const s = o.shards.find((x) => x.first <= id && id <= x.last);
    if (s) needed.add(s);
  }
  await Promise.all(
    [...needed].map((s) => {
      const open = o.attached.get(s.id);
      if (open) {
        o.attached.delete(s.id); // move to most recent
        o.attached.set(s.id, open);
        return undefined;
      }
      let load = o.shardLoads.get(s.id);
      if (!load) {
        load = attachOne(o, s).finally(() => o.shardLoads.delete(s.id));
        o.shardLoads.set(s.id, load);
      }
      return load;
    }),
  );
}

async function attachOne(o: Opened, s: ShardInfo): Promise<void> {
  const bytes = await fetchData(new URL(s.file, o.detailBase).href, `明细文件 ${s.file} `);
  o.attached.set(s.id, attachShard(o.SQL, o.core, s.id, bytes));
  while (o.attached.size > MAX_ATTACHED) {
    const [oldId, oldDb] = o.attached.entries().next().value as [number, Database];
    o.attached.delete(oldId);
    detachShard(o.core, oldId, oldDb);
  }
  refreshDetailViews(o.core, [...o.attached.keys()]);
}

/** The core's tables whose rows a split build keeps in the parts (one year of one province each), and in the per-province directories. */
const PART_TABLES = ['reports', 'failures'];
const DIRECTORY_TABLES = ['organs', 'report_index', 'source_files', 'rollups'];

/**
 * A researcher's own SQL (查询; this worker is then a second one, for that view
 * alone): the parts and shards the statements read loaded first, with progress,
 * then every statement run read-only.
 */
async function answerSql(o: Opened, m: Extract<WorkerRequest, { type: 'sql' }>): Promise<unknown> {
  const reads = tablesRead(o.core, m.sql, DETAIL_VIEWS);
  if (o.parts.length) {
    const rows = readsMain(reads, PART_TABLES);
    const dirs = readsMain(reads, DIRECTORY_TABLES);
    if (rows || dirs) await ensureParts(o, partsFor(o.parts, { ...(rows ? { years: 'all' as const } : {}), ...(dirs ? { provinces: 'all' as const } : {}) }, o.reportFiles));
  }
  let note = '';
  if (o.shards.length && readsDetail(reads, DETAIL_VIEWS)) {
    const pick = pickShards(o.shards, reportRangesIn(m.sql), MAX_ATTACHED);
    const n = pick.shards.length;
    for (const [i, s] of pick.shards.entries()) {
      progress({ loaded: i, total: n, bytes: 0, totalBytes: 0, what: '明细文件' }, true);
      await ensureDetail(o, [s.first]);
    }
    progress({ loaded: n, total: n, bytes: 0, totalBytes: 0, what: '明细文件' }, true);
    note = detailNote(o.shards, o.shards.filter((s) => o.attached.has(s.id)));
  }
  return { ...runReadOnly(o.core, m.sql, m.maxCells), note };
}

self.onmessage = async (ev: MessageEvent<WorkerRequest>) => {
  const m = ev.data;
  if (m.type === 'open') {
    ready = open(m.dbUrl, m.detailBase);
    ready.then(
      () => post({ type: 'opened', ok: true }),
      (e: unknown) => post({ type: 'opened', ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
    return;
  }
  try {
    if (!ready) throw new Error('数据库尚未打开');
    const o = await ready;
    if (m.type === 'sql') {
      post({ type: 'result', id: m.id, ok: true, result: await answerSql(o, m) });
      return;
    }
    const fn = QUERIES[m.name as QueryName] as (db: Queryable, args: unknown) => unknown;
    if (!fn) throw new Error(`未知查询：${m.name}`);
    const detail = DETAIL_IDS[m.name] as ((args: unknown) => number[]) | undefined;
    if (o.parts.length) {
      const need = (PART_NEEDS[m.name as QueryName] as (args: unknown, db: Queryable) => PartNeed)(m.args, o.q);
      const files = partsFor(o.parts, need, o.reportFiles);
      const large = toDownload(o, files);
      if (large.bytes > o.largeBytes && !m.allowLarge) throw new TooLarge(large);
      await ensureParts(o, files);
    }
    const ids = detail ? detail(m.args) : [];
    if (detail) await ensureDetail(o, ids);
    let result: unknown;
    try {
      result = fn(o.q, m.args);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (!/malformed|not a database|corrupt|disk I\/O/i.test(message)) throw e;
      // SQLite's own words (database disk image is malformed …), with the files the query read
      const files = o.shards.filter((s) => ids.some((id) => s.first <= id && id <= s.last)).map((s) => s.file);
      const where = files.length ? `明细文件 ${files.join('、')} 或数据库文件` : '数据库文件';
      throw new Error(`${where}已损坏，无法读取（${message}）`);
    }
    post({ type: 'result', id: m.id, ok: true, result });
  } catch (e) {
    post({ type: 'result', id: m.id, ok: false, error: e instanceof Error ? e.message : String(e), ...(e instanceof TooLarge ? { large: e.large } : {}) });
  }
};
