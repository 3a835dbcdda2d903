/// <reference lib="webworker" />
/**
 * The database worker: opens the SQLite file with sql.js and answers named
 * queries from queries.ts, so the page never blocks on SQL.
 */
import initSqlJs, { type Database } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { QUERIES, type QueryName, type Queryable } from './queries';
import { tableFromExec } from './table';
import type { WorkerRequest, WorkerResponse } from './protocol';

let ready: Promise<Queryable> | null = null;

async function open(dbUrl: string): Promise<Queryable> {
  const [SQL, bytes] = await Promise.all([
    initSqlJs({ locateFile: () => wasmUrl }),
    fetch(dbUrl).then((r) => {
      if (!r.ok) throw new Error(`数据库文件无法加载（HTTP ${r.status}）`);
      return r.arrayBuffer();
    }),
  ]);
  let db: Database;
  try {
    db = new SQL.Database(new Uint8Array(bytes));
    db.exec('SELECT 1 FROM reports LIMIT 1');
  } catch (e) {
    throw new Error(`数据库文件无法读取：${e instanceof Error ? e.message : String(e)}`);
  }
  return { all: (sql, params) => tableFromExec(db.exec(sql, params ?? [])) };
}

const post = (m: WorkerResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = async (ev: MessageEvent<WorkerRequest>) => {
  const m = ev.data;
  if (m.type === 'open') {
    ready = open(m.dbUrl);
    ready.then(
      () => post({ type: 'opened', ok: true }),
      (e: unknown) => post({ type: 'opened', ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
    return;
  }
  try {
    if (!ready) throw new Error('数据库尚未打开');
    const db = await ready;
    const fn = QUERIES[m.name as QueryName] as (db: Queryable, args: unknown) => unknown;
    if (!fn) throw new Error(`未知查询：${m.name}`);
    post({ type: 'result', id: m.id, ok: true, result: fn(db, m.args) });
  } catch (e) {
    post({ type: 'result', id: m.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
};
