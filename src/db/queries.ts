/**
 * Every query the dashboard runs. Each is a function of a Queryable (one open
 * database, or later a set of per-year files behind the same interface) and a
 * plain argument object, returning column tables. They run in the worker.
 */
import { FACT_KEYS } from '../parse/factKeys';
import { checkPosition, decodeChecks } from './checkCodes';
import { whereFilters, type Filters } from './filters';
import { REPORT_KEY_SQL, legacyId, parseReportKey } from './keys';
import { simplifyOrganChars } from '../checks/organKey';
import { FAILURE_LIMIT, FAILURE_ORDER, MATRIX_LIMIT, MATRIX_ORDER, PASS_BIN, RANK_LIMIT, RANK_ORDER, RANKED_COLUMNS, isNational } from './leaders';
import { NO_NEED, type PartNeed } from './parts';
import { buildFigures, dataDocs, factKeyList, tableBuilder } from './researchQueries';
import { selfcheckEarlier, selfcheckProse } from './selfcheckQueries';
import { EMPTY_TABLE, nums, strs, type Table } from './table';

export interface Queryable {
  all(sql: string, params?: (string | number | null)[]): Table;
}

const FACT_COLUMNS = new Set<string>(FACT_KEYS.map((f) => f.column));
const EXTRA_COLUMNS = new Set(['procurement_unit', 'errors', 'warnings']);

function safeColumns(cols: string[]): string[] {
  for (const c of cols) if (!FACT_COLUMNS.has(c) && !EXTRA_COLUMNS.has(c)) throw new Error(`未知字段：${c}`);
  return cols;
}

const FROM = 'FROM reports r JOIN organs o ON o.organ_id = r.organ_id';
/** The slim rows (report_index: a view over reports, or the split index's own table): no part needed. */
const FROM_INDEX = 'FROM report_index r JOIN organs o ON o.organ_id = r.organ_id';
/** For a report's key (REPORT_KEY_SQL) beside either of the above. */
const JOIN_FILE = 'JOIN source_files s ON s.file_id = r.file_id';

/** Whether the build split the core (its reports, organs and lists are in part and directory files). */
function isSplit(db: Queryable): boolean {
  return (nums(db.all('SELECT COUNT(*) AS n FROM directories'), 'n')[0] ?? 0) > 0;
}

/** Filters the province rollups answer: all but a city, a county or one organ. */
function byProvinceRollup(f: Filters): boolean {
  return f.organ == null && !f.city && !f.county;
}

/** The filters over a rollup table aliased g (its columns have the names of reports' and organs'). */
function whereRollup(f: Filters): { sql: string; params: (string | number)[] } {
  const w = whereFilters({ ...f, organ: null });
  return { sql: w.sql.replaceAll('o.', 'g.').replaceAll('r.', 'g.'), params: w.params };
}

/** The directories a query over organs needs in a split build: its province's, or all. */
function provincesOf(f: Filters): PartNeed['provinces'] {
  return f.province ? [f.province] : 'all';
}

export interface Meta {
  build: Table;
  years: number[];
  levels: string[];
  regions: Table;
  reports: number;
  /** the detail files: file, first_report_id, last_report_id, bytes */
  shards: Table;
  /** the part files when the build split the core (else empty): year, file, reports, bytes */
  parts: Table;
  /** input files by outcome: outcome (ok / partial / failed), n */
  files: Table;
}

/** From the index alone (the rollups and organ counts), split or not. */
export function meta(db: Queryable): Meta {
  const parts = db.all('SELECT year, province, file, reports, bytes FROM parts ORDER BY part_id');
  const years = nums(db.all('SELECT DISTINCT year FROM rollups_province WHERE year IS NOT NULL ORDER BY year'), 'year') as number[];
  const levels = strs(db.all('SELECT DISTINCT level FROM organ_counts WHERE level IS NOT NULL ORDER BY level'), 'level');
  const regions = db.all(
    `SELECT DISTINCT province, city, county FROM organ_counts WHERE province IS NOT NULL ORDER BY province, city, county`,
  );
  const reports = nums(db.all('SELECT COALESCE(SUM(reports), 0) AS n FROM rollups_province'), 'n')[0] ?? 0;
  const shards = db.all('SELECT file, first_report_id, last_report_id, bytes FROM shards ORDER BY first_report_id');
  // a split index keeps only the files not read in full: the count of the others is the build's
  const files = isSplit(db)
    ? db.all(
        `SELECT outcome, n FROM (SELECT 'ok' AS outcome, CAST(value AS INTEGER) AS n FROM build_info WHERE key = 'reports_ok' AND CAST(value AS INTEGER) > 0
         UNION ALL SELECT outcome, COUNT(*) FROM source_files GROUP BY outcome) ORDER BY outcome`,
      )
    : db.all('SELECT outcome, COUNT(*) AS n FROM source_files GROUP BY outcome ORDER BY outcome');
  return { build: db.all('SELECT key, value FROM build_info ORDER BY key'), years, levels, regions, reports, shards, parts, files };
}

