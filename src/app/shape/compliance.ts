/**
 * The compliance query shaped for its charts: the matrix's reports and cells,
 * and organs binned by the share of their assessable checks passed.
 */
import { bin } from 'd3-array';
import type { Filters } from '../../db/filters';
import { nums, strs, type Table } from '../../db/table';
import type { FactRow } from './factRow';
import { SELECTION, selectionRegion } from './yearly';

export interface MatrixReport {
  id: number;
  label: string;
  organ: string;
  year: number | null;
  template: string;
  province: string;
  city: string;
  county: string;
}

export interface MatrixCell {
  report: number;
  check: string;
  status: string;
  severity: string;
  evidence: string;
}

/** the cell's series in STATUS_SERIES: pass, na, or the severity of a failure */
export const cellStatus = (c: MatrixCell) => (c.status === 'fail' ? c.severity : c.status);

export function matrixOf(reports: Table | undefined, cells: Table | undefined): { rows: MatrixReport[]; cells: MatrixCell[] } {
  const rows: MatrixReport[] = [];
  if (reports) {
    const id = nums(reports, 'report_id'), organ = strs(reports, 'organ'), y = nums(reports, 'year'), tp = strs(reports, 'template');
    const p = strs(reports, 'province'), c = strs(reports, 'city'), x = strs(reports, 'county');
    id.forEach((rid, i) =>
      rows.push({ id: rid as number, label: `${organ[i]} ${y[i] ?? ''}`.trim(), organ: organ[i], year: y[i], template: tp[i], province: p[i], city: c[i], county: x[i] }),
    );
  }
  const out: MatrixCell[] = [];
  if (cells) {
    const r = nums(cells, 'report_id'), c = strs(cells, 'check_id'), s = strs(cells, 'status'), sev = strs(cells, 'severity'), ev = strs(cells, 'evidence');
    r.forEach((rid, i) => out.push({ report: rid as number, check: c[i], status: s[i], severity: sev[i], evidence: ev[i] }));
  }
  return { rows, cells: out };
}

/** tenths of the share passed; the last bin includes 100% */
const THRESHOLDS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** Organs per tenth of 通过 ÷ (通过 + 不通过); one row per bin, in order, labelled with its range. */
export function passShareBins(byOrgan: Table | undefined, f: Filters): FactRow[] {
  if (!byOrgan) return [];
  const pass = nums(byOrgan, 'pass'), fail = nums(byOrgan, 'fail');
  const shares = pass.map((p, i) => (p ?? 0) / ((p ?? 0) + (fail[i] ?? 0)));
  const bins = bin().domain([0, 1.0001]).thresholds(THRESHOLDS)(shares);
  return bins.map((b) => ({
    organ: SELECTION, ...selectionRegion(f), year: null, template: f.template,
    key: 'share_passed', label: `通过比例 ${Math.round(b.x0! * 100)}%–${Math.min(100, Math.round(b.x1! * 100))}%${b.x1! > 1 ? '（含）' : ''}`,
    unit: '个机关', value: b.length, reports: b.length, series: 'organs',
  }));
}

/** a bin's label on the axis: 通过比例 10%–20% → 10–20% */
export const binTick = (label: string) => label.replace(/^通过比例 (\d+)%–(\d+)%.*$/, '$1–$2%');
