/** Messages between the page (client.ts) and the database worker (worker.ts). */
export type WorkerRequest =
  | { type: 'open'; dbUrl: string; /** absolute URL of the folder holding the detail shards and parts */ detailBase: string }
  | { type: 'query'; id: number; name: string; args: unknown }
  /** a researcher's own SQL (查询), answered with a SqlResult (userSql.ts) and what it covers */
  | { type: 'sql'; id: number; sql: string; maxCells: number };

/**
 * Download progress: of the core file (total 1), or of the per-year parts the
 * queries in flight need (total: parts in this batch). `what` names the file
 * being fetched (数据库 / 2021 年数据); totalBytes is 0 when unknown.
 */
export interface LoadProgress {
  type: 'progress';
  loaded: number;
  total: number;
  bytes: number;
  totalBytes: number;
  what: string;
}

export type WorkerResponse =
  | { type: 'opened'; ok: true }
  | { type: 'opened'; ok: false; error: string }
  | LoadProgress
  | { type: 'result'; id: number; ok: true; result: unknown }
  | { type: 'result'; id: number; ok: false; error: string };
