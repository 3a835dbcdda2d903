/**
 * Sums of several columns per year and template (e.g. all 不予公开 reasons), as
 * FactRows tagged with their series. A group is null when none of its columns
 * was stated in any report.
 */
import type { Filters } from '../../db/filters';
import { nums, strs, type Table } from '../../db/table';
import { FACT_KEY_INFO } from '../../parse/factKeys';
import type { FactRow } from './factRow';
import { SELECTION, selectionRegion } from './yearly';

export interface ColumnGroup {
  id: string;
  label: string;
  unit: string;
  /** fact keys summed, per template */
  keys: (template: string) => string[];
}

const columnOf = (key: string) => FACT_KEY_INFO.get(key)?.column ?? key;

export function groupRows(t: Table, groups: readonly ColumnGroup[], f: Filters): FactRow[] {
  const years = nums(t, 'year');
  const tpls = strs(t, 'template');
  const out: FactRow[] = [];
  for (let i = 0; i < t.length; i++) {
    for (const g of groups) {
      const keys = g.keys(tpls[i]);
      if (!keys.length) continue;
      let sum = 0;
      let n = 0;
      for (const k of keys) {
        const c = columnOf(k);
        const cnt = Number(t.columns[`n:${c}`]?.[i] ?? 0);
        if (cnt > 0) sum += Number(t.columns[`sum:${c}`]?.[i] ?? 0);
        n = Math.max(n, cnt);
      }
      out.push({
        organ: SELECTION,
        ...selectionRegion(f),
        year: years[i],
        template: tpls[i],
        key: keys.join('+'),
        label: g.label,
        unit: g.unit,
        value: n > 0 ? sum : null,
        reports: n,
        series: g.id,
      });
    }
  }
  return out;
}
