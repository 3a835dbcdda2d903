/**
 * What a split build's national views read without downloading every part.
 *
 * Unfiltered by region, level or organ (years and template may be set), the
 * views that list single reports — the rankings of 主动公开 and 采购, the 合规
 * matrix and failure list — need only the reports at the top of each list. The
 * build writes them into one `leaders` file: for every year and template, the
 * first RANK_LIMIT reports of each ranked column, the first MATRIX_LIMIT of the
 * matrix and the reports of the first FAILURE_LIMIT failures, in the queries' own
 * order (ties broken by report_id). The top of any such list over a range of
 * years and a template is then among the loaded rows, whatever else is loaded;
 * its counts come from the index (rollups_province, national_checks,
 * national_bins). Everything else — a level, a city, a check chosen nationally —
 * reads the parts, one province each.
 */
import { FACT_KEY_INFO } from '../parse/factKeys';
import type { Filters } from './filters';

/** Reports per ranking the views show (主动公开 and 采购: 前25). */
export const RANK_LIMIT = 25;
/** Reports of the 合规 matrix (问题最多的前40份). */
export const MATRIX_LIMIT = 40;
/** Failures the 合规 list shows (the CSV has every one). */
export const FAILURE_LIMIT = 500;

/** The facts the views rank reports by (tests/build/leaders.test.ts checks every view's are here). */
export const RANKED_FACT_KEYS = [
  's1.proactive_total',
  's2.normative.new',
  's2.normative.issued',
  's2.licensing.decisions',
  's2.punishment.decisions',
  's2.enforcement.decisions',
  's2.procurement.amount',
  's2.procurement.count',
  's2.fees.amount',
] as const;

export const RANKED_COLUMNS: readonly string[] = RANKED_FACT_KEYS.map((k) => {
  const f = FACT_KEY_INFO.get(k);
  if (!f) throw new Error(`未知指标：${k}`);
  return f.column;
});

/** Filters the leaders answer: no place, level or organ (years and template are fine). */
export function isNational(f: Filters): boolean {
  return !f.province && !f.city && !f.county && !f.level && f.organ == null;
}

/** The orders of the lists, as the queries sort (aliases r = reports, o = organs, f = failures). */
export const RANK_ORDER = (column: string) => `r.${column} DESC, o.name, r.year, r.report_id`;
export const MATRIX_ORDER = 'r.errors DESC, r.warnings DESC, o.name, r.year, r.report_id';
export const FAILURE_ORDER = "CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, r.year DESC, o.name, f.check_id, r.report_id";

/**
 * The report ids of the leaders, from the reports, organs and failures of `src`
 * (an attached whole core): one SELECT of report_id (a report once).
 */
export function leaderIdsSql(src: string): string {
  const from = `FROM ${src}.reports r JOIN ${src}.organs o ON o.organ_id = r.organ_id`;
  const top = (order: string, limit: number, where = '1', join = '') =>
    `SELECT report_id FROM (SELECT r.report_id, ROW_NUMBER() OVER (PARTITION BY r.year, r.template ORDER BY ${order}) AS k
       ${from} ${join} WHERE ${where}) WHERE k <= ${limit}`;
  return [
    ...RANKED_COLUMNS.map((c) => top(RANK_ORDER(c), RANK_LIMIT, `r.${c} IS NOT NULL`)),
    top(MATRIX_ORDER, MATRIX_LIMIT),
    top(FAILURE_ORDER, FAILURE_LIMIT, '1', `JOIN ${src}.failures f ON f.report_id = r.report_id`),
  ].join('\nUNION\n');
}

/**
 * The index's national check counts and pass-rate bins, per year and template,
 * from the whole core's reports (`checkIds`: the checks table's ids).
 */
export function nationalSql(checkIds: readonly string[], position: (id: string) => number, src: string): string[] {
  const checks = checkIds.map((id) => {
    const at = `substr(r.checks, ${position(id)}, 1)`;
    return `INSERT INTO national_checks (year, template, check_id, pass, fail, na)
      SELECT r.year, r.template, '${id.replaceAll("'", "''")}', SUM(${at} = 'p'), SUM(${at} IN ('E', 'W', 'I')), SUM(${at} = 'n')
      FROM ${src}.reports r GROUP BY r.year, r.template ORDER BY r.year, r.template`;
  });
  return [
    ...checks,
    `INSERT INTO national_bins (year, template, bin, reports, assessed)
      SELECT r.year, r.template, ${PASS_BIN}, COUNT(*), SUM(r.assessed)
      FROM ${src}.reports r GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  ];
}

/** A report's pass-rate decile (0 … 9, the last holding 100%); -1: 仅部分可判断; -2: no check could be judged. */
export const PASS_BIN = 'CASE WHEN r.partial = 1 THEN -1 WHEN r.assessed = 0 THEN -2 ELSE MIN(9, (r.passed * 10) / r.assessed) END';
