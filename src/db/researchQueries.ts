/**
 * The queries of the researchers' views: 表格生成器 (one row per report, the
 * chosen figures as columns) and 数据说明 (the database describing itself).
 * Named queries like those of queries.ts, which lists them with its own (and
 * the parts each needs).
 */
import { whereFilters, type Filters } from './filters';
import type { Queryable } from './queries';
import { strs, type Table } from './table';

/** The labels of every figure, in template order: what the builder offers. */
export function factKeyList(db: Queryable): Table {
  return db.all('SELECT key, column_name, section, row_label, col_label, label, unit, templates FROM fact_keys ORDER BY key_id');
}

export interface BuilderArgs {
  filters: Filters;
  /** part of the organ's name, as written or simplified ('' = any) */
  find: string;
  /** fact keys (fact_keys.key), in the order of the table's columns */
  keys: string[];
}

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One row per report of the selection with the chosen figures (NULL where the
 * report states none) and the file it was read from. Unknown keys are refused.
 */
export function tableBuilder(db: Queryable, a: BuilderArgs): Table {
  const known = db.all(
    `SELECT key, column_name FROM fact_keys WHERE key IN (${a.keys.map(() => '?').join(', ') || 'NULL'})`,
    a.keys,
  );
  const column = new Map(strs(known, 'key').map((k, i) => [k, strs(known, 'column_name')[i]]));
  for (const k of a.keys) if (!column.has(k)) throw new Error(`未知指标：${k}`);
  const w = whereFilters(a.filters);
  const find = a.find.trim();
  const where = find ? `${w.sql} AND (o.name LIKE ? ESCAPE '\\' OR o.name_simplified LIKE ? ESCAPE '\\' OR r.organ_name LIKE ? ESCAPE '\\')` : w.sql;
  const params = find ? [...w.params, likePattern(find), likePattern(find), likePattern(find)] : w.params;
  const figures = a.keys.map((k) => `r.${column.get(k)} AS "${k}"`);
  return db.all(
    `SELECT r.report_id, COALESCE(r.organ_name, o.name) AS organ, o.province, o.city, o.county, o.level, r.year, r.template,
       ${[...figures, 's.file', 'r.source_url'].join(', ')}
     FROM reports r JOIN organs o ON o.organ_id = r.organ_id LEFT JOIN source_files s ON s.file_id = r.file_id
     WHERE ${where}
     ORDER BY o.province, o.city, o.county, o.name, r.year, r.report_id`,
    params,
  );
}

export interface DataDocs {
  /** schema_docs: file, table_name, position, column_name, type, doc */
  docs: Table;
  factKeys: Table;
  /** checks: check_id, grp, group_label, title, severity, scope */
  checks: Table;
  /** build_info: key, value */
  build: Table;
  /** source_files by outcome: outcome, n */
  outcomes: Table;
  /** the files read in part or not at all: file, outcome, reason */
  problems: Table;
}

/** The database's own description: reads only the core's small tables (no part). */
export function dataDocs(db: Queryable): DataDocs {
  return {
    docs: db.all('SELECT file, table_name, position, column_name, type, doc FROM schema_docs ORDER BY file, table_name, position'),
    factKeys: factKeyList(db),
    checks: db.all('SELECT check_id, grp, group_label, title, severity, scope FROM checks ORDER BY check_id'),
    build: db.all('SELECT key, value FROM build_info ORDER BY key'),
    outcomes: db.all(
      `SELECT outcome, COUNT(*) AS n FROM source_files GROUP BY outcome
       ORDER BY CASE outcome WHEN 'ok' THEN 0 WHEN 'partial' THEN 1 ELSE 2 END`,
    ),
    problems: db.all(
      `SELECT file, outcome, reason FROM source_files WHERE outcome <> 'ok'
       ORDER BY CASE outcome WHEN 'failed' THEN 0 ELSE 1 END, file LIMIT 500`,
    ),
  };
}

export interface BuildFigures {
  /** reports by year and the outcome of their file: year, ok, partial */
  byYear: Table;
  /** by province: province, ok, partial */
  byProvince: Table;
  /** files that gave no report (failed): they have no year or province */
  failed: number;
}

/** The build's outcome per year and province (a report's file was read whole, or in part). */
export function buildFigures(db: Queryable): BuildFigures {
  const counts = `SUM(s.outcome = 'ok') AS ok, SUM(s.outcome = 'partial') AS partial, COUNT(*) AS reports`;
  const from = 'FROM reports r JOIN organs o ON o.organ_id = r.organ_id JOIN source_files s ON s.file_id = r.file_id';
  return {
    byYear: db.all(`SELECT r.year, ${counts} ${from} GROUP BY r.year ORDER BY r.year IS NULL, r.year`),
    byProvince: db.all(`SELECT o.province, ${counts} ${from} GROUP BY o.province ORDER BY o.province IS NULL, o.province`),
    failed: Number(db.all(`SELECT COUNT(*) AS n FROM source_files WHERE outcome = 'failed'`).columns.n?.[0] ?? 0),
  };
}
