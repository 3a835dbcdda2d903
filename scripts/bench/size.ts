/**
 * Database size: raw and gzip, and where the bytes go. Per table (its indexes
 * included) from SQLite's dbstat virtual table via the sqlite3 CLI when it is
 * installed; otherwise (sql.js has no dbstat) by dropping each table in a copy,
 * VACUUM, and counting the pages that went away.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import initSqlJs from 'sql.js';

export interface TableSize {
  table: string;
  bytes: number;
  rows: number;
}
export interface SizeResult {
  raw: number;
  gzip: number;
  tables: TableSize[];
  method: string;
}

export async function gzipSize(file: string, level = 6): Promise<number> {
  let n = 0;
  await pipeline(
    fs.createReadStream(file, { highWaterMark: 1 << 20 }),
    zlib.createGzip({ level }),
    new Writable({
      write(chunk: Buffer, _e, cb) {
        n += chunk.length;
        cb();
      },
    }),
  );
  return n;
}

function hasSqliteCli(): boolean {
  try {
    execFileSync('sqlite3', [':memory:', 'SELECT count(*) FROM dbstat'], { stdio: ['ignore', 'pipe', 'ignore'] });
    return true;
  } catch {
    return false;
  }
}

function viaCli(file: string): TableSize[] {
  const sql = `SELECT COALESCE(m.tbl_name, d.name), sum(d.pgsize) FROM dbstat d LEFT JOIN sqlite_schema m ON m.name = d.name GROUP BY 1;`;
  const out = execFileSync('sqlite3', ['-readonly', '-separator', '\t', file, sql], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const tables = out.trim().split('\n').map((l) => {
    const [table, bytes] = l.split('\t');
    return { table, bytes: Number(bytes), rows: 0 };
  });
  for (const t of tables) {
    if (t.table.startsWith('sqlite_')) continue;
    const n = execFileSync('sqlite3', ['-readonly', file, `SELECT count(*) FROM "${t.table}"`], { encoding: 'utf8' });
    t.rows = Number(n.trim());
  }
  return tables;
}

async function viaSqlJs(file: string): Promise<TableSize[]> {
  const SQL = await initSqlJs();
  const bytes = fs.readFileSync(file);
  const pages = (db: import('sql.js').Database) => Number(db.exec('PRAGMA page_count')[0].values[0][0]) * Number(db.exec('PRAGMA page_size')[0].values[0][0]);
  const base = new SQL.Database(bytes);
  base.exec('VACUUM');
  const total = pages(base);
  const names = base.exec("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")[0].values.map((r) => String(r[0]));
  const out: TableSize[] = [];
  for (const name of names) {
    const rows = Number(base.exec(`SELECT count(*) FROM "${name}"`)[0].values[0][0]);
    const db = new SQL.Database(bytes);
    db.exec(`PRAGMA foreign_keys = OFF; DROP VIEW IF EXISTS cell_provenance; DROP TABLE "${name}"; VACUUM`);
    out.push({ table: name, bytes: total - pages(db), rows });
    db.close();
  }
  base.close();
  return out;
}

export async function dbSize(file: string): Promise<SizeResult> {
  const raw = fs.statSync(file).size;
  const gzip = await gzipSize(file);
  const cli = hasSqliteCli();
  const tables = cli ? viaCli(file) : await viaSqlJs(file);
  tables.sort((a, b) => b.bytes - a.bytes);
  return { raw, gzip, tables, method: cli ? 'SQLite dbstat (sqlite3 CLI), each table with its indexes' : 'sql.js: drop the table in a copy, VACUUM, count the pages freed' };
}