export const ORGAN_SEARCH_LIMIT = 20;

const likeEscape = (t: string) => t.replace(/[\\%_]/g, (c) => '\\' + c);

/**
 * 搜索机关: organs whose name contains the text, over all organs whatever the
 * filters (traditional characters match their simplified form), shortest names
 * first, at most ORGAN_SEARCH_LIMIT, with how many matched in all.
 */
export function organSearch(db: Queryable, a: { text: string; province?: string }): { organs: Table; total: number } {
  const text = a.text.trim().replace(/\s+/g, '');
  if (!text) return { organs: EMPTY_TABLE, total: 0 };
  const like = `%${likeEscape(text)}%`;
  const simple = `%${likeEscape(simplifyOrganChars(text))}%`;
  // a split build searches the chosen province's organs only (its directory alone is read);
  // a whole one has every organ loaded and searches them all, whatever the province
  const within = a.province && isSplit(db) ? a.province : '';
  const where = `(o.name LIKE ? ESCAPE '\\' OR o.name_simplified LIKE ? ESCAPE '\\')${within ? ' AND o.province = ?' : ''}`;
  const params = within ? [like, simple, within] : [like, simple];
  const total = nums(db.all(`SELECT COUNT(*) AS n FROM organs o WHERE ${where}`, params), 'n')[0] ?? 0;
  const organs = db.all(
    `SELECT o.organ_key, o.name, o.province, o.city, o.county, o.level,
       (SELECT COUNT(*) FROM report_index r WHERE r.organ_id = o.organ_id) AS reports
     FROM organs o WHERE ${where} ORDER BY length(o.name), o.name, o.organ_key LIMIT ${ORGAN_SEARCH_LIMIT}`,
    params,
  );
  return { organs, total };
}

/** One organ by its key (or `#<id>` of an old link): key, name, region, level; no row when it is not in this build. */
export function organByKey(db: Queryable, a: { key: string }): Table {
  const id = legacyId(a.key);
  return db.all(
    `SELECT o.organ_key, o.name, o.province, o.city, o.county, o.level FROM organs o WHERE ${id === null ? 'o.organ_key = ?' : 'o.organ_id = ?'}`,
    [id ?? a.key],
  );
}

export interface Overview {
  totals: Table;
  perYear: Table;
}

/** The overview from the index's rollups: no year, template, city, county or organ filter. */
function overviewRollup(f: Filters): boolean {
  return byProvinceRollup(f) && f.from == null && f.to == null && !f.template;
}

export function overview(db: Queryable, f: Filters): Overview {
  if (overviewRollup(f)) {
    const g = whereRollup(f);
    const o = whereRollup({ ...f, from: null, to: null, template: '' });
    const sums = db.all(
      `SELECT COALESCE(SUM(g.reports), 0) AS reports, COUNT(DISTINCT g.year) AS years, MIN(g.year) AS first_year, MAX(g.year) AS last_year,
         COALESCE(SUM(g.with_errors), 0) AS with_errors, COALESCE(SUM(g.partial), 0) AS partial FROM rollups_province g WHERE ${g.sql}`,
      g.params,
    );
    const places = db.all(
      `SELECT COALESCE(SUM(g.organs), 0) AS organs,
         COUNT(DISTINCT CASE WHEN g.county IS NOT NULL THEN g.province || '|' || g.city || '|' || g.county END) AS counties
       FROM organ_counts g WHERE ${o.sql}`,
      o.params,
    );
    const totals: Table = {
      length: 1,
      columns: {
        reports: sums.columns.reports, organs: places.columns.organs, counties: places.columns.counties, years: sums.columns.years,
        first_year: sums.columns.first_year, last_year: sums.columns.last_year, with_errors: sums.columns.with_errors, partial: sums.columns.partial,
      },
    };
    const perYear = db.all(
      `SELECT g.year, COALESCE(g.template, '') AS template, SUM(g.reports) AS n FROM rollups_province g
       WHERE ${g.sql} AND g.year IS NOT NULL GROUP BY g.year, g.template ORDER BY g.year, g.template`,
      g.params,
    );
    return { totals, perYear };
  }
  const w = whereFilters(f);
  const totals = db.all(
    `SELECT COUNT(*) AS reports, COUNT(DISTINCT r.organ_id) AS organs,
       COUNT(DISTINCT CASE WHEN o.county IS NOT NULL THEN o.province || '|' || o.city || '|' || o.county END) AS counties,
       COUNT(DISTINCT r.year) AS years, MIN(r.year) AS first_year, MAX(r.year) AS last_year,
       COALESCE(SUM(r.errors > 0), 0) AS with_errors, COALESCE(SUM(r.partial), 0) AS partial
     ${FROM_INDEX} WHERE ${w.sql}`,
    w.params,
  );
  const perYear = db.all(
    `SELECT r.year, COALESCE(r.template, '') AS template, COUNT(*) AS n
     ${FROM_INDEX} WHERE ${w.sql} AND r.year IS NOT NULL GROUP BY r.year, r.template ORDER BY r.year, r.template`,
    w.params,
  );
  return { totals, perYear };
}

