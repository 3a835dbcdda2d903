/**
 * Rows → stacked columns: one column per (category, group) that has rows, its
 * segments stacked in series order (d3's stack). A value nobody stated (null) is
 * no segment, never a zero one; a column remembers how many reports its values sum.
 */
import { stack } from 'd3-shape';

export interface StackAccessors<T> {
  x: (d: T) => string;
  y: (d: T) => number | null;
  z: (d: T) => string;
  group?: (d: T) => string;
  /** reports behind one value */
  count?: (d: T) => number;
}

export interface Segment<T> {
  series: string;
  y0: number;
  y1: number;
  row: T;
}

export interface Column<T> {
  key: string;
  x: string;
  group: string;
  total: number;
  /** the stated values in series order (null: nobody stated it) */
  segments: Segment<T>[];
  /** fewest and most reports behind the column's stated values; null when none is stated or no count is kept */
  reports: [number, number] | null;
}

export function stackColumns<T>(rows: readonly T[], a: StackAccessors<T>, order: readonly string[]): Column<T>[] {
  const byColumn = new Map<string, { x: string; group: string; rows: Map<string, T> }>();
  for (const r of rows) {
    const x = a.x(r);
    const group = a.group?.(r) ?? '';
    const key = `${x}|${group}`;
    let c = byColumn.get(key);
    if (!c) byColumn.set(key, (c = { x, group, rows: new Map() }));
    c.rows.set(a.z(r), r);
  }
  const entries = [...byColumn.entries()];
  const layers = stack<(typeof entries)[number], string>()
    .keys(order)
    .value(([, c], k) => {
      const r = c.rows.get(k);
      return (r && a.y(r)) ?? 0;
    })(entries);
  return entries.map(([key, c], j) => {
    const segments: Segment<T>[] = [];
    const counts: number[] = [];
    layers.forEach((layer, i) => {
      const row = c.rows.get(order[i]);
      if (row === undefined || a.y(row) == null) return;
      segments.push({ series: order[i], y0: layer[j][0], y1: layer[j][1], row });
      if (a.count) counts.push(a.count(row));
    });
    const total = layers.length ? layers[layers.length - 1][j][1] : 0;
    const reports: [number, number] | null = counts.length ? [Math.min(...counts), Math.max(...counts)] : null;
    return { key, x: c.x, group: c.group, total, segments, reports };
  });
}

/** "4份" or, when the stated values come from different numbers of reports, "3–4份". */
export function reportsText(r: [number, number] | null): string {
  if (!r) return '';
  return r[0] === r[1] ? `${r[0]}份` : `${r[0]}–${r[1]}份`;
}

/**
 * Where each column stands in its category's band: the groups of one category
 * side by side in their order, a hair apart; a lone column fills the band.
 */
export function placeColumns<T>(columns: readonly Column<T>[], start: (x: string) => number, bandwidth: number): Map<string, { x: number; w: number }> {
  const groups = new Map<string, string[]>();
  for (const c of columns) groups.set(c.x, [...(groups.get(c.x) ?? []), c.group].sort());
  const out = new Map<string, { x: number; w: number }>();
  for (const c of columns) {
    const gs = groups.get(c.x)!;
    const w = bandwidth / gs.length;
    const gap = gs.length > 1 ? 1 : 0;
    out.set(c.key, { x: start(c.x) + gs.indexOf(c.group) * w + gap, w: w - 2 * gap });
  }
  return out;
}
