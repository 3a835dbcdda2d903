/**
 * The shaping between a query and a chart: series defined once from the fact-key
 * catalogue, stacked columns, trend lines across missing years, the year axis.
 */
import { describe, expect, test } from 'vitest';
import { stackColumns, reportsText } from '../../src/app/charts/stack';
import { OUTCOME_SERIES, APPLICANT_SERIES, reasonSeries, seriesColumns } from '../../src/app/shape/series';
import { everyYear, templateRules, trendLines, yearSpan } from '../../src/app/shape/yearly';
import type { FactRow } from '../../src/app/shape/factRow';

const row = (year: number, template: string, value: number | null, series = 'licensing', reports = 1): FactRow => ({
  organ: '所选范围合计', province: '', city: '', county: '', year, template,
  key: 's2.licensing.decisions', label: '行政许可 · 处理决定数量', unit: '项', value, reports, series,
});

describe('series defined once', () => {
  test('其他处理 sums one row on the 2019 template and three on the 2021 template', () => {
    const other = OUTCOME_SERIES.find((s) => s.id === 'other')!;
    expect(other.keys('2019')).toEqual(['s3.other.total']);
    expect(other.keys('2021')).toEqual(['s3.other.no_correction.total', 's3.other.no_fee.total', 's3.other.other.total']);
  });
  test('不予公开 sums its eight reasons on both templates', () => {
    const denied = OUTCOME_SERIES.find((s) => s.id === 'denied')!;
    expect(denied.keys('2019')).toHaveLength(8);
    expect(denied.keys('2021')).toEqual(denied.keys('2019'));
    expect(reasonSeries('denied').map((s) => s.label)[3]).toBe('4.保护第三方合法权益');
  });
  test('applicants are the six applicant columns of table 三, new plus carried over', () => {
    expect(APPLICANT_SERIES.map((s) => s.label)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    expect(APPLICANT_SERIES[0].keys('2021')).toEqual(['s3.new.natural', 's3.carried_over.natural']);
  });
  test('the query columns are the catalogue columns of every key, once', () => {
    const cols = seriesColumns(OUTCOME_SERIES);
    expect(cols).toContain('s3_denied_third_party_total');
    expect(cols).toContain('s3_other_total');
    expect(cols).toContain('s3_other_no_fee_total');
    expect(new Set(cols).size).toBe(cols.length);
  });
});

describe('stacked columns', () => {
  const acc = { x: (r: FactRow) => String(r.year), y: (r: FactRow) => r.value as number | null, z: (r: FactRow) => r.series!, group: (r: FactRow) => r.template, count: (r: FactRow) => r.reports };
  test('segments stack in series order; a value nobody stated is no segment, not a zero one', () => {
    const cols = stackColumns([row(2021, '2021', 3, 'granted', 4), row(2021, '2021', null, 'partial', 0), row(2021, '2021', 2, 'denied', 4)], acc, ['granted', 'partial', 'denied']);
    expect(cols).toHaveLength(1);
    expect(cols[0].segments.map((s) => [s.series, s.y0, s.y1])).toEqual([
      ['granted', 0, 3],
      ['denied', 3, 5],
    ]);
    expect(cols[0].total).toBe(5);
    expect(reportsText(cols[0].reports)).toBe('4份');
  });
  test('the two templates of one year are two columns, never summed', () => {
    const cols = stackColumns([row(2020, '2019', 5), row(2020, '2021', 2)], acc, ['licensing']);
    expect(cols.map((c) => [c.x, c.group, c.total])).toEqual([
      ['2020', '2019', 5],
      ['2020', '2021', 2],
    ]);
  });
  test('values from different numbers of reports say so', () => {
    const cols = stackColumns([row(2021, '2021', 3, 'granted', 13), row(2021, '2021', 2, 'denied', 14)], acc, ['granted', 'denied']);
    expect(reportsText(cols[0].reports)).toBe('13–14份');
  });
});

describe('the year axis', () => {
  test('every year from the first to the last, a missing 2022 included', () => {
    const rows = [row(2021, '2021', 1), row(2023, '2021', 2), row(2019, '2019', 3)];
    expect(everyYear(rows)).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(yearSpan(rows)).toEqual([2019, 2023]);
  });
  test('the template change is marked only when the axis spans 2020 and 2021', () => {
    expect(templateRules([2019, 2023])).toEqual([{ at: 2020.5, label: '模板变更' }]);
    expect(templateRules([2021, 2023])).toEqual([]);
    expect(templateRules(null)).toEqual([]);
  });
});

describe('trend lines', () => {
  test('the 2021-template points are joined across a missing 2022 by a dashed bridge; the templates never', () => {
    const lines = trendLines([row(2019, '2019', 1), row(2020, '2019', 2), row(2021, '2021', 3), row(2023, '2021', 4), row(2024, '2021', 5)]);
    expect(lines.map((l) => [l.series, l.dashed, l.points.map((p) => p.year)])).toEqual([
      ['2019', false, [2019, 2020]],
      ['2021', false, [2021]],
      ['2021', false, [2023, 2024]],
      ['2021', true, [2021, 2023]],
    ]);
  });
  test('a year stated by nobody (null) is bridged, not drawn as 0', () => {
    const lines = trendLines([row(2021, '2021', 3), row(2022, '2021', null), row(2023, '2021', 4)]);
    expect(lines.filter((l) => l.dashed).map((l) => l.points.map((p) => p.value))).toEqual([[3, 4]]);
  });
  test('a report on the other template than its year is on no line', () => {
    const lines = trendLines([row(2020, '2019', 1), row(2020, '2021', 9), row(2021, '2021', 3)]);
    expect(lines.flatMap((l) => l.points).some((p) => p.value === 9)).toBe(false);
  });
});