/**
 * Which provinces' reports a page of a split build's report list shows (the list is
 * ordered by province first, so a page is a run of provinces), and how many of the
 * first one's to skip; null when the filters are not the rollups' (then every
 * directory the filters name is loaded).
 */
export function reportWindow(db: Queryable, f: Filters, offset: number, limit: number): { provinces: (string | null)[]; skip: number; total: number } | null {
  if (!byProvinceRollup(f) || !isSplit(db)) return null;
  const g = whereRollup(f);
  const per = db.all(`SELECT g.province, SUM(g.reports) AS n FROM rollups_province g WHERE ${g.sql} GROUP BY g.province ORDER BY g.province`, g.params);
  const names = per.columns.province as (string | null)[];
  const counts = nums(per, 'n') as number[];
  const provinces: (string | null)[] = [];
  let before = 0;
  let skip = 0;
  for (let i = 0; i < names.length; i++) {
    const end = before + counts[i];
    if (end > offset && before < offset + limit) {
      if (!provinces.length) skip = offset - before;
      provinces.push(names[i]);
    }
    before = end;
  }
  return { provinces, skip, total: before };
}

/** Columns the report list sorts by (the page's header buttons), each with its SQL. */
export const REPORT_SORTS = {
  organ: 'COALESCE(r.organ_name, o.name)',
  region: "COALESCE(o.province, '') || COALESCE(o.city, '') || COALESCE(o.county, '')",
  level: 'o.level',
  year: 'r.year',
  template: 'r.template',
  coverage: 'CAST(r.assessed AS REAL) / NULLIF(r.assessed + r.unassessed, 0)',
  rate: 'CAST(r.passed AS REAL) / NULLIF(r.assessed, 0)',
  errors: 'r.errors',
  warnings: 'r.warnings',
} as const;
export type ReportSort = keyof typeof REPORT_SORTS;

/** 全部, or only the reports whose checks could be judged in full / only in part. */
export type CoverageFilter = '' | 'full' | 'partial';

export interface ReportListArgs {
  filters: Filters;
  limit: number;
  offset: number;
  /** a column of REPORT_SORTS, '-' in front for descending; '' = by place, organ and year */
  sort?: string;
  coverage?: CoverageFilter;
}

const LIST_ORDER = 'o.province, o.city, o.county, o.name, r.year, r.report_id';

function listWhere(a: ReportListArgs) {
  const w = whereFilters(a.filters);
  const cov = a.coverage === 'partial' ? ' AND r.partial = 1' : a.coverage === 'full' ? ' AND r.partial = 0' : '';
  return { sql: w.sql + cov, params: w.params };
}

