/**
 * The split of a large core. When the core file would be too large to download
 * at once, the build moves
 *   - the rows of `reports` and `failures` into one part file per year and
 *     province (listed in the core's `parts`): a report's own rows, or one
 *     province's, are a small download at any size of the collection, and
 *   - the `organs`, every report's slim `report_index` row, its `source_files`
 *     row and the fine `rollups` (by city and county) into one directory file
 *     per province (listed in `directories`),
 * and the core keeps the rest: an index with the province rollups, the organ
 * counts and `report_files` (which part and directory hold each report). A
 * reader copies the rows of the files it needs into the core's own (empty)
 * tables, so queries read one database. Every file but the index is gzipped.
 * Pure over sql.js: shared by the build, the browser worker and Node tests.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import { checkPosition } from './checkCodes';
import { leaderIdsSql, nationalSql } from './leaders';
import { REPORT_INDEX_TABLE, ROLLUP_FINE_TABLE, SCHEMA_VERSION, coreSchemaSql, rollupInsert } from './schema';

export interface PartInfo {
  /** parts.part_id, or directories.directory_id (0 for the leaders file) */
  id: number;
  /** the leaders file: the reports at the top of the national lists (leaders.ts) */
  kind: 'part' | 'directory' | 'leaders';
  /** a part's year (null: reports without one); NaN for a directory */
  year: number | null;
  /** the province of a directory, or of a part's reports (null: unknown) */
  province: string | null;
  file: string;
  reports: number;
  bytes: number;
}

/**
 * What a query needs of a split build's files: the parts of the years in a range
 * (null = open end) or of all years, the directories of some provinces or of all,
 * or the files of one report (found in report_files).
 */
export interface PartNeed {
  years?: 'all' | { from: number | null; to: number | null };
  /** provinces whose directory is needed (null in the list: the unknown province) */
  provinces?: 'all' | readonly (string | null)[];
  report?: number;
  /** the leaders file (a national list's top rows) */
  leaders?: boolean;
}

export const NO_NEED: PartNeed = {};

/**
 * Content-addressed name of a part, given its year, the number of its province's
 * directory and the hex SHA-256 of its gzipped bytes.
 */
export function partFileName(year: number | null, directory: number, sha256hex: string): string {
  return `part-${year ?? 'unknown'}-${directory}-${sha256hex.slice(0, 12)}.sqlite.gz`;
}

/** Content-addressed name of the leaders file, given the hex SHA-256 of its gzipped bytes. */
export function leadersFileName(sha256hex: string): string {
  return `leaders-${sha256hex.slice(0, 12)}.sqlite.gz`;
}

/** Content-addressed name of a directory, given its number and the hex SHA-256 of its gzipped bytes. */
export function directoryFileName(id: number, sha256hex: string): string {
  return `dir-${id}-${sha256hex.slice(0, 12)}.sqlite.gz`;
}

const filenameOf = (db: Database) => (db as unknown as { filename: string }).filename;

/** The core's parts and directories (both empty when the build did not split). */
export function readParts(core: Database): PartInfo[] {
  const parts = (core.exec('SELECT part_id, year, province, file, reports, bytes FROM parts ORDER BY part_id')[0]?.values ?? []).map(
    ([id, year, province, file, reports, bytes]): PartInfo => ({
      id: Number(id), kind: 'part', year: year === null ? null : Number(year), province: province === null ? null : String(province),
      file: String(file), reports: Number(reports), bytes: Number(bytes),
    }),
  );
  const dirs = (core.exec('SELECT directory_id, province, file, reports, bytes FROM directories ORDER BY directory_id')[0]?.values ?? []).map(
    ([id, province, file, reports, bytes]): PartInfo => ({
      id: Number(id), kind: 'directory', year: NaN, province: province === null ? null : String(province), file: String(file), reports: Number(reports), bytes: Number(bytes),
    }),
  );
  const has = (core.exec("SELECT 1 FROM sqlite_schema WHERE name = 'leaders'")[0]?.values.length ?? 0) > 0;
  const leaders = (has ? (core.exec('SELECT file, reports, bytes FROM leaders')[0]?.values ?? []) : []).map(
    ([file, reports, bytes]): PartInfo => ({ id: 0, kind: 'leaders', year: NaN, province: null, file: String(file), reports: Number(reports), bytes: Number(bytes) }),
  );
  return [...parts, ...dirs, ...leaders];
}

/** Where one report's rows are: its part and directory ids (undefined: no such report). */
export type ReportFiles = (reportId: number) => { part: number; directory: number } | undefined;

