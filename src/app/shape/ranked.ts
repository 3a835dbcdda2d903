/**
 * One report's figure per row, as organValues ranks them (largest first), with
 * the report each comes from; where the unit was converted or not stated the
 * row says so in its unit and note.
 */
import { nums, strs, type Table } from '../../db/table';
import type { FactRow } from './factRow';
import { labelOfColumn } from './yearly';

/** what a procurement_unit value means for the amount beside it */
export const UNIT_NOTES: Record<string, string> = { '': '原文未注明单位', 元: '原文为元，已换算为万元' };

export function rankedRows(t: Table | undefined, column: string, unitColumn = ''): FactRow[] {
  if (!t) return [];
  const info = labelOfColumn(column);
  const organ = strs(t, 'organ'), p = strs(t, 'province'), c = strs(t, 'city'), x = strs(t, 'county');
  const y = nums(t, 'year'), tp = strs(t, 'template'), v = nums(t, column), id = nums(t, 'report_id');
  const units = unitColumn ? strs(t, unitColumn) : [];
  return organ.map((o, i) => {
    const note = unitColumn ? (UNIT_NOTES[units[i]] ?? '') : '';
    return {
      organ: o, province: p[i], city: c[i], county: x[i], year: y[i], template: tp[i],
      key: info.key, label: info.label, unit: note ? `${info.unit}（${note}）` : info.unit,
      value: v[i], reports: 1, reportId: id[i] ?? undefined, ...(note ? { note } : {}),
    };
  });
}

/** "绥滨县连生乡人民政府 2021": a ranked row's name on its bar */
export const rankedName = (r: FactRow) => `${r.organ} ${r.year ?? ''}`.trim();
