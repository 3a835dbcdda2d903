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

const COLUMN_TO_KEY = new Map<string, string>([...FACT_KEY_INFO.values()].map((f) => [f.column, f.key]));
export const keyFromColumn = (column: string) => COLUMN_TO_KEY.get(column) ?? column;

/**
 * One aggregate row per year, template and column; a column nobody stated is
 * null. `columns` gives a template's columns, each with the series it draws.
 */
export function yearlyRows(
  t: Table,
  columns: (tpl: string) => (string | { column: string; series: string })[],
  f: Filters,
  organ = SELECTION,
): FactRow[] {
  const years = nums(t, 'year');
  const tpls = strs(t, 'template');
  const out: FactRow[] = [];
  for (let i = 0; i < t.length; i++) {
    for (const spec of columns(tpls[i])) {
      const c = typeof spec === 'string' ? spec : spec.column;
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
        ...(typeof spec === 'string' ? {} : { series: spec.series }),
      });
    }
  }
  return out;
}

/** First and last year of the rows (a year axis spans them, missing years included). */
export function yearSpan(rows: readonly FactRow[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    if (r.year == null) continue;
    lo = Math.min(lo, r.year);
    hi = Math.max(hi, r.year);
  }
  return lo <= hi ? [lo, hi] : null;
}

/** Every year from the first to the last of the rows: a year with no rows is a gap on the axis, not left out. */
export function everyYear(rows: readonly FactRow[]): number[] {
  const span = yearSpan(rows);
  return span ? Array.from({ length: span[1] - span[0] + 1 }, (_, i) => span[0] + i) : [];
}

/** Where the template changed (between 2020 and 2021), when the year axis spans it. */
export function templateRules(span: readonly [number, number] | null): { at: number; label: string }[] {
  return span && span[0] <= 2020 && span[1] >= 2021 ? [{ at: 2020.5, label: '模板变更' }] : [];
}

/**
 * How a yearly chart reads its FactRows: the year on the axis, the value, the
 * series, one column per template (never summed) with its short label, and the
 * reports behind each value.
 */
export const YEARLY_COLUMNS = {
  x: (r: FactRow) => r.year ?? 0,
  y: (r: FactRow) => (typeof r.value === 'number' ? r.value : null),
  z: (r: FactRow) => r.series ?? '',
  group: (r: FactRow) => r.template,
  groupLabel: (t: string) => (t ? `${t.slice(2)}版` : '无模板'),
  count: (r: FactRow) => r.reports,
};

/** A report filed on the other template than its year's (a C02 failure): drawn alone, never joined. */
export const isStray = (r: FactRow) => r.year != null && r.template !== periodTemplate(r.year);

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

export interface TrendLine {
  id: string;
  /** the template: the line's series */
  series: string;
  /** a bridge over missing years between two runs of one template */
  dashed: boolean;
  points: FactRow[];
}

/**
 * The lines of a trend: each run of segments() solid; two runs of the same
 * template apart only by missing years joined by a dashed bridge (the points of
 * one template are joined, and the gap shows). Runs of different templates are
 * never joined.
 */
export function trendLines(rows: readonly FactRow[]): TrendLine[] {
  const runs = segments(rows).segments;
  const out: TrendLine[] = runs.map((s, i) => ({ id: `${s.template}:${i}`, series: s.template, dashed: false, points: s.points.map((p) => p.row) }));
  for (let i = 1; i < runs.length; i++) {
    const [a, b] = [runs[i - 1], runs[i]];
    if (a.template !== b.template) continue;
    out.push({ id: `${a.template}:${i - 1}-${i}`, series: a.template, dashed: true, points: [a.points.at(-1)!.row, b.points[0].row] });
  }
  return out;
}