/** The lookup of report_files, read once. */
export function reportFilesOf(core: Database): ReportFiles {
  const runs = (core.exec('SELECT first_report_id, part, directory FROM report_files ORDER BY first_report_id')[0]?.values ?? []).map(
    ([first, part, directory]) => ({ first: Number(first), part: part as Uint8Array, directory: directory as Uint8Array }),
  );
  return (id) => {
    for (const r of runs) {
      const k = id - r.first;
      if (k < 0 || k >= r.directory.length) continue;
      // two bytes per report, little-endian: there may be more parts than 255 (years × provinces)
      const part = r.part[2 * k] | (r.part[2 * k + 1] << 8);
      return part ? { part, directory: r.directory[k] } : undefined;
    }
    return undefined;
  };
}

/** The files a need names; for one report, `where` finds its part and directory (unknown: every file). */
export function partsFor(parts: readonly PartInfo[], need: PartNeed, where?: ReportFiles): PartInfo[] {
  const out = new Set<PartInfo>();
  const years = need.years;
  const provinces = need.provinces;
  if (years) {
    for (const p of parts) {
      if (p.kind !== 'part') continue;
      // a part is one year's reports of one province: the need's provinces narrow the parts too
      if (provinces && provinces !== 'all' && !provinces.includes(p.province)) continue;
      if (years === 'all') out.add(p);
      else if (p.year === null ? years.from == null && years.to == null : (years.from == null || p.year >= years.from) && (years.to == null || p.year <= years.to)) out.add(p);
    }
  }
  if (provinces) {
    for (const p of parts) if (p.kind === 'directory' && (provinces === 'all' || provinces.includes(p.province))) out.add(p);
  }
  if (need.leaders) for (const p of parts) if (p.kind === 'leaders') out.add(p);
  if (need.report !== undefined) {
    const at = where?.(need.report);
    for (const p of parts) {
      if (!at || (p.kind === 'part' && p.id === at.part) || (p.kind === 'directory' && p.id === at.directory)) out.add(p);
    }
  }
  return parts.filter((p) => out.has(p));
}

/** The tables a part or directory file fills in the index, in loading order. */
const LOADED_TABLES = ['organs', 'report_index', 'rollups', 'source_files', 'reports', 'failures'] as const;

/**
 * Copy the rows of a part or directory (its decompressed bytes) into the index's
 * tables. `bytes` is handed to sql.js, which may keep it: pass a copy if you use
 * the array again.
 */
export function loadPart(SQL: SqlJsStatic, core: Database, bytes: Uint8Array): void {
  const part = new SQL.Database(bytes);
  try {
    const has = new Set((part.exec("SELECT name FROM sqlite_schema WHERE type = 'table'")[0]?.values ?? []).map(([n]) => String(n)));
    core.run(`ATTACH '/${filenameOf(part)}' AS part`);
    try {
      core.run('BEGIN');
      try {
        // a directory's files that were read only in part are in the index already, and the
        // leaders file's rows are in the parts too: a row loaded before is the same row
        for (const t of LOADED_TABLES) if (has.has(t)) core.run(`INSERT ${t === 'rollups' ? '' : 'OR IGNORE '}INTO main.${t} SELECT * FROM part.${t}`);
        core.run('COMMIT');
      } catch (e) {
        core.run('ROLLBACK');
        throw e;
      }
    } finally {
      core.run('DETACH part');
    }
  } finally {
    part.close();
  }
}

export interface SplitFile {
  bytes: Uint8Array;
  file: string;
}

export interface SplitDatabase {
  /** the core without the moved rows, listing the parts and directories */
  index: Uint8Array;
  parts: (SplitFile & { year: number | null; province: string | null; reports: number })[];
  directories: (SplitFile & { province: string | null; organs: number; reports: number })[];
  /** the reports at the top of the national lists (leaders.ts); null when there are no reports */
  leaders: (SplitFile & { reports: number }) | null;
}

/** Report ids per report_files row (its `part` blob is two bytes a report: 128 KB). */
const REPORT_FILES_RUN = 65536;

function newFile(SQL: SqlJsStatic, full: Database, extra = ''): Database {
  const db = new SQL.Database();
  db.run('PRAGMA page_size = 4096');
  db.run(coreSchemaSql());
  if (extra) db.run(extra);
  db.run(`PRAGMA user_version = ${SCHEMA_VERSION}`);
  db.run(`ATTACH '/${filenameOf(full)}' AS src`);
  db.run('BEGIN');
  return db;
}

