/**
 * 对比: the key figures of two reports as FactRows of the series A and B, the
 * rows the paired bars draw and the CSV holds.
 */
import type { Cell } from '../../db/table';
import { FACT_KEY_INFO } from '../../parse/factKeys';
import type { FactRow } from './factRow';

/** All counted in 件/项 on one scale; 主动公开总数 (条, far larger) stays in the full table. */
export const KEY_FIGURES = [
  's2.licensing.decisions', 's2.punishment.decisions', 's2.enforcement.decisions',
  's3.new.total', 's3.carried_over.total', 's3.granted.total', 's3.partial.total', 's3.total.total', 's3.carried_forward.total',
  's4.review.total', 's4.direct.total', 's4.after_review.total',
];

export type ReportRecord = Record<string, Cell>;

/** a report's figure: a number, or null when the report does not state it */
export function figure(r: ReportRecord | null, key: string): number | null {
  const x = r?.[FACT_KEY_INFO.get(key)?.column ?? key];
  return x == null || x === '' ? null : Number(x);
}

export const reportName = (r: ReportRecord | null) => (r ? `${r.organ_name ?? r.organ} ${r.year}` : '');

function rowsOf(r: ReportRecord | null, series: string, keys: readonly string[]): FactRow[] {
  if (!r) return [];
  return keys.map((key) => {
    const f = FACT_KEY_INFO.get(key)!;
    return {
      organ: String(r.organ_name ?? r.organ), province: String(r.province ?? ''), city: String(r.city ?? ''), county: String(r.county ?? ''),
      year: r.year == null ? null : Number(r.year), template: String(r.template ?? ''), key, label: f.label, unit: f.unit,
      value: figure(r, key), reports: 1, series, reportId: r.report_id == null ? undefined : Number(r.report_id),
    };
  });
}

/** A's rows then B's, one per key figure */
export function compareRows(a: ReportRecord | null, b: ReportRecord | null, keys: readonly string[] = KEY_FIGURES): FactRow[] {
  return [...rowsOf(a, 'a', keys), ...rowsOf(b, 'b', keys)];
}
