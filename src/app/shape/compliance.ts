/**
 * The compliance query shaped for its charts: the matrix's reports and cells,
 * and reports binned by the share of their assessable checks passed.
 */
import type { Filters } from '../../db/filters';
import { PARTIAL_LABEL } from '../../db/coverage';
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

/**
 * Reports per tenth of 通过 ÷ (通过 + 不通过), from the query's bins (0 … 9, the last
 * holding 100%), then the reports judged only in part (-1: their rate rests on too few
 * checks to be binned with the others) and those with no check judged (-2), when any.
 * The unit says how many judged checks each bar rests on.
 */
export function passRateBins(passBins: Table | undefined, f: Filters): FactRow[] {
  if (!passBins) return [];
  const slot = (b: number) => (b === -1 ? 10 : b === -2 ? 11 : b);
  const reports = new Array<number>(12).fill(0);
  const judged = new Array<number>(12).fill(0);
  const bins = nums(passBins, 'bin'), n = nums(passBins, 'reports'), a = nums(passBins, 'assessed');
  bins.forEach((b, i) => {
    reports[slot(b ?? -2)] += n[i] ?? 0;
    judged[slot(b ?? -2)] += a[i] ?? 0;
  });
  const label = (i: number) =>
    i < 10 ? `通过比例 ${i * 10}%–${i * 10 + 10}%${i === 9 ? '（含）' : ''}` : i === 10 ? PARTIAL_LABEL : '无可判断的检查';
  return reports
    .map((_, i) => i)
    .filter((i) => i < 10 || reports[i] > 0)
    .map((i) => ({
      organ: SELECTION, ...selectionRegion(f), year: null, template: f.template,
      key: i < 10 ? 'share_passed' : i === 10 ? 'partial' : 'none_assessed', label: label(i),
      unit: `份报告（共 ${judged[i]} 项可判断的检查）`, value: reports[i], reports: reports[i], series: 'reports',
    }));
}

/** a bin's label on the axis: 通过比例 10%–20% → 10–20%; 仅部分可判断 → 仅部分 (the caption says what it is) */
export const binTick = (label: string) =>
  label === PARTIAL_LABEL ? '仅部分' : label === '无可判断的检查' ? '无判断' : label.replace(/^通过比例 (\d+)%–(\d+)%.*$/, '$1–$2%');
