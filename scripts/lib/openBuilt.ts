/** Open a built core database in Node with every detail shard attached and every part and directory loaded (tests, scripts). */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import initSqlJs, { type Database } from 'sql.js';
import { attachShard, refreshDetailViews } from '../../src/db/detail';
import { loadPart, readParts } from '../../src/db/parts';

/** A data file's SQLite bytes (gunzipped when its name ends in .gz, as the shards', parts' and directories' do). */
export function readDataFile(file: string): Uint8Array {
  const bytes = fs.readFileSync(file);
  return new Uint8Array(file.endsWith('.gz') ? zlib.gunzipSync(bytes) : bytes);
}

export async function openBuiltDatabase(coreFile: string, detailDir = path.join(path.dirname(coreFile), 'public', 'data')): Promise<Database> {
  const SQL = await initSqlJs();
  const core = new SQL.Database(fs.readFileSync(coreFile));
  const shards = core.exec('SELECT shard_id, file FROM shards ORDER BY shard_id')[0]?.values ?? [];
  const ids: number[] = [];
  for (const [id, file] of shards) {
    attachShard(SQL, core, Number(id), readDataFile(path.join(detailDir, String(file))));
    ids.push(Number(id));
  }
  refreshDetailViews(core, ids);
  for (const p of readParts(core)) loadPart(SQL, core, readDataFile(path.join(detailDir, p.file)));
  return core;
}
