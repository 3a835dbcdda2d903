/** What a Matrix draws: rows × columns, and the cells that exist. */
export interface MatrixData<C> {
  rows: readonly { id: number; label: string; href: string }[];
  cols: readonly { id: string; title: string }[];
  cells: readonly C[];
  /** a cell's row id, column id and status (a series id) */
  row: (c: C) => number;
  col: (c: C) => string;
  status: (c: C) => string;
  tip: (c: C) => string;
  /** the series of a pair without a cell */
  missing: string;
  onpick: (row: number) => void;
}
