/**
 * CSV of exactly the rows a chart draws: UTF-8 BOM so Excel reads Chinese,
 * formulae escaped (a cell starting with = + - @ cannot run in a spreadsheet),
 * and a missing value left empty — never written as 0.
 */
import { unparse } from 'papaparse';
import type { FactRow } from './shape/factRow';
import type { Filters } from '../db/filters';
import { saveBlob } from './download';

export const CSV_COLUMNS = [
  'organ',
  'province',
  'city',
  'county',
  'year',
  'template',
  'fact_key',
  'label',
  'unit',
  'value',
  'reports',
] as const;

export const BOM = '\uFEFF';

export function buildCsv(rows: readonly FactRow[]): string {
  const data = rows.map((r) => [
    r.organ,
    r.province,
    r.city,
    r.county,
    r.year ?? '',
    r.template,
    r.key,
    r.label,
    r.unit,
    r.value ?? '',
    r.reports,
  ]);
  return BOM + unparse({ fields: [...CSV_COLUMNS], data }, { escapeFormulae: true, newline: '\r\n' });
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
  return parts.join('_').replace(/[\\/:*?"<>|\s]+/g, '') + '.csv';
}

export function downloadCsv(rows: readonly FactRow[], fileName: string) {
  saveBlob(new Blob([buildCsv(rows)], { type: 'text/csv;charset=utf-8' }), fileName);
}
