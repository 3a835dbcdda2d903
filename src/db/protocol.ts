/** Messages between the page (client.ts) and the database worker (worker.ts). */
export type WorkerRequest =
  | { type: 'open'; dbUrl: string; /** absolute URL of the folder holding the detail shards */ detailBase: string }
  | { type: 'query'; id: number; name: string; args: unknown };

export type WorkerResponse =
  | { type: 'opened'; ok: true }
  | { type: 'opened'; ok: false; error: string }
  | { type: 'result'; id: number; ok: true; result: unknown }
  | { type: 'result'; id: number; ok: false; error: string };