function closeFile(db: Database): Uint8Array {
  db.run('COMMIT');
  db.run('DETACH src');
  db.run('VACUUM');
  const bytes = db.export();
  db.close();
  return bytes;
}

/**
 * Split a whole core file into an index, one part per year (ascending, the
 * reports without a year last) and one directory per province (ascending, the
 * unknown province first); an open Database is split in place and closed. `pack` gives a file's stored bytes (gzip) and
 * `name` its name from them (a content hash). Same input, same bytes out.
 */
export function splitCore(
  SQL: SqlJsStatic,
  core: Uint8Array | Database,
  pack: (bytes: Uint8Array) => Uint8Array,
  name: {
    part: (year: number | null, directory: number, packed: Uint8Array) => string;
    directory: (id: number, packed: Uint8Array) => string;
    leaders: (packed: Uint8Array) => string;
  },
): SplitDatabase {
  // an open core (the build's, just finished) is split where it is and closed: a copy of a
  // 200,000-report core is some 300 MB in JavaScript and as much again in sql.js's file system
  const full = core instanceof Uint8Array ? new SQL.Database(core.slice()) : core;
  try {
    // directories in province order (the unknown province first), numbered from 1
    const provinces = (full.exec('SELECT DISTINCT province FROM organs ORDER BY province')[0]?.values ?? []).map(([p]) => (p === null ? null : String(p)));
    if (provinces.length > 255) throw new Error('拆分文件过多（省份超过 255 个）');
    const dirOf = new Map(provinces.map((p, i) => [p, i + 1]));
    // one part per year and province that has reports: years ascending (none last), then the directories' order
    const cells = (full.exec(
      'SELECT DISTINCT r.year, o.province FROM reports r JOIN organs o USING (organ_id) ORDER BY r.year IS NULL, r.year, o.province',
    )[0]?.values ?? []).map(([y, p]) => ({ year: y === null ? null : Number(y), province: p === null ? null : String(p) }));
    if (cells.length > 65535) throw new Error('拆分文件过多（年度与省份组合超过 65535 个）');
    const parts: SplitDatabase['parts'] = [];
    for (const { year, province } of cells) {
      const part = newFile(SQL, full);
      const where = 'r.year IS ? AND r.organ_id IN (SELECT organ_id FROM src.organs WHERE province IS ?)';
      part.run(`INSERT INTO reports SELECT r.* FROM src.reports r WHERE ${where} ORDER BY r.report_id`, [year, province]);
      part.run(
        `INSERT INTO failures SELECT f.* FROM src.failures f JOIN src.reports r USING (report_id) WHERE ${where} ORDER BY f.report_id, f.check_id`,
        [year, province],
      );
      const reports = Number(part.exec('SELECT COUNT(*) FROM reports')[0].values[0][0]);
      const packed = pack(closeFile(part));
      parts.push({ year, province, reports, bytes: packed, file: name.part(year, dirOf.get(province)!, packed) });
    }
    const directories: SplitDatabase['directories'] = [];
    for (const [i, province] of provinces.entries()) {
      const dir = newFile(SQL, full, `DROP VIEW report_index; ${REPORT_INDEX_TABLE} ${ROLLUP_FINE_TABLE}`);
      dir.run('INSERT INTO organs SELECT * FROM src.organs WHERE province IS ? ORDER BY organ_id', [province]);
      dir.run(
        `INSERT INTO report_index (report_id, organ_id, file_id, organ_name, year, template, errors, warnings, assessed, passed, unassessed, partial)
         SELECT r.report_id, r.organ_id, r.file_id, NULLIF(r.organ_name, o.name), r.year, r.template, r.errors, r.warnings,
           r.assessed, r.passed, r.unassessed, r.partial
         FROM src.reports r JOIN src.organs o USING (organ_id) WHERE o.province IS ? ORDER BY r.report_id`,
        [province],
      );
      dir.run(rollupInsert('rollups', ['province', 'city', 'county'], 'src.', 'o.province IS ?'), [province]);
      dir.run(
        `INSERT INTO source_files SELECT s.* FROM src.source_files s
         WHERE s.file_id IN (SELECT r.file_id FROM src.reports r JOIN src.organs o USING (organ_id) WHERE o.province IS ?) ORDER BY s.file_id`,
        [province],
      );
      const organs = Number(dir.exec('SELECT COUNT(*) FROM organs')[0].values[0][0]);
      const reports = Number(dir.exec('SELECT COUNT(*) FROM report_index')[0].values[0][0]);
      const packed = pack(closeFile(dir));
      directories.push({ province, organs, reports, bytes: packed, file: name.directory(i + 1, packed) });
    }

    let leaders: SplitDatabase['leaders'] = null;
    if (cells.length) {
      const lead = newFile(SQL, full);
      lead.run(`CREATE TEMP TABLE lead AS SELECT report_id FROM (${leaderIdsSql('src')})`);
      lead.run('INSERT INTO reports SELECT * FROM src.reports WHERE report_id IN (SELECT report_id FROM temp.lead) ORDER BY report_id');
      lead.run('INSERT INTO failures SELECT * FROM src.failures WHERE report_id IN (SELECT report_id FROM temp.lead) ORDER BY report_id, check_id');
      lead.run('INSERT INTO organs SELECT * FROM src.organs WHERE organ_id IN (SELECT organ_id FROM main.reports) ORDER BY organ_id');
      lead.run('INSERT INTO source_files SELECT * FROM src.source_files WHERE file_id IN (SELECT file_id FROM main.reports) ORDER BY file_id');
      lead.run('DROP TABLE temp.lead');
      const reports = Number(lead.exec('SELECT COUNT(*) FROM reports')[0].values[0][0]);
      const packed = pack(closeFile(lead));
      leaders = { reports, bytes: packed, file: name.leaders(packed) };
    }

    full.run('BEGIN');
    // the national check counts and pass-rate bins, before the reports move out
    const checkIds = (full.exec('SELECT check_id FROM checks ORDER BY check_id')[0]?.values ?? []).map(([c]) => String(c));
    for (const sql of nationalSql(checkIds, checkPosition, 'main')) full.run(sql);
    if (leaders) full.run('INSERT INTO leaders (file, reports, bytes) VALUES (?, ?, ?)', [leaders.file, leaders.reports, leaders.bytes.length]);
    full.run('DROP VIEW report_index');
    full.run(REPORT_INDEX_TABLE);
    full.run(ROLLUP_FINE_TABLE);
    // which part and directory hold each report: one byte each per report id
    const where = full.exec(
      `SELECT r.report_id, r.year, o.province FROM reports r JOIN organs o USING (organ_id) ORDER BY r.report_id`,
    )[0]?.values ?? [];
    const partOf = new Map(cells.map((c, i) => [`${c.year}|${c.province}`, i + 1]));
    const runs = new Map<number, { part: Uint8Array; directory: Uint8Array }>();
    const maxId = Number(where[where.length - 1]?.[0] ?? 0);
    for (const [id, year, province] of where) {
      const first = Math.floor((Number(id) - 1) / REPORT_FILES_RUN) * REPORT_FILES_RUN + 1;
      let run = runs.get(first);
      if (!run) {
        const len = Math.min(REPORT_FILES_RUN, maxId - first + 1);
        run = { part: new Uint8Array(2 * len), directory: new Uint8Array(len) };
        runs.set(first, run);
      }
      const k = Number(id) - first;
      const part = partOf.get(`${year === null ? null : Number(year)}|${province === null ? null : String(province)}`)!;
      run.part[2 * k] = part & 0xff;
      run.part[2 * k + 1] = part >> 8;
      run.directory[k] = dirOf.get(province === null ? null : String(province))!;
    }
    const rf = full.prepare('INSERT INTO report_files (first_report_id, part, directory) VALUES (?, ?, ?)');
    for (const [first, run] of [...runs].sort((a, b) => a[0] - b[0])) rf.run([first, run.part, run.directory]);
    rf.free();
    full.run('DELETE FROM failures');
    // the index keeps the files that were not read in full (the overview lists them); the rest are in the directories
    full.run("DELETE FROM source_files WHERE outcome = 'ok'");
    full.run('DELETE FROM reports');
    full.run('DELETE FROM organs');
    const pi = full.prepare('INSERT INTO parts (part_id, year, province, file, reports, bytes) VALUES (?, ?, ?, ?, ?, ?)');
    parts.forEach((p, i) => pi.run([i + 1, p.year, p.province, p.file, p.reports, p.bytes.length]));
    pi.free();
    const di = full.prepare('INSERT INTO directories (directory_id, province, file, organs, reports, bytes) VALUES (?, ?, ?, ?, ?, ?)');
    directories.forEach((d, i) => di.run([i + 1, d.province, d.file, d.organs, d.reports, d.bytes.length]));
    di.free();
    full.run('COMMIT');
    // sqlite_stat1 keeps the whole build's statistics: the planner sees the tables as they are once the files are in
    full.run('VACUUM');
    return { index: full.export(), parts, directories, leaders };
  } finally {
    full.close();
  }
}
