/**
 * The worker that runs a researcher's SQL: a DbClient of its own (a second
 * instance of the database worker, with its own copy of the database), made on
 * the first query and kept across visits to 查询 so the files it loaded stay.
 * sql.js runs a statement to its end, so cancelling terminates this worker; the
 * next query starts a new one (the database file comes from the browser's cache).
 */
import { DbClient } from '../../../db/client';

let client: DbClient | null = null;

export function sqlClient(dbUrl: string): DbClient {
  if (!client) {
    client = new DbClient(dbUrl);
    // a database that cannot be opened is reported by the query that asked for it
    client.ready.catch(() => {});
  }
  return client;
}

/** Stop the worker now; a query in flight rejects with `reason`. */
export function resetSqlClient(reason: string): void {
  client?.terminate(reason);
  client = null;
}
