/**
 * Database size: raw and gzip, and where the bytes go. Per table (its indexes
 * included) from SQLite's dbstat virtual table via the sqlite3 CLI when it is
 * installed; otherwise (sql.js has no dbstat) by dropping each table in a copy,
 * VACUUM, and counting the pages that went away.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import initSqlJs from 'sql.js';

export interface TableSize {
  table: string;
  /** which files: core (with the per-year parts) or detail shards */
  group?: 'core + parts' | 'detail shards';
  bytes: number;
  rows: number;
}
export interface FileGroup {
  kind: 'core' | 'parts' | 'directories' | 'detail shards';
  files: number;
  /** bytes as written (a .gz file's compressed bytes) */
  raw: number;
  /** as a web server would send them: gzip -6 of a plain file, a .gz file as it is */
  gzip: number;
  /** the SQLite bytes (a .gz file decompressed) */
  sqlite: number;
  /** the largest single file of the group, gzip */
  maxGzip: number;
}
/**
 * What the issue's wide reports layout costs by itself, per row of `reports`
 * (its indexes included), measured on one file that holds reports: as built,
 * with every fact column NULL (a header byte per column is still spent), and
 * with the row's text columns NULL too (what is left: keys, counts, the check
 * string and the record headers).
 */
export interface LayoutFloor {
  file: string;
  rows: number;
  asBuilt: number;
  factsNull: number;
  textNull: number;
}

export interface SizeResult {
  /** every database file the site ships: core + per-year parts + detail shards */
  raw: number;
  gzip: number;
  groups: FileGroup[];
  tables: TableSize[];
  method: string;
  layout?: LayoutFloor | null;
}

const TEXT_COLUMNS = ['organ_name', 'period', 'source_url', 'published', 'procurement_unit'];

/** Bytes of the reports table (with its indexes) after `prep`: pages freed by dropping it, after VACUUM. */
function reportsBytes(SQL: import('sql.js').SqlJsStatic, bytes: Uint8Array, prep: string): number {
  const db = new SQL.Database(new Uint8Array(bytes)); // a copy: sql.js may write into the array it is given
  try {
    const pages = () => Number(db.exec('PRAGMA page_count')[0].values[0][0]) * Number(db.exec('PRAGMA page_size')[0].values[0][0]);
    if (prep) db.run(prep);
    db.run('VACUUM');
    const before = pages();
    db.run('PRAGMA foreign_keys = OFF; DROP VIEW IF EXISTS report_index; DROP TABLE reports; VACUUM');
    return before - pages();
  } finally {
    db.close();
  }
}

