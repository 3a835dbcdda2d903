/**
 * Shape yearTotals (per year and template: sum:col, n:col) into FactRows and
 * into line segments that never join two templates.
 */
import type { Filters } from '../../db/filters';
import { nums, strs, type Table } from '../../db/table';
import { FACT_KEY_INFO } from '../../parse/factKeys';
import type { FactRow } from './factRow';

export const SELECTION = '所选范围合计';

export function selectionRegion(f: Filters) {
  return { province: f.province, city: f.city, county: f.county };
}

export function labelOfColumn(column: string) {
  const info = FACT_KEY_INFO.get(keyFromColumn(column));
  return { key: info?.key ?? column, label: info?.label ?? column, unit: info?.unit ?? '' };
}

const COLUMN_TO_KEY = new Map([...FACT_KEY_INFO.values()].map((f) => [f.column, f.key]));
export const keyFromColumn = (column: string) => COLUMN_TO_KEY.get(column) ?? column;

/** One aggregate row per year, template and column; a column nobody stated is null. */
export function yearlyRows(t: Table, columns: (tpl: string) => string[], f: Filters, organ = SELECTION): FactRow[] {
  const years = nums(t, 'year');
  const tpls = strs(t, 'template');
  const out: FactRow[] = [];
  for (let i = 0; i < t.length; i++) {
    for (const c of columns(tpls[i])) {
      const n = Number(t.columns[`n:${c}`]?.[i] ?? 0);
      const sum = t.columns[`sum:${c}`]?.[i];
      out.push({
        organ,
        ...selectionRegion(f),
        year: years[i],
        template: tpls[i],
        ...labelOfColumn(c),
        value: n > 0 && sum != null ? Number(sum) : null,
        reports: n,
      });
    }
  }
  return out;
}

export interface Point {
  year: number;
  value: number;
  row: FactRow;
}

/**
 * Line segments: one run per template of consecutive years with a value. A
 * missing year or a template change ends the segment — incomparable figures are
 * never joined.
 */
export function segments(rows: readonly FactRow[]): { template: string; points: Point[] }[] {
  const byTpl = new Map<string, FactRow[]>();
  for (const r of rows) {
    if (r.year == null) continue;
    const list = byTpl.get(r.template) ?? [];
    list.push(r);
    byTpl.set(r.template, list);
  }
  const out: { template: string; points: Point[] }[] = [];
  for (const [template, list] of [...byTpl].sort(([a], [b]) => a.localeCompare(b))) {
    list.sort((a, b) => a.year! - b.year!);
    let run: Point[] = [];
    let last: number | null = null;
    for (const r of list) {
      if (r.value == null || typeof r.value !== 'number' || (last != null && r.year! !== last + 1)) {
        if (run.length) out.push({ template, points: run });
        run = [];
      }
      if (r.value != null && typeof r.value === 'number') run.push({ year: r.year!, value: r.value, row: r });
      last = r.year;
    }
    if (run.length) out.push({ template, points: run });
  }
  return out;
}
