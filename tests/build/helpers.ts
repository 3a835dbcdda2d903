/** Small helpers the build tests share. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'sql.js';

export function tmpDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `gongkai-${name}-`));
}

/** Every row of a query as an object. */
export function rows(db: Database, sql: string, params: (string | number | null)[] = []): Record<string, unknown>[] {
  const st = db.prepare(sql);
  st.bind(params);
  const out: Record<string, unknown>[] = [];
  while (st.step()) out.push(st.getAsObject());
  st.free();
  return out;
}