export async function layoutFloor(file: string): Promise<LayoutFloor | null> {
  const SQL = await initSqlJs();
  const bytes = fs.readFileSync(file);
  const probe = new SQL.Database(new Uint8Array(bytes));
  const rows = Number(probe.exec('SELECT COUNT(*) FROM reports')[0].values[0][0]);
  const facts = probe.exec('SELECT column_name FROM fact_keys ORDER BY key_id')[0].values.map((r) => String(r[0]));
  probe.close();
  if (!rows) return null;
  const nullFacts = `UPDATE reports SET ${facts.map((c) => `${c} = NULL`).join(', ')}`;
  const nullText = `${nullFacts}; UPDATE reports SET ${TEXT_COLUMNS.map((c) => `${c} = NULL`).join(', ')}`;
  return {
    file: path.basename(file),
    rows,
    asBuilt: reportsBytes(SQL, bytes, '') / rows,
    factsNull: reportsBytes(SQL, bytes, nullFacts) / rows,
    textNull: reportsBytes(SQL, bytes, nullText) / rows,
  };
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
  const q = (sql: string) => execFileSync('sqlite3', ['-readonly', '-separator', '\t', file, sql], { encoding: 'utf8', maxBuffer: 1 << 24 }).trim();
  const sql = `SELECT COALESCE(m.tbl_name, d.name), sum(d.pgsize) FROM dbstat d LEFT JOIN sqlite_schema m ON m.name = d.name GROUP BY 1;`;
  const tables = q(sql).split('\n').filter(Boolean).map((l) => {
    const [table, bytes] = l.split('\t');
    return { table, bytes: Number(bytes), rows: 0 };
  });
  const real = tables.filter((t) => !t.table.startsWith('sqlite_'));
  if (real.length) {
    const counts = q(real.map((t) => `SELECT '${t.table}', count(*) FROM "${t.table}"`).join(' UNION ALL '));
    for (const l of counts.split('\n')) {
      const [name, n] = l.split('\t');
      const t = tables.find((x) => x.table === name);
      if (t) t.rows = Number(n);
    }
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

/** The core file and everything build-db wrote beside it in public/data/. */
export function databaseFiles(outDir: string): { kind: FileGroup['kind']; file: string }[] {
  const data = path.join(outDir, 'public', 'data');
  const extra = fs.existsSync(data) ? fs.readdirSync(data).filter((f) => /\.sqlite(\.gz)?$/.test(f)).sort() : [];
  const kind = (f: string): FileGroup['kind'] => (f.startsWith('part-') ? 'parts' : f.startsWith('dir-') ? 'directories' : 'detail shards');
  return [{ kind: 'core' as const, file: path.join(outDir, 'gongkai.sqlite') }, ...extra.map((f) => ({ kind: kind(f), file: path.join(data, f) }))];
}

/** A data file as SQLite on disk: a .gz file decompressed into a temporary file (removed by `done`). */
function asSqlite(file: string): { file: string; bytes: number; done: () => void } {
  if (!file.endsWith('.gz')) return { file, bytes: fs.statSync(file).size, done: () => {} };
  const tmp = path.join(path.dirname(file), `.size-${path.basename(file, '.gz')}`);
  const bytes = zlib.gunzipSync(fs.readFileSync(file));
  fs.writeFileSync(tmp, bytes);
  return { file: tmp, bytes: bytes.length, done: () => fs.rmSync(tmp, { force: true }) };
}

export async function dbSize(outDir: string): Promise<SizeResult> {
  const files = databaseFiles(outDir);
  const cli = hasSqliteCli();
  const groups = new Map<string, FileGroup>();
  const tables = new Map<string, TableSize>();
  for (const { kind, file: written } of files) {
    const raw = fs.statSync(written).size;
    const gzip = written.endsWith('.gz') ? raw : await gzipSize(written);
    const db = asSqlite(written);
    const file = db.file;
    const g = groups.get(kind) ?? { kind, files: 0, raw: 0, gzip: 0, sqlite: 0, maxGzip: 0 };
    g.files++;
    g.raw += raw;
    g.gzip += gzip;
    g.sqlite += db.bytes;
    g.maxGzip = Math.max(g.maxGzip, gzip);
    groups.set(kind, g);
    const group = kind === 'detail shards' ? ('detail shards' as const) : ('core + parts' as const);
    const sized = cli ? viaCli(file) : await viaSqlJs(file);
    db.done();
    for (const t of sized) {
      const key = `${group}\0${t.table}`;
      const x = tables.get(key) ?? { table: t.table, group, bytes: 0, rows: 0 };
      x.bytes += t.bytes;
      x.rows += t.rows;
      tables.set(key, x);
    }
  }
  const gs = [...groups.values()];
  // the layout's own cost, on the core, or the largest part when the build split
  const holders = files.filter((f) => f.kind === 'core' || f.kind === 'parts');
  const holder = holders.length > 1 ? holders.slice(1).sort((a, b) => fs.statSync(b.file).size - fs.statSync(a.file).size)[0] : holders[0];
  let layout: LayoutFloor | null = null;
  const h = holder ? asSqlite(holder.file) : null;
  try {
    layout = h ? await layoutFloor(h.file) : null;
  } catch {
    layout = null;
  } finally {
    h?.done();
  }
  return {
    layout,
    raw: gs.reduce((n, g) => n + g.raw, 0),
    gzip: gs.reduce((n, g) => n + g.gzip, 0),
    groups: gs,
    tables: [...tables.values()].sort((a, b) => b.bytes - a.bytes),
    method: cli ? 'SQLite dbstat (sqlite3 CLI), each table with its indexes, summed over every file' : 'sql.js: drop the table in a copy, VACUUM, count the pages freed',
  };
}