export function reportList(db: Queryable, a: ReportListArgs): { rows: Table; total: number } {
  const w = listWhere(a);
  const desc = a.sort?.startsWith('-') ?? false;
  const col = REPORT_SORTS[(desc ? a.sort!.slice(1) : (a.sort ?? '')) as ReportSort];
  const order = col ? `${col} IS NULL, ${col} ${desc ? 'DESC' : 'ASC'}, ${LIST_ORDER}` : LIST_ORDER;
  const limit = Math.max(1, Math.floor(a.limit));
  const offset = Math.max(0, Math.floor(a.offset));
  const cols = `r.report_id, ${REPORT_KEY_SQL} AS report_key, COALESCE(r.organ_name, o.name) AS organ, o.province, o.city, o.county, o.level,
       r.year, r.template, r.errors, r.warnings, r.assessed, r.passed, r.unassessed, r.partial`;
  // a split build's list in its own order pages through the provinces (only their directories are loaded)
  const win = col || a.coverage ? null : reportWindow(db, a.filters, offset, limit);
  if (win) {
    if (!win.provinces.length) return { rows: db.all(`SELECT ${cols} ${FROM_INDEX} ${JOIN_FILE} WHERE 0`), total: win.total };
    const named = win.provinces.filter((p): p is string => p !== null);
    const inList = [named.length ? `o.province IN (${named.map(() => '?').join(', ')})` : '', win.provinces.includes(null) ? 'o.province IS NULL' : ''].filter(Boolean).join(' OR ');
    const rows = db.all(`SELECT ${cols} ${FROM_INDEX} ${JOIN_FILE} WHERE ${w.sql} AND (${inList}) ORDER BY ${order} LIMIT ${limit} OFFSET ${win.skip}`, [...w.params, ...named]);
    return { rows, total: win.total };
  }
  const total = nums(db.all(`SELECT COUNT(*) AS n ${FROM_INDEX} WHERE ${w.sql}`, w.params), 'n')[0] ?? 0;
  const rows = db.all(`SELECT ${cols} ${FROM_INDEX} ${JOIN_FILE} WHERE ${w.sql} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`, w.params);
  return { rows, total };
}

/** Input files read only in part, not at all, or skipped, with the reason (the build's summary, for the overview). */
export function sourceProblems(db: Queryable): Table {
  return db.all(
    `SELECT file, outcome, COALESCE(reason, '') AS reason FROM source_files WHERE outcome <> 'ok'
     ORDER BY CASE outcome WHEN 'failed' THEN 0 WHEN 'skipped' THEN 1 ELSE 2 END, file`,
  );
}

export type ReportMatch =
  /** the key (or the old id) names a report of this build */
  | 'exact'
  /** the same file, now under another organ key (the organ's name or place was read differently) */
  | 'same-file'
  /** the organ's report of that year, from another file (the one linked to was replaced) */
  | 'replaced'
  /** an old link's build-order id: the report with that id now, perhaps not the one linked to */
  | 'legacy'
  | 'gone';

export interface ReportRef {
  match: ReportMatch;
  /** report_id to show, null when gone */
  id: number | null;
  /** its current key */
  key: string;
  /** when gone: the organ's key and name if the organ is still in this build */
  organKey: string;
  organ: string;
}

/**
 * What a link's report reference names in this build: a key (exactly, or the
 * same file under another organ key, or the organ's report of that year when
 * the file was replaced), or an old build-order id (`#3`).
 */
export function resolveReport(db: Queryable, a: { ref: string }): ReportRef {
  const one = (where: string, params: (string | number | null)[]) => {
    const t = db.all(
      `SELECT r.report_id, ${REPORT_KEY_SQL} AS report_key ${FROM_INDEX} ${JOIN_FILE} WHERE ${where} ORDER BY r.report_id LIMIT 1`,
      params,
    );
    return t.length ? { id: nums(t, 'report_id')[0] as number, key: strs(t, 'report_key')[0] } : null;
  };
  const gone = (organKey = '', organ = ''): ReportRef => ({ match: 'gone', id: null, key: '', organKey, organ });
  const legacy = legacyId(a.ref);
  if (legacy !== null) {
    const hit = one('r.report_id = ?', [legacy]);
    return hit ? { match: 'legacy', ...hit, organKey: '', organ: '' } : gone();
  }
  const k = parseReportKey(a.ref);
  if (!k) return gone();
  const exact = one('o.organ_key = ? AND r.year IS ? AND substr(s.sha256, 1, 6) = ?', [k.organ, k.year, k.file]);
  if (exact) return { match: 'exact', ...exact, organKey: '', organ: '' };
  const sameFile = one('r.year IS ? AND substr(s.sha256, 1, 6) = ?', [k.year, k.file]);
  if (sameFile) return { match: 'same-file', ...sameFile, organKey: '', organ: '' };
  const replaced = one('o.organ_key = ? AND r.year IS ?', [k.organ, k.year]);
  if (replaced) return { match: 'replaced', ...replaced, organKey: '', organ: '' };
  const organ = db.all('SELECT organ_key, name FROM organs WHERE organ_key = ?', [k.organ]);
  return organ.length ? gone(strs(organ, 'organ_key')[0], strs(organ, 'name')[0]) : gone();
}

/**
 * Per year and template: for each column the sum over reports and how many
 * reports state it (a sum over zero stated values is NULL, not 0).
 */
