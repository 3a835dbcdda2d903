/**
 * CSV of a result table (查询, 表格生成器): the same rules as the charts' CSV —
 * UTF-8 BOM for Excel, formulae escaped, NULL left empty (never 0).
 */
import { unparse } from 'papaparse';
import type { Cell } from '../db/table';
import { BOM } from './csv';
import { saveBlob } from './download';

export function tableCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const data = rows.map((r) => r.map((v) => v ?? ''));
  return BOM + unparse({ fields: [...header], data }, { escapeFormulae: true, newline: '\r\n' });
}

/** Column-wise Table → rows in the order of `columns`. */
export function rowsOf(t: { length: number; columns: Record<string, Cell[]> }, columns: readonly string[]): Cell[][] {
  const cols = columns.map((c) => t.columns[c] ?? []);
  return Array.from({ length: t.length }, (_, i) => cols.map((c) => c[i] ?? null));
}

export function downloadTableCsv(header: readonly string[], rows: readonly (readonly Cell[])[], fileName: string) {
  saveBlob(new Blob([tableCsv(header, rows)], { type: 'text/csv;charset=utf-8' }), fileName);
}
