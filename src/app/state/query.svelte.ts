/**
 * A query whose arguments are reactive: re-runs in the worker when they change
 * and keeps only the latest answer. Results are $state.raw (large, immutable).
 * Arguments of SKIP leave it idle (no data, not loading).
 */
import type { DbClient } from '../../db/client';
import type { QueryArgs, QueryName, QueryResult } from '../../db/queries';
import { reloadForNewDeploy } from '../staleDeploy';

export const SKIP: unique symbol = Symbol('skip');

export class Query<K extends QueryName> {
  data = $state.raw<QueryResult<K> | null>(null);
  error = $state<string | null>(null);
  loading = $state(true);
  #seq = 0;

  constructor(db: DbClient, name: K, args: () => QueryArgs<K> | typeof SKIP) {
    $effect(() => {
      const a = args();
      const seq = ++this.#seq;
      if (a === SKIP) {
        this.data = null;
        this.error = null;
        this.loading = false;
        return;
      }
      const key = JSON.stringify(a);
      this.loading = true;
      const run = db.run.bind(db) as (n: K, a: unknown) => Promise<QueryResult<K>>;
      run(name, JSON.parse(key ?? 'null')).then(
        (d) => {
          if (seq !== this.#seq) return;
          this.data = d;
          this.error = null;
          this.loading = false;
        },
        (e: unknown) => {
          if (seq !== this.#seq) return;
          const message = e instanceof Error ? e.message : String(e);
          // a part or detail file that is gone (404) means a newer deploy renamed it: reload, once a session
          if (/HTTP 404/.test(message) && reloadForNewDeploy()) return;
          this.error = message;
          this.loading = false;
        },
      );
    });
  }
}