export function yearTotals(db: Queryable, a: { filters: Filters; columns: string[] }): Table {
  const w = whereFilters(a.filters);
  const cols = safeColumns(a.columns);
  const table = rollupFor(db, a.filters, cols);
  if (table) {
    const g = whereRollup(a.filters);
    const agg = cols.map((c) => `SUM(g.sum_${c}) AS "sum:${c}", SUM(g.n_${c}) AS "n:${c}"`).join(', ');
    return db.all(
      `SELECT g.year, g.template, SUM(g.reports) AS reports${agg ? ', ' + agg : ''}
       FROM ${table} g WHERE ${g.sql} AND g.year IS NOT NULL AND g.template IS NOT NULL
       GROUP BY g.year, g.template ORDER BY g.template, g.year`,
      g.params,
    );
  }
  const agg = cols.map((c) => `SUM(r.${c}) AS "sum:${c}", COUNT(r.${c}) AS "n:${c}"`).join(', ');
  return db.all(
    `SELECT r.year, r.template, COUNT(*) AS reports${agg ? ', ' + agg : ''}
     ${FROM} WHERE ${w.sql} AND r.year IS NOT NULL AND r.template IS NOT NULL
     GROUP BY r.year, r.template ORDER BY r.template, r.year`,
    w.params,
  );
}

/** The rollup table that answers a sum over these filters and fact columns, if any. */
function rollupFor(db: Queryable, f: Filters, cols: string[]): 'rollups_province' | 'rollups' | null {
  if (f.organ != null || !cols.every((c) => FACT_COLUMNS.has(c))) return null;
  if (byProvinceRollup(f)) return 'rollups_province';
  return isSplit(db) ? 'rollups' : null;
}

/** Whether a split build answers this ranking from its leaders file (leaders.ts). */
function leadersRank(a: { filters: Filters; orderBy: string; limit: number }): boolean {
  return isNational(a.filters) && RANKED_COLUMNS.includes(a.orderBy) && a.limit <= RANK_LIMIT;
}
const fromLeaders = (db: Queryable, a: { filters: Filters; orderBy: string; limit: number }) => leadersRank(a) && isSplit(db);

/** Whether a split build answers the 合规 view (or its failure list up to `limit`) from the leaders file and national counts. */
function leadersCompliance(a: { filters: Filters; check: string }, limit = FAILURE_LIMIT): boolean {
  return isNational(a.filters) && !a.check && limit <= FAILURE_LIMIT;
}

/** One row per report with the given columns, ranked by one of them (NULLs left out). */
export function organValues(
  db: Queryable,
  a: { filters: Filters; columns: string[]; orderBy: string; limit: number },
): { rows: Table; total: number } {
  const w = whereFilters(a.filters);
  const cols = safeColumns(a.columns);
  const [order] = safeColumns([a.orderBy]);
  const where = `${w.sql} AND r.${order} IS NOT NULL`;
  // a split build's national ranking reads the leaders file: the count comes from the rollups
  const g = whereRollup(a.filters);
  const total = fromLeaders(db, a)
    ? (nums(db.all(`SELECT COALESCE(SUM(g.n_${order}), 0) AS n FROM rollups_province g WHERE ${g.sql}`, g.params), 'n')[0] ?? 0)
    : (nums(db.all(`SELECT COUNT(*) AS n ${FROM} WHERE ${where}`, w.params), 'n')[0] ?? 0);
  const rows = db.all(
    `SELECT r.report_id, COALESCE(r.organ_name, o.name) AS organ, o.province, o.city, o.county, r.year, r.template,
       ${cols.map((c) => `r.${c}`).join(', ')}
     ${FROM} WHERE ${where} ORDER BY ${RANK_ORDER(order)} LIMIT ${Math.max(1, Math.floor(a.limit))}`,
    w.params,
  );
  return { rows, total };
}

export interface Compliance {
  checks: Table;
  matrixReports: Table;
  matrix: Table;
  /** reports per pass-rate decile (bin 0 … 9, the last holding 100%); bin -1: 仅部分可判断; -2: no check could be judged */
  passBins: Table;
  failures: Table;
  failureTotal: number;
}

export { MATRIX_LIMIT, FAILURE_LIMIT };

