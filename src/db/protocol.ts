/** Messages between the page (client.ts) and the database worker (worker.ts). */
export type WorkerRequest =
  | { type: 'open'; dbUrl: string; /** absolute URL of the folder holding the detail shards and parts */ detailBase: string }
  /** allowLarge: the reader agreed to download more than LARGE_DOWNLOAD_BYTES of parts for it */
  | { type: 'query'; id: number; name: string; args: unknown; allowLarge?: boolean }
  /** a researcher's own SQL (查询), answered with a SqlResult (userSql.ts) and what it covers */
  | { type: 'sql'; id: number; sql: string; maxCells: number };

/**
 * Download progress: of the core file (total 1), or of the parts (one year of one province each) the
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
  | { type: 'result'; id: number; ok: false; error: string; large?: LargeDownload };

/**
 * A query of a split build that would first download more than this of parts and
 * directories is not run until the reader agrees (a national view's single-report
 * rows at 200,000 reports are some 80 MB): the page says how much, and that
 * choosing a province downloads only that province's files.
 */
export const LARGE_DOWNLOAD_BYTES = 8 * 1024 * 1024;

/** What a query held back for its size would download. */
export interface LargeDownload {
  bytes: number;
  files: number;
}
