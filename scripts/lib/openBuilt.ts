/** Open a built core database in Node with every detail shard attached and every per-year part loaded (tests, scripts). */
import fs from 'node:fs';
import path from 'node:path';
import initSqlJs, { type Database } from 'sql.js';
import { attachShard, refreshDetailViews } from '../../src/db/detail';
import { loadPart, readParts } from '../../src/db/parts';

export async function openBuiltDatabase(coreFile: string, detailDir = path.join(path.dirname(coreFile), 'public', 'data')): Promise<Database> {
  const SQL = await initSqlJs();
  const core = new SQL.Database(fs.readFileSync(coreFile));
  const shards = core.exec('SELECT shard_id, file FROM shards ORDER BY shard_id')[0]?.values ?? [];
  const ids: number[] = [];
  for (const [id, file] of shards) {
    attachShard(SQL, core, Number(id), fs.readFileSync(path.join(detailDir, String(file))));
    ids.push(Number(id));
  }
  refreshDetailViews(core, ids);
  for (const p of readParts(core)) loadPart(SQL, core, fs.readFileSync(path.join(detailDir, p.file)));
  return core;
}