export function compliance(db: Queryable, a: { filters: Filters; check: string }): Compliance {
  const w = whereFilters(a.filters);
  // the checks as the build wrote them (title and severity from src/checks)
  const catalogue = db.all('SELECT check_id, title, severity FROM checks ORDER BY check_id');
  const checkIds = strs(catalogue, 'check_id');
  const severities = strs(catalogue, 'severity');
  const usualSeverity = new Map(checkIds.map((id, i) => [id, severities[i]]));
  // one pass over the reports: pass / fail / na counts of every check from reports.checks
  const sums = checkIds.map((id, i) => {
    const at = `substr(r.checks, ${checkPosition(id)}, 1)`;
    return `SUM(${at} = 'p') AS p${i}, SUM(${at} IN ('E', 'W', 'I')) AS f${i}, SUM(${at} = 'n') AS n${i}`;
  }).join(',\n       ');
  const national = leadersCompliance(a) && isSplit(db);
  const g = whereRollup(a.filters);
  // a split build's national counts are in the index (national_checks), its reports' rows not all loaded
  const counts = new Map<string, number>();
  if (national) {
    const t = db.all(`SELECT g.check_id, SUM(g.pass) AS p, SUM(g.fail) AS f, SUM(g.na) AS n FROM national_checks g WHERE ${g.sql} GROUP BY g.check_id`, g.params);
    strs(t, 'check_id').forEach((id, row) => {
      const i = checkIds.indexOf(id);
      for (const k of ['p', 'f', 'n']) counts.set(`${k}${i}`, Number(t.columns[k][row] ?? 0));
    });
  } else {
    const t = db.all(`SELECT ${sums} ${FROM} WHERE ${w.sql}`, w.params);
    for (const [k, v] of Object.entries(t.columns)) counts.set(k, Number(v[0] ?? 0));
  }
  const at = (k: string) => counts.get(k) ?? 0;
  const checks: Table = {
    length: checkIds.length,
    columns: {
      check_id: checkIds,
      title: strs(catalogue, 'title'),
      severity: severities,
      pass: checkIds.map((_, i) => at(`p${i}`)),
      fail: checkIds.map((_, i) => at(`f${i}`)),
      na: checkIds.map((_, i) => at(`n${i}`)),
    },
  };
  const matrixReports = db.all(
    `SELECT r.report_id, ${REPORT_KEY_SQL} AS report_key, COALESCE(r.organ_name, o.name) AS organ, o.province, o.city, o.county, r.year, r.template,
       r.errors, r.warnings, r.checks, r.assessed, r.passed, r.unassessed, r.partial
     ${FROM} ${JOIN_FILE} WHERE ${w.sql} ORDER BY ${MATRIX_ORDER} LIMIT ${MATRIX_LIMIT}`,
    w.params,
  );
  const ids = (nums(matrixReports, 'report_id') as number[]).join(',') || '0';
  const evidence = db.all(`SELECT report_id, check_id, evidence FROM failures WHERE report_id IN (${ids})`);
  const evidenceOf = new Map<string, string>();
  for (let i = 0; i < evidence.length; i++) {
    evidenceOf.set(`${evidence.columns.report_id[i]}|${evidence.columns.check_id[i]}`, String(evidence.columns.evidence[i]));
  }
  const matrix: Table = { length: 0, columns: { report_id: [], check_id: [], status: [], severity: [], evidence: [] } };
  strs(matrixReports, 'checks').forEach((code, i) => {
    const id = matrixReports.columns.report_id[i];
    for (const c of decodeChecks(code, checkIds)) {
      if (!c.status) continue;
      matrix.columns.report_id.push(id);
      matrix.columns.check_id.push(c.check);
      matrix.columns.status.push(c.status);
      matrix.columns.severity.push(c.severity ?? usualSeverity.get(c.check)!);
      matrix.columns.evidence.push(c.status === 'fail' ? (evidenceOf.get(`${id}|${c.check}`) ?? '') : '');
      matrix.length++;
    }
  });
  const passBins = national
    ? db.all(`SELECT g.bin, SUM(g.reports) AS reports, SUM(g.assessed) AS assessed FROM national_bins g WHERE ${g.sql} GROUP BY g.bin ORDER BY g.bin`, g.params)
    : db.all(`SELECT ${PASS_BIN} AS bin, COUNT(*) AS reports, SUM(r.assessed) AS assessed ${FROM} WHERE ${w.sql} GROUP BY bin ORDER BY bin`, w.params);
  const { rows: failures, total: failureTotal } = failureList(db, { ...a, limit: FAILURE_LIMIT });
  return { checks, matrixReports, matrix, passBins, failures, failureTotal };
}

