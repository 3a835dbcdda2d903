/**
 * Per-year part files. When the core file would be too large to download at
 * once, the build moves the rows of `reports` and `failures` into one file per
 * year (listed in the core's `parts`), and the core keeps every other table: an
 * index. A reader copies the rows of the parts it needs back into the core's
 * own (empty) tables, so queries read `reports` and `failures` as if one file.
 * Pure over sql.js: shared by the build, the browser worker and Node tests.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import { REPORT_INDEX_TABLE, SCHEMA_VERSION, coreSchemaSql } from './schema';

export interface PartInfo {
  /** the reports' year; null for reports without one */
  year: number | null;
  file: string;
  reports: number;
  bytes: number;
}

/**
 * What a query needs of the parts: none, all of them, the years in a range (null =
 * open end), or the part of one report (looked up in the index's report_index).
 */
export type PartNeed = 'none' | 'all' | { from: number | null; to: number | null } | { report: number };

/** Content-addressed name of a part, given its year and the hex SHA-256 of its bytes. */
export function partFileName(year: number | null, sha256hex: string): string {
  return `part-${year ?? 'unknown'}-${sha256hex.slice(0, 12)}.sqlite`;
}

const filenameOf = (db: Database) => (db as unknown as { filename: string }).filename;

/** The core's list of parts (empty when the build did not split), years ascending, no-year last. */
export function readParts(core: Database): PartInfo[] {
  const res = core.exec('SELECT year, file, reports, bytes FROM parts ORDER BY year IS NULL, year');
  return (res[0]?.values ?? []).map(([year, file, reports, bytes]) => ({
    year: year === null ? null : Number(year),
    file: String(file),
    reports: Number(reports),
    bytes: Number(bytes),
  }));
}

/**
 * The parts a query needs. A range with an open end on both sides also needs the
 * reports without a year. For one report, `yearOf` gives its year from the index
 * (undefined when the index does not know the id: then every part, as a fallback).
 */
export function partsFor(parts: readonly PartInfo[], need: PartNeed, yearOf?: (reportId: number) => number | null | undefined): PartInfo[] {
  if (need === 'none') return [];
  if (need === 'all') return [...parts];
  if ('report' in need) {
    const year = yearOf?.(need.report);
    return year === undefined ? [...parts] : parts.filter((p) => p.year === year);
  }
  const { from, to } = need;
  return parts.filter((p) =>
    p.year === null ? from == null && to == null : (from == null || p.year >= from) && (to == null || p.year <= to),
  );
}

/**
 * Copy a part's rows into the core's reports and failures. `bytes` is handed to
 * sql.js, which may keep it: pass a copy if you use the array again.
 */
export function loadPart(SQL: SqlJsStatic, core: Database, bytes: Uint8Array): void {
  const part = new SQL.Database(bytes);
  try {
    core.run(`ATTACH '/${filenameOf(part)}' AS part`);
    try {
      core.run('BEGIN');
      try {
        core.run('INSERT INTO main.reports SELECT * FROM part.reports');
        core.run('INSERT INTO main.failures SELECT * FROM part.failures');
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

export interface SplitDatabase {
  /** the core without the rows of reports and failures, listing the parts */
  index: Uint8Array;
  parts: { year: number | null; reports: number; bytes: Uint8Array; file: string }[];
}

/**
 * Split a whole core file into an index and one part per year (ascending, the
 * reports without a year last). `name` gives a part's file name from its year
 * and bytes (a content hash). Same input, same bytes out.
 */
export function splitCore(SQL: SqlJsStatic, core: Uint8Array, name: (year: number | null, bytes: Uint8Array) => string): SplitDatabase {
  const full = new SQL.Database(core.slice());
  try {
    const years = (full.exec('SELECT DISTINCT year FROM reports ORDER BY year IS NULL, year')[0]?.values ?? []).map(([y]) =>
      y === null ? null : Number(y),
    );
    const parts: SplitDatabase['parts'] = [];
    for (const year of years) {
      const part = new SQL.Database();
      try {
        part.run('PRAGMA page_size = 4096');
        part.run(coreSchemaSql());
        part.run(`PRAGMA user_version = ${SCHEMA_VERSION}`);
        part.run(`ATTACH '/${filenameOf(full)}' AS src`);
        part.run('BEGIN');
        part.run('INSERT INTO reports SELECT * FROM src.reports WHERE year IS ? ORDER BY report_id', [year]);
        part.run(
          `INSERT INTO failures SELECT f.* FROM src.failures f JOIN src.reports r USING (report_id)
           WHERE r.year IS ? ORDER BY f.report_id, f.check_id`,
          [year],
        );
        part.run('COMMIT');
        part.run('DETACH src');
        const reports = Number(part.exec('SELECT COUNT(*) FROM reports')[0].values[0][0]);
        part.run('VACUUM');
        const bytes = part.export();
        parts.push({ year, reports, bytes, file: name(year, bytes) });
      } finally {
        part.close();
      }
    }
    full.run('BEGIN');
    // every report's slim row stays in the index, so the overview and the report list need no part
    full.run('DROP VIEW report_index');
    full.run(REPORT_INDEX_TABLE);
    full.run(
      `INSERT INTO report_index (report_id, organ_id, file_id, organ_name, year, template, errors, warnings, assessed, passed, unassessed, partial)
       SELECT r.report_id, r.organ_id, r.file_id, NULLIF(r.organ_name, o.name), r.year, r.template, r.errors, r.warnings,
         r.assessed, r.passed, r.unassessed, r.partial
       FROM reports r JOIN organs o USING (organ_id) ORDER BY r.report_id`,
    );
    full.run('DELETE FROM failures');
    full.run('DELETE FROM reports');
    const ins = full.prepare('INSERT INTO parts VALUES (?, ?, ?, ?)');
    for (const p of parts) ins.run([p.year, p.file, p.reports, p.bytes.length]);
    ins.free();
    full.run('COMMIT');
    full.run('ANALYZE report_index');
    // sqlite_stat1 keeps the whole build's statistics: the planner sees the tables as they are once the parts are in
    full.run('VACUUM');
    return { index: full.export(), parts };
  } finally {
    full.close();
  }
}
