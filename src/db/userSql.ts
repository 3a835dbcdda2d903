/**
 * A researcher's own SQL (the 查询 view), over sql.js. Three steps, each its own
 * function so the worker and Node tests share them:
 *
 *   tablesRead    which tables the statements read, from SQLite's own plan
 *                 (EXPLAIN: the b-trees each statement opens), so the worker
 *                 can load the parts (one year of one province each) and attach the detail shards first
 *   pickShards    which detail shards to attach (SQLite attaches at most 10 files)
 *   runReadOnly   the statements one at a time, each with PRAGMA query_only set
 *                 just before it runs: SQLite itself refuses any write, even after
 *                 a statement of the user's own turns query_only off
 *
 * The worker that runs these is a second instance of worker.ts with its own copy
 * of the database, so nothing typed here can reach the page's queries, and a
 * long query is cancelled by terminating that worker.
 */
import type { Database, SqlValue, Statement } from 'sql.js';
import type { Cell } from './table';

export interface SqlReads {
  /** tables (and the tables of indexes) the statements open, as schema.table: main.reports, d1.findings */
  tables: string[];
  /** a statement names one of `detailViews` that does not exist yet (no shard attached) */
  missingDetail: boolean;
}

const quoteId = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** schema number (as EXPLAIN's p3 gives it) → name, from PRAGMA database_list. */
function schemas(db: Database): Map<number, string> {
  const rows = db.exec('PRAGMA database_list')[0]?.values ?? [];
  return new Map(rows.map(([seq, name]) => [Number(seq), String(name)]));
}

/** schema number → root page → table, for every b-tree of every attached file. */
function rootPages(db: Database, names: Map<number, string>): Map<number, Map<number, string>> {
  const out = new Map<number, Map<number, string>>();
  for (const [seq, name] of names) {
    const pages = new Map<number, string>([[1, 'sqlite_schema']]);
    for (const [table, root] of db.exec(`SELECT tbl_name, rootpage FROM ${quoteId(name)}.sqlite_schema WHERE rootpage > 0`)[0]?.values ?? []) {
      pages.set(Number(root), String(table));
    }
    out.set(seq, pages);
  }
  return out;
}

const missingTable = (e: unknown) => /no such table: (?:\w+\.)?(\w+)/.exec(e instanceof Error ? e.message : String(e))?.[1];

/**
 * What the statements read. A statement SQLite cannot prepare ends the look
 * (running it will report the error); one that names a detail view before any
 * shard is attached is noted as needing the detail.
 */
export function tablesRead(db: Database, sql: string, detailViews: readonly string[]): SqlReads {
  const names = schemas(db);
  const roots = rootPages(db, names);
  const tables = new Set<string>();
  let missingDetail = false;
  const it = db.iterateStatements(sql);
  for (;;) {
    let next: ReturnType<typeof it.next>;
    try {
      next = it.next();
    } catch (e) {
      const t = missingTable(e);
      if (t && detailViews.includes(t)) missingDetail = true;
      break;
    }
    if (next.done) break;
    const text = next.value.getSQL().replace(/^\s*EXPLAIN(\s+QUERY\s+PLAN)?\s+/i, '');
    let plan;
    try {
      plan = db.prepare(`EXPLAIN ${text}`);
    } catch {
      continue;
    }
    try {
      while (plan.step()) {
        const [, op, , page, schema] = plan.get();
        if (op !== 'OpenRead' && op !== 'ReopenIdx') continue;
        const table = roots.get(Number(schema))?.get(Number(page));
        if (table) tables.add(`${names.get(Number(schema))}.${table}`);
      }
    } finally {
      plan.free();
    }
  }
  return { tables: [...tables].sort(), missingDetail };
}

/** Whether the statements read a detail table (in an attached shard) or name one not yet attached. */
export function readsDetail(reads: SqlReads, detailViews: readonly string[]): boolean {
  return (
    reads.missingDetail ||
    reads.tables.some((t) => {
      const [schema, table] = t.split('.');
      return schema !== 'main' && schema !== 'temp' && detailViews.includes(table);
    })
  );
}

/** Whether the statements read one of the core's tables whose rows a split build keeps in the parts. */
export function readsMain(reads: SqlReads, tables: readonly string[]): boolean {
  return reads.tables.some((t) => tables.includes(t.replace(/^main\./, '')));
}

export interface ShardRange {
  id: number;
  first: number;
  last: number;
}

/**
 * The report ids the text pins with literals — report_id = 5, IN (1, 2),
 * BETWEEN 10 AND 20 — as ranges; null when it pins none. Only used to choose
 * which shards to attach when there are too many to attach them all.
 */
export function reportRangesIn(sql: string): { from: number; to: number }[] | null {
  const out: { from: number; to: number }[] = [];
  for (const m of sql.matchAll(/\breport_id\s*==?\s*(\d+)/gi)) out.push({ from: Number(m[1]), to: Number(m[1]) });
  for (const m of sql.matchAll(/\breport_id\s+IN\s*\(([\d\s,]+)\)/gi)) {
    for (const n of m[1].split(',').map((x) => x.trim()).filter(Boolean)) out.push({ from: Number(n), to: Number(n) });
  }
  for (const m of sql.matchAll(/\breport_id\s+BETWEEN\s+(\d+)\s+AND\s+(\d+)/gi)) out.push({ from: Number(m[1]), to: Number(m[2]) });
  return out.length ? out : null;
}

export interface ShardPick {
  shards: ShardRange[];
  /** said with the result when the shards attached do not cover every report ('' when they do) */
  note: string;
}

const span = (s: ShardRange) => (s.first === s.last ? `${s.first}` : `${s.first}–${s.last}`);

/**
 * Every shard when they fit in one attach; else the shards of the report ids the
 * SQL pins (an error in Chinese when it pins none, or more than fit).
 */
export function pickShards(all: readonly ShardRange[], pinned: { from: number; to: number }[] | null, max: number): ShardPick {
  if (all.length <= max) return { shards: [...all], note: '' };
  const advice = `明细分为 ${all.length} 个文件，一次查询最多附加 ${max} 个：请在条件中写明 report_id（= / IN (…) / BETWEEN … AND …），只查这些报告的明细。`;
  if (!pinned) throw new Error(advice);
  const shards = all.filter((s) => pinned.some((r) => r.from <= s.last && s.first <= r.to));
  if (shards.length > max) throw new Error(`${advice}（条件中的报告分布在 ${shards.length} 个文件中）`);
  return { shards, note: '' };
}

/** What the result covers when not every shard is attached: the report ranges attached now. */
export function detailNote(all: readonly ShardRange[], attached: readonly ShardRange[]): string {
  if (attached.length >= all.length) return '';
  const ranges = [...attached].sort((a, b) => a.first - b.first).map(span).join('、');
  return `明细表（findings 等）只含报告 ${ranges} 的明细（共 ${all.length} 个明细文件，本次附加 ${attached.length} 个）。`;
}

export interface SqlResult {
  /** the columns of the last statement that returns rows ([] when none does) */
  columns: string[];
  /** its rows, at most maxCells cells */
  rows: Cell[][];
  /** how many rows it returned in all */
  rowCount: number;
  /** rows were left out past maxCells */
  truncated: boolean;
  statements: number;
  ms: number;
  /** the statements attached or detached a file: the connection is no longer the worker's own */
  connectionChanged: boolean;
}

const cell = (v: SqlValue): Cell => (v instanceof Uint8Array ? `[BLOB ${v.length} 字节]` : v);

/**
 * Run every statement of `sql`, each after `PRAGMA query_only = 1`, keeping the
 * rows of the last that returns any columns. A transaction left open is rolled
 * back; query_only is off again afterwards (the worker's own loading writes).
 */
export function runReadOnly(db: Database, sql: string, maxCells: number): SqlResult {
  const before = [...schemas(db).values()].join('|');
  const t0 = performance.now();
  let columns: string[] = [];
  let rows: Cell[][] = [];
  let rowCount = 0;
  let truncated = false;
  let statements = 0;
  const it = db.iterateStatements(sql);
  let st: Statement | null = null;
  try {
    for (;;) {
      db.run('PRAGMA query_only = 1');
      const next = it.next();
      if (next.done) break;
      st = next.value;
      statements++;
      const cols = st.getColumnNames();
      if (!cols.length) {
        while (st.step());
        continue;
      }
      columns = cols;
      rows = [];
      rowCount = 0;
      truncated = false;
      const cap = Math.max(1, Math.floor(maxCells / cols.length));
      while (st.step()) {
        if (rows.length < cap) rows.push(st.get().map(cell));
        else truncated = true;
        rowCount++;
      }
    }
  } finally {
    // a statement that failed mid-way is still open (the iterator frees only those it moves past)
    st?.free();
    try {
      db.run('ROLLBACK');
    } catch {
      // no transaction was open
    }
    db.run('PRAGMA query_only = 0');
  }
  const ms = Math.round(performance.now() - t0);
  const connectionChanged = [...schemas(db).values()].join('|') !== before;
  return { columns, rows, rowCount, truncated, statements, ms, connectionChanged };
}
