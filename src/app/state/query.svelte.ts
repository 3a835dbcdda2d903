/**
 * A query whose arguments are reactive: re-runs in the worker when they change
 * and keeps only the latest answer. Results are $state.raw (large, immutable).
 * Arguments of SKIP leave it idle (no data, not loading).
 */
import { LargeDownloadError, type DbClient, type LargeDownload } from '../../db/client';
import type { QueryArgs, QueryName, QueryResult } from '../../db/queries';
import { reloadForNewDeploy } from '../staleDeploy';

export const SKIP: unique symbol = Symbol('skip');

export class Query<K extends QueryName> {
  data = $state.raw<QueryResult<K> | null>(null);
  error = $state<string | null>(null);
  loading = $state(true);
  /** set when the worker held the query back for its download (error says how much); allowLarge() runs it */
  large = $state.raw<LargeDownload | null>(null);
  #allowLarge = $state(false);
  #seq = 0;

  /** The reader agreed to the large download: run again, and for later arguments too. */
  allowLarge(): void {
    this.#allowLarge = true;
  }

  constructor(db: DbClient, name: K, args: () => QueryArgs<K> | typeof SKIP) {
    $effect(() => {
      const a = args();
      const allowLarge = this.#allowLarge;
      const seq = ++this.#seq;
      if (a === SKIP) {
        this.data = null;
        this.error = null;
        this.large = null;
        this.loading = false;
        return;
      }
      const key = JSON.stringify(a);
      this.loading = true;
      db.runWith(name, JSON.parse(key ?? 'null') as QueryArgs<K>, { allowLarge }).then(
        (d) => {
          if (seq !== this.#seq) return;
          this.data = d;
          this.error = null;
          this.large = null;
          this.loading = false;
        },
        (e: unknown) => {
          if (seq !== this.#seq) return;
          const message = e instanceof Error ? e.message : String(e);
          // a part or detail file that is gone (404) means a newer deploy renamed it: reload, once a session
          if (/HTTP 404/.test(message) && reloadForNewDeploy()) return;
          this.error = message;
          this.large = e instanceof LargeDownloadError ? e.large : null;
          this.loading = false;
        },
      );
    });
  }
}
