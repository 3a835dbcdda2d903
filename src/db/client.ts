/** The page's handle on the database worker: typed, promise-based named queries. */
import type { QueryArgs, QueryName, QueryResult } from './queries';
import type { LargeDownload, LoadProgress, WorkerRequest, WorkerResponse } from './protocol';
import type { SqlResult } from './userSql';

export type { LargeDownload, LoadProgress };

/** A query the worker held back: it would download `large` first (see LARGE_DOWNLOAD_BYTES). */
export class LargeDownloadError extends Error {
  constructor(
    message: string,
    readonly large: LargeDownload,
  ) {
    super(message);
  }
}

/** A researcher's SQL answered: the rows, and what the detail tables covered ('' = every report). */
export type SqlAnswer = SqlResult & { note: string };

export class DbClient {
  readonly ready: Promise<void>;
  /** Hears the download progress of the database and of the parts (one year of one province each) (loaded === total: done). */
  onProgress: ((p: LoadProgress) => void) | null = null;
  #worker: Worker;
  #next = 1;
  #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(dbUrl: string) {
    this.#worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    this.ready = new Promise((resolve, reject) => {
      this.#worker.addEventListener('error', (e) => reject(new Error(`数据库线程无法启动：${e.message ?? ''}`)));
      this.#worker.addEventListener('message', (ev: MessageEvent<WorkerResponse>) => {
        const m = ev.data;
        if (m.type === 'progress') {
          this.onProgress?.(m);
          return;
        }
        if (m.type === 'opened') {
          if (m.ok) resolve();
          else reject(new Error(m.error));
          return;
        }
        const p = this.#pending.get(m.id);
        if (!p) return;
        this.#pending.delete(m.id);
        if (m.ok) p.resolve(m.result);
        else p.reject(m.large ? new LargeDownloadError(m.error, m.large) : new Error(m.error));
      });
    });
    this.#send({
      type: 'open',
      dbUrl: new URL(dbUrl, location.href).href,
      // the build puts the shards and parts in build/public/data/, served under the site's base path
      detailBase: new URL(`${import.meta.env.BASE_URL}data/`, location.href).href,
    });
  }

  #send(m: WorkerRequest) {
    this.#worker.postMessage(m);
  }

  /** Run a researcher's SQL read-only (查询): best in a DbClient of its own, which terminate() cancels. */
  runSql(sql: string, maxCells: number): Promise<SqlAnswer> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.#send({ type: 'sql', id, sql, maxCells });
    });
  }

  /** Stop the worker at once (a query in flight is cancelled: its promise rejects with `reason`). */
  terminate(reason: string): void {
    this.#worker.terminate();
    for (const p of this.#pending.values()) p.reject(new Error(reason));
    this.#pending.clear();
  }

  run<K extends QueryName>(name: K, ...args: QueryArgs<K> extends undefined ? [] : [QueryArgs<K>]): Promise<QueryResult<K>> {
    return this.runWith(name, args[0] as QueryArgs<K>, {});
  }

  /**
   * A named query; with allowLarge, run even when it must first download more than
   * LARGE_DOWNLOAD_BYTES (otherwise it rejects with a LargeDownloadError saying how much).
   */
  runWith<K extends QueryName>(name: K, args: QueryArgs<K>, opts: { allowLarge?: boolean }): Promise<QueryResult<K>> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      // $state proxies cannot be cloned; plain JSON data can.
      this.#send({ type: 'query', id, name, args: args === undefined ? undefined : JSON.parse(JSON.stringify(args)), allowLarge: opts.allowLarge });
    });
  }
}