/** Failed checks with their evidence, errors first (the 合规 list, and its CSV with every row). */
export function failureList(db: Queryable, a: { filters: Filters; check: string; limit: number }): { rows: Table; total: number } {
  const w = whereFilters(a.filters);
  const cw = a.check ? ' AND f.check_id = ?' : '';
  const cp = a.check ? [...w.params, a.check] : w.params;
  const g = whereRollup(a.filters);
  const total = leadersCompliance(a, a.limit) && isSplit(db)
    ? (nums(db.all(`SELECT COALESCE(SUM(g.fail), 0) AS n FROM national_checks g WHERE ${g.sql}`, g.params), 'n')[0] ?? 0)
    : (nums(db.all(`SELECT COUNT(*) AS n ${FROM} JOIN failures f ON f.report_id = r.report_id WHERE ${w.sql}${cw}`, cp), 'n')[0] ?? 0);
  const rows = db.all(
    `SELECT r.report_id, ${REPORT_KEY_SQL} AS report_key, COALESCE(r.organ_name, o.name) AS organ, o.province, o.city, o.county, r.year, r.template,
       r.partial, f.check_id, f.severity, f.evidence
     ${FROM} ${JOIN_FILE} JOIN failures f ON f.report_id = r.report_id
     WHERE ${w.sql}${cw}
     ORDER BY ${FAILURE_ORDER}
     LIMIT ${Math.max(1, Math.floor(a.limit))}`,
    cp,
  );
  return { rows, total };
}

const KEY_OF_ID = new Map(FACT_KEYS.map((f, i) => [String(i + 1), f.key]));

/** Findings with their stored key_ids read back as fact keys (column keys, space-separated). */
function withKeys(t: Table): Table {
  const { key_ids, ...columns } = t.columns;
  const keys = (key_ids ?? []).map((v) => String(v ?? '').split(' ').filter(Boolean).map((id) => KEY_OF_ID.get(id) ?? id).join(' '));
  return { length: t.length, columns: { ...columns, keys } };
}

export interface ReportDetail {
  report: Table;
  findings: Table;
  sections: Table;
  otherYears: Table;
  cells: Table;
}

export function report(db: Queryable, a: { id: number }): ReportDetail {
  const report = db.all(
    `SELECT r.*, ${REPORT_KEY_SQL} AS report_key, o.name AS organ, o.organ_key, o.level, o.province, o.city, o.county, s.file
     FROM reports r JOIN organs o ON o.organ_id = r.organ_id LEFT JOIN source_files s ON s.file_id = r.file_id
     WHERE r.report_id = ?`,
    [a.id],
  );
  const organId = nums(report, 'organ_id')[0] ?? -1;
  return {
    report,
    findings: withKeys(db.all(
      `SELECT f.check_id, c.title, f.status, f.severity, f.evidence, f.key_ids FROM findings f
       LEFT JOIN checks c ON c.check_id = f.check_id WHERE f.report_id = ?
       ORDER BY f.status = 'pass', f.status = 'na', CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, f.check_id`,
      [a.id],
    )),
    sections: db.all('SELECT section, heading, start_line, end_line, text FROM report_sections WHERE report_id = ? ORDER BY section', [a.id]),
    otherYears: db.all(
      `SELECT r.report_id, ${REPORT_KEY_SQL} AS report_key, r.year, r.template, r.errors, r.warnings
       ${FROM_INDEX} ${JOIN_FILE} WHERE r.organ_id = ? ORDER BY r.year, r.report_id`,
      [organId],
    ),
    cells: db.all(
      'SELECT k.key, c.state, c.raw, c.read FROM cell_sources c JOIN fact_keys k ON k.key_id = c.key_id WHERE c.report_id = ?',
      [a.id],
    ),
  };
}

export interface Provenance {
  /** the cell: key, label, state, line, raw, read, line_text, locator (no row when the report does not state it) */
  cell: Table;
  /** the stored lines just above the cell's line: line, text */
  context: Table;
}

export function provenance(db: Queryable, a: { id: number; key: string }): Provenance {
  const cell = db.all(
    'SELECT key, label, state, line, raw, read, line_text, locator FROM cell_provenance WHERE report_id = ? AND key = ?',
    [a.id, a.key],
  );
  const line = nums(cell, 'line')[0];
  const context =
    line == null
      ? EMPTY_TABLE
      : db.all(
          // the three nearest stored lines above (blank lines between cells are not stored)
          'SELECT line, text FROM (SELECT line, text FROM source_lines WHERE report_id = ? AND line BETWEEN ? AND ? ORDER BY line DESC LIMIT 3) ORDER BY line',
          [a.id, line - 12, line - 1],
        );
  return { cell, context };
}

