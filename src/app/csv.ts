/**
 * CSV of exactly the rows a chart or table shows: headers as on screen (Chinese),
 * the stable key (fact key, check id, report key) in a column of its own for
 * machines, UTF-8 BOM so Excel reads Chinese, formulae escaped (a cell starting
 * with = + - @ cannot run in a spreadsheet; numbers stay numbers), and a missing
 * value left empty — never written as 0.
 */
import { unparse } from 'papaparse';
import type { FactRow } from './shape/factRow';
import type { Filters } from '../db/filters';
import { saveBlob } from './download';

export const BOM = '\uFEFF';

type CsvValue = string | number | null | undefined;

/** One column of a CSV: its header and how a row fills it. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

export function tableCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const data = rows.map((r) => columns.map((c) => c.value(r) ?? ''));
  return BOM + unparse({ fields: columns.map((c) => c.header), data }, { escapeFormulae: true, newline: '\r\n' });
}

/** The columns of a chart's CSV; `key` is the fact key (or, in the compliance matrix, the check id). */
export const FACT_CSV: readonly CsvColumn<FactRow>[] = [
  { header: '机关', value: (r) => r.organ },
  { header: '省份', value: (r) => r.province },
  { header: '城市', value: (r) => r.city },
  { header: '区县', value: (r) => r.county },
  { header: '年度', value: (r) => r.year },
  { header: '模板', value: (r) => r.template },
  { header: 'key', value: (r) => r.key },
  { header: '指标', value: (r) => r.label },
  { header: '单位', value: (r) => r.unit },
  { header: '数值', value: (r) => r.value },
  { header: '报告数', value: (r) => r.reports },
];

export const CSV_COLUMNS = FACT_CSV.map((c) => c.header);

export function buildCsv(rows: readonly FactRow[]): string {
  return tableCsv(FACT_CSV, rows);
}

/** 主动公开趋势_黑龙江省-绥滨县_2021-2021_2021模板.csv */
export function csvFileName(chart: string, f: Filters, organName = ''): string {
  const parts = [chart];
  const region = [f.province, f.city, f.county].filter(Boolean).join('-');
  if (region) parts.push(region);
  if (f.level) parts.push(f.level);
  if (organName) parts.push(organName);
  if (f.from != null || f.to != null) parts.push(`${f.from ?? ''}-${f.to ?? ''}`);
  if (f.template) parts.push(`${f.template}模板`);
  if (parts.length === 1) parts.push('全部');
  return safeFileName(parts.join('_')) + '.csv';
}

export const safeFileName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '');

export function downloadText(text: string, fileName: string) {
  saveBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName);
}

export function downloadCsv(rows: readonly FactRow[], fileName: string) {
  downloadText(buildCsv(rows), fileName);
}
