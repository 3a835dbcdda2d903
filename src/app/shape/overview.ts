/** 各年度报告数: reports per year and template, as FactRows of the template's series. */
import type { Filters } from '../../db/filters';
import { nums, strs, type Table } from '../../db/table';
import type { FactRow } from './factRow';
import { SELECTION, selectionRegion } from './yearly';

export function reportsPerYear(t: Table | undefined, f: Filters): FactRow[] {
  if (!t) return [];
  const y = nums(t, 'year'), tp = strs(t, 'template'), n = nums(t, 'n');
  return y.map((year, i) => ({
    organ: SELECTION, ...selectionRegion(f), year, template: tp[i],
    key: 'reports', label: '报告数', unit: '份', value: n[i], reports: n[i] ?? 0, series: tp[i],
  }));
}
