/**
 * Detail shards seen through the core: each shard is ATTACHed to the core
 * database and TEMP views with the detail tables' own names union the attached
 * shards, so a query reads `findings` or `cell_provenance` as if one file.
 * Shared by the browser worker and Node (tests, scripts).
 */
import type { Database, SqlJsStatic } from 'sql.js';

export const DETAIL_VIEWS = ['findings', 'cell_sources', 'source_lines', 'report_sections', 'cell_provenance'] as const;

/** Open a shard's bytes and attach it to the core as `d<id>`; returns the shard's database (close it after DETACH). */
export function attachShard(SQL: SqlJsStatic, core: Database, id: number, bytes: Uint8Array): Database {
  const db = new SQL.Database(bytes);
  // sql.js keeps a database opened from bytes as a file in its own FS; ATTACH finds it by that name
  core.run(`ATTACH '/${(db as unknown as { filename: string }).filename}' AS d${id}`);
  return db;
}

export function detachShard(core: Database, id: number, db: Database): void {
  core.run(`DETACH d${id}`);
  db.close();
}

/** (Re)create the TEMP views over the shards attached now. */
export function refreshDetailViews(core: Database, attachedIds: readonly number[]): void {
  for (const v of DETAIL_VIEWS) {
    core.run(`DROP VIEW IF EXISTS temp.${v}`);
    if (attachedIds.length) core.run(`CREATE TEMP VIEW ${v} AS ${attachedIds.map((id) => `SELECT * FROM d${id}.${v}`).join(' UNION ALL ')}`);
  }
}
