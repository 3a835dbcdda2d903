/**
 * Sums of several columns per year and template (e.g. all 不予公开 reasons), as
 * FactRows. A group is null when none of its columns was stated in any report.
 */
import type { Filters } from '../../db/filters';
import { nums, strs, type Table } from '../../db/table';
import type { FactRow } from './factRow';
import { SELECTION, selectionRegion } from './yearly';

export interface ColumnGroup {
  id: string;
  label: string;
  unit: string;
  /** fact keys summed, per template */
  keys: (template: string) => string[];
}

export function groupRows(t: Table, groups: ColumnGroup[], f: Filters): FactRow[] {
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
        const c = k.replaceAll('.', '_');
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
      });
    }
  }
  return out;
}

/** Year categories for stacked columns; a year with both templates gets two columns. */
export function yearCategories(rows: readonly FactRow[]) {
  const seen = new Map<string, { id: string; label: string; year: number }>();
  const years = new Map<number, number>();
  for (const r of rows) {
    if (r.year == null) continue;
    const id = `${r.year}-${r.template}`;
    if (!seen.has(id)) {
      seen.set(id, { id, label: String(r.year), year: r.year });
      years.set(r.year, (years.get(r.year) ?? 0) + 1);
    }
  }
  const cats = [...seen.values()].sort((a, b) => a.id.localeCompare(b.id));
  for (const c of cats) if ((years.get(c.year) ?? 0) > 1) c.label = `${c.year}（${c.id.slice(7, 9)}版）`;
  return cats;
}

export const catId = (r: FactRow) => `${r.year}-${r.template}`;