/**
 * Queries that read the detail shards (findings, provenance, prose): the report
 * ids whose shard the worker must attach first.
 */
export const DETAIL_IDS: Partial<Record<string, (args: never) => number[]>> = {
  report: (a: { id: number }) => [a.id],
  provenance: (a: { id: number }) => [a.id],
  selfcheckProse: (a: { id: number }) => [a.id],
};

export const QUERIES = {
  meta: (db: Queryable) => meta(db),
  organSearch,
  organByKey,
  overview,
  reportList,
  sourceProblems: (db: Queryable) => sourceProblems(db),
  resolveReport,
  yearTotals,
  organValues,
  compliance,
  failureList,
  report,
  provenance,
  // 表格生成器 and 数据说明 (researchQueries.ts)
  factKeyList: (db: Queryable) => factKeyList(db),
  tableBuilder,
  dataDocs: (db: Queryable) => dataDocs(db),
  buildFigures: (db: Queryable) => buildFigures(db),
  // 自查 (selfcheckQueries.ts)
  selfcheckEarlier,
  selfcheckEarlierLoad: selfcheckEarlier,
  selfcheckProse,
};

export type QueryName = keyof typeof QUERIES;
export type QueryArgs<K extends QueryName> = Parameters<(typeof QUERIES)[K]>[1];
export type QueryResult<K extends QueryName> = ReturnType<(typeof QUERIES)[K]>;

/**
 * Which files of a split build each query needs loaded first: the years of its
 * filters and the provinces' directories when it reads single reports' rows, the
 * two files of one report, the directories of a page of the report list; none
 * for the figures the index's rollups answer — the overview and 依申请公开
 * unfiltered or by province among them.
 */
export const PART_NEEDS: { [K in QueryName]: (args: QueryArgs<K>, db: Queryable) => PartNeed } = {
  meta: () => NO_NEED,
  // a search over every organ, and a link's organ or report key, read every directory (a split build's organs are there)
  organSearch: (a) => ({ provinces: a.province ? [a.province] : 'all' }),
  organByKey: () => ({ provinces: 'all' }),
  overview: (f) => (overviewRollup(f) ? NO_NEED : { provinces: provincesOf(f) }),
  reportList: (a, db) => {
    const win = a.sort || a.coverage ? null : reportWindow(db, a.filters, Math.max(0, Math.floor(a.offset)), Math.max(1, Math.floor(a.limit)));
    return { provinces: win ? win.provinces : provincesOf(a.filters) };
  },
  sourceProblems: () => NO_NEED,
  resolveReport: (a) => {
    const id = legacyId(a.ref);
    return id === null ? { provinces: 'all' } : { report: id };
  },
  yearTotals: (a, db) => {
    const table = rollupFor(db, a.filters, a.columns);
    if (table === 'rollups_province') return NO_NEED;
    if (table === 'rollups') return { provinces: provincesOf(a.filters) };
    return { years: { from: a.filters.from, to: a.filters.to }, provinces: provincesOf(a.filters) };
  },
  // national rankings and 合规: the leaders file (the counts are in the index); else the parts of the years and provinces
  organValues: (a) => (leadersRank(a) ? { leaders: true } : { years: { from: a.filters.from, to: a.filters.to }, provinces: provincesOf(a.filters) }),
  compliance: (a) => (leadersCompliance(a) ? { leaders: true } : { years: { from: a.filters.from, to: a.filters.to }, provinces: provincesOf(a.filters) }),
  failureList: (a) => (leadersCompliance(a, a.limit) ? { leaders: true } : { years: { from: a.filters.from, to: a.filters.to }, provinces: provincesOf(a.filters) }),
  report: (a) => ({ report: a.id }),
  provenance: () => NO_NEED, // reads only the detail shards
  factKeyList: () => NO_NEED,
  tableBuilder: (a) => ({ years: { from: a.filters.from, to: a.filters.to }, provinces: provincesOf(a.filters) }),
  dataDocs: () => NO_NEED,
  buildFigures: () => ({ years: 'all', provinces: 'all' }), // the outcome of every report's file, by year and province
  selfcheckEarlier: () => NO_NEED, // checking a file fetches nothing: only what is loaded is searched
  // the reader asked: the organ's province directory (every one when unknown) and the earlier years' parts
  selfcheckEarlierLoad: (a) => ({ provinces: a.province ? [a.province] : 'all', years: { from: null, to: a.year - 1 } }),
  selfcheckProse: () => NO_NEED, // reads only the detail shard (fetched when the reader asks)
};
