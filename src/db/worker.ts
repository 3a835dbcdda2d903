/// <reference lib="webworker" />
/**
 * The database worker: opens the core SQLite file with sql.js and answers named
 * queries from queries.ts, so the page never blocks on SQL. The detail shards
 * (findings, provenance, prose) are fetched only when a query needs a report's
 * detail, ATTACHed to the core, and seen through TEMP views with the tables'
 * own names — so queries read `findings` or `cell_provenance` as if one file.
 */
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { attachShard, detachShard, refreshDetailViews } from './detail';
import { DETAIL_IDS, QUERIES, type QueryName, type Queryable } from './queries';
import { tableFromExec } from './table';
import type { WorkerRequest, WorkerResponse } from './protocol';

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
}

let ready: Promise<Opened> | null = null;

async function fetchBytes(url: string, what: string): Promise<Uint8Array> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${what}无法加载（HTTP ${r.status}）`);
  return new Uint8Array(await r.arrayBuffer());
}

async function open(dbUrl: string, detailBase: string): Promise<Opened> {
  const [SQL, bytes] = await Promise.all([initSqlJs({ locateFile: () => wasmUrl }), fetchBytes(dbUrl, '数据库文件')]);
  let core: Database;
  let shards: ShardInfo[];
  try {
    core = new SQL.Database(bytes);
    core.exec('SELECT 1 FROM reports LIMIT 1');
    const res = core.exec('SELECT shard_id, first_report_id, last_report_id, file FROM shards ORDER BY first_report_id');
    shards = (res[0]?.values ?? []).map(([id, first, last, file]) => ({ id: Number(id), first: Number(first), last: Number(last), file: String(file) }));
  } catch (e) {
    throw new Error(`数据库文件无法读取：${e instanceof Error ? e.message : String(e)}`);
  }
  return { SQL, core, shards, attached: new Map(), detailBase, q: { all: (sql, params) => tableFromExec(core.exec(sql, params ?? [])) } };
}

async function ensureDetail(o: Opened, reportIds: number[]): Promise<void> {
  const needed = new Set<ShardInfo>();
  for (const id of reportIds) {
    const s = o.shards.find((x) => x.first <= id && id <= x.last);
    if (s) needed.add(s);
  }
  let changed = false;
  for (const s of needed) {
    const open = o.attached.get(s.id);
    if (open) {
      o.attached.delete(s.id); // move to most recent
      o.attached.set(s.id, open);
      continue;
    }
    const bytes = await fetchBytes(new URL(s.file, o.detailBase).href, '明细文件');
    o.attached.set(s.id, attachShard(o.SQL, o.core, s.id, bytes));
    changed = true;
    while (o.attached.size > MAX_ATTACHED) {
      const [oldId, oldDb] = o.attached.entries().next().value as [number, Database];
      o.attached.delete(oldId);
      detachShard(o.core, oldId, oldDb);
    }
  }
  if (changed) refreshDetailViews(o.core, [...o.attached.keys()]);
}

const post = (m: WorkerResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

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
    const fn = QUERIES[m.name as QueryName] as (db: Queryable, args: unknown) => unknown;
    if (!fn) throw new Error(`未知查询：${m.name}`);
    const detail = DETAIL_IDS[m.name] as ((args: unknown) => number[]) | undefined;
    if (detail) await ensureDetail(o, detail(m.args));
    post({ type: 'result', id: m.id, ok: true, result: fn(o.q, m.args) });
  } catch (e) {
    post({ type: 'result', id: m.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
};
