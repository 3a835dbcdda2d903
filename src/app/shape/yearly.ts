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

/** The template a report of this year should use: 2019 up to 2020, 2021 from 2021. */
export const periodTemplate = (year: number) => (year <= 2020 ? '2019' : '2021');

/**
 * Line segments: one run of consecutive years per template period (2019–2020 on
 * the 2019 template, 2021– on the 2021 template). A missing year or the template
 * change ends a segment — incomparable figures are never joined. Reports filed
 * on the other template than their year's (a C02 failure) are returned as
 * strays: drawn as lone points, never joined to a line.
 */
export function segments(rows: readonly FactRow[]): { segments: { template: string; points: Point[] }[]; strays: Point[] } {
  const on: FactRow[] = [];
  const strays: Point[] = [];
  for (const r of rows) {
    if (r.year == null || typeof r.value !== 'number') continue;
    if (r.template === periodTemplate(r.year)) on.push(r);
    else strays.push({ year: r.year, value: r.value, row: r });
  }
  on.sort((a, b) => a.year! - b.year!);
  const out: { template: string; points: Point[] }[] = [];
  let run: Point[] = [];
  for (const r of on) {
    const prev = run.at(-1);
    if (prev && (prev.year + 1 !== r.year || prev.row.template !== r.template)) {
      out.push({ template: prev.row.template, points: run });
      run = [];
    }
    run.push({ year: r.year!, value: r.value as number, row: r });
  }
  if (run.length) out.push({ template: run[0].row.template, points: run });
  return { segments: out, strays };
}
