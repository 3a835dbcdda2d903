/**
 * Query results cross from the worker to the page column by column: one array per
 * column, not one object per row, so 200,000 rows cost a few arrays to clone.
 */
import type { QueryExecResult } from 'sql.js';

export type Cell = number | string | null;

export interface Table {
  length: number;
  columns: Record<string, Cell[]>;
}

export const EMPTY_TABLE: Table = { length: 0, columns: {} };

export function tableFromExec(res: QueryExecResult[]): Table {
  if (!res.length) return { length: 0, columns: {} };
  const { columns, values } = res[0];
  const out: Record<string, Cell[]> = {};
  columns.forEach((name, j) => {
    const col = new Array<Cell>(values.length);
    for (let i = 0; i < values.length; i++) col[i] = values[i][j] as Cell;
    out[name] = col;
  });
  return { length: values.length, columns: out };
}

/** A column as numbers (null kept); missing columns read as all-null. */
export function nums(t: Table, name: string): (number | null)[] {
  const c = t.columns[name];
  if (!c) return new Array(t.length).fill(null);
  return c.map((v) => (v === null || v === '' ? null : Number(v)));
}

export function strs(t: Table, name: string): string[] {
  const c = t.columns[name];
  if (!c) return new Array(t.length).fill('');
  return c.map((v) => (v === null ? '' : String(v)));
}

/** Row i as an object — for the few places that show one record. */
export function rowAt(t: Table, i: number): Record<string, Cell> {
  const o: Record<string, Cell> = {};
  for (const [k, c] of Object.entries(t.columns)) o[k] = c[i];
  return o;
}
