/**
 * Literal query results, as the worker returns them (one array per column), for
 * the chart snapshots: each goes through the view's own shaping into its chart.
 * Small and made up, but shaped like the seeds: a missing 2022, a 2020 report
 * filed on the 2021 template, an all-zero table, a unit not stated.
 */
import type { Cell, Table } from '../../src/db/table';

export function table(columns: Record<string, Cell[]>): Table {
  const lengths = new Set(Object.values(columns).map((c) => c.length));
  if (lengths.size !== 1) throw new Error('fixture columns of different lengths');
  return { length: [...lengths][0], columns };
}

/** yearTotals: per year and template, `sum:<column>` and `n:<column>` (how many reports state it) */
export function yearTotals(rows: { year: number; template: string; reports: number; values: Record<string, [number | null, number]> }[]): Table {
  const columns: Record<string, Cell[]> = { year: [], template: [], reports: [] };
  const names = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
  for (const n of names) {
    columns[`sum:${n}`] = [];
    columns[`n:${n}`] = [];
  }
  for (const r of rows) {
    columns.year.push(r.year);
    columns.template.push(r.template);
    columns.reports.push(r.reports);
    for (const n of names) {
      const [sum, count] = r.values[n] ?? [null, 0];
      columns[`sum:${n}`].push(sum);
      columns[`n:${n}`].push(count);
    }
  }
  return { length: rows.length, columns };
}

/** overview.perYear: reports per year and template (no 2022; one 2020 report on the 2021 template) */
export const PER_YEAR = table({
  year: [2019, 2020, 2020, 2021, 2023],
  template: ['2019', '2019', '2021', '2021', '2021'],
  n: [1, 3, 1, 1, 2],
});

/** yearTotals of the outcome columns of table 三 */
export const OUTCOME_TOTALS = yearTotals([
  { year: 2020, template: '2019', reports: 3, values: { s3_granted_total: [12, 3], s3_partial_total: [3, 3], s3_denied_secret_total: [1, 3], s3_denied_third_party_total: [2, 3], s3_other_total: [1, 2] } },
  { year: 2020, template: '2021', reports: 1, values: { s3_granted_total: [4, 1], s3_other_other_total: [1, 1] } },
  { year: 2021, template: '2021', reports: 4, values: { s3_granted_total: [20, 4], s3_partial_total: [5, 4], s3_denied_third_party_total: [4, 4], s3_other_other_total: [2, 3] } },
  { year: 2023, template: '2021', reports: 2, values: { s3_granted_total: [9, 2], s3_partial_total: [null, 0], s3_denied_law_total: [1, 2] } },
]);

/** yearTotals of table 四 where every report states 0 */
export const REVIEW_ZERO = yearTotals([
  { year: 2020, template: '2019', reports: 3, values: { s4_review_total: [0, 3], s4_direct_total: [0, 3], s4_after_review_total: [0, 3] } },
  { year: 2021, template: '2021', reports: 1, values: { s4_review_total: [0, 1], s4_direct_total: [0, 1], s4_after_review_total: [0, 1] } },
]);

/** yearTotals of 行政许可 处理决定 (the same key on both templates) */
export const LICENSING_TOTALS = yearTotals([
  { year: 2019, template: '2019', reports: 2, values: { s2_licensing_decisions: [240, 2] } },
  { year: 2020, template: '2019', reports: 3, values: { s2_licensing_decisions: [300, 3] } },
  { year: 2020, template: '2021', reports: 1, values: { s2_licensing_decisions: [12, 1] } },
  { year: 2021, template: '2021', reports: 4, values: { s2_licensing_decisions: [180, 4] } },
  { year: 2023, template: '2021', reports: 2, values: { s2_licensing_decisions: [150, 2] } },
  { year: 2024, template: '2021', reports: 3, values: { s2_licensing_decisions: [210, 3] } },
]);

/** organValues ranked by 政府集中采购 amount, with the unit each report printed */
export const PROCUREMENT = table({
  report_id: [7, 3, 12],
  organ: ['绥滨县连生乡人民政府', '宁陵县刘楼乡人民政府', '城郊乡人民政府'],
  province: ['黑龙江省', '河南省', ''],
  city: ['鹤岗市', '商丘市', ''],
  county: ['绥滨县', '宁陵县', ''],
  year: [2020, 2019, 2020],
  template: ['2019', '2019', '2019'],
  s2_procurement_amount: [318.5, 96, 12.25],
  procurement_unit: ['万元', '元', ''],
});

/** two reports of one organ, as the report query returns them (columns by fact key) */
export const REPORT_A = {
  report_id: 1, organ: '连生乡', organ_name: null, province: '黑龙江省', city: '鹤岗市', county: '绥滨县', year: 2020, template: '2019',
  s2_licensing_decisions: 240, s2_punishment_decisions: 0, s2_enforcement_decisions: null,
  s3_new_total: 12, s3_carried_over_total: 1, s3_granted_total: 8, s3_partial_total: 2, s3_total_total: 13, s3_carried_forward_total: 0,
  s4_review_total: 1, s4_direct_total: 0, s4_after_review_total: 0,
};
export const REPORT_B = {
  ...REPORT_A, report_id: 3, organ_name: '绥滨县连生乡人民政府', year: 2021, template: '2021',
  s2_licensing_decisions: 180, s2_enforcement_decisions: 4, s3_new_total: 20, s3_granted_total: 15, s3_total_total: 21, s4_review_total: null,
};

/** compliance.matrixReports and compliance.matrix for three reports and the 28 checks (C06–C28 apply to none here) */
export const MATRIX_REPORTS = table({
  report_id: [3, 1, 5],
  organ: ['绥滨县连生乡人民政府', '连生乡', '宁陵县城关回族镇人民政府办公室'],
  province: ['黑龙江省', '黑龙江省', '河南省'],
  city: ['鹤岗市', '鹤岗市', '商丘市'],
  county: ['绥滨县', '绥滨县', '宁陵县'],
  year: [2021, 2020, 2019],
  template: ['2021', '2019', '2019'],
});
export const MATRIX_CELLS = table({
  report_id: [3, 3, 3, 3, 3, 1, 1, 1, 1, 5, 5, 5],
  check_id: ['C01', 'C02', 'C03', 'C04', 'C05', 'C01', 'C02', 'C04', 'C05', 'C01', 'C02', 'C03'],
  status: ['pass', 'pass', 'fail', 'fail', 'na', 'pass', 'pass', 'pass', 'na', 'pass', 'fail', 'pass'],
  severity: ['error', 'error', 'warning', 'error', 'error', 'error', 'error', 'error', 'error', 'error', 'info', 'warning'],
  evidence: ['', '', '第一部分未涉及：依申请公开', '表三应有 25 行 × 7 列', '', '', '', '', '', '', '模板由 2019 年版改为 2021 年版', ''],
});
const TITLES = ['文件可读', '模板与年度相符', '总体情况涵盖五方面', '表三完整', '数字无矛盾'];
export const CHECK_COLUMNS = Array.from({ length: 28 }, (_, i) => ({
  id: `C${String(i + 1).padStart(2, '0')}`,
  title: TITLES[i] ?? `检查项 ${i + 1}`,
}));

/** compliance.byOrgan: passed and failed checks per organ */
export const BY_ORGAN = table({
  organ_id: [1, 2, 3, 4, 5],
  pass: [20, 26, 27, 14, 0],
  fail: [4, 1, 0, 6, 3],
});
