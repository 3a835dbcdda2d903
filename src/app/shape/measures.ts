/**
 * The figures the proactive-disclosure view charts, with the fact key each
 * template uses for them. Where the two templates differ (规范性文件 本年新制作
 * vs 本年制发) the trend line breaks at the change; the keys stay the template's own.
 */
import type { Filters } from '../../db/filters';
import type { Table } from '../../db/table';
import { FACT_KEY_INFO } from '../../parse/factKeys';
import type { FactRow } from './factRow';
import { yearlyRows } from './yearly';

export interface Measure {
  id: string;
  label: string;
  /** fact key per template; absent when that template has no such figure */
  keys: { '2019'?: string; '2021'?: string };
}

export const PROACTIVE_MEASURES: readonly Measure[] = [
  { id: 'normative', label: '规范性文件 · 本年制发', keys: { '2019': 's2.normative.new', '2021': 's2.normative.issued' } },
  { id: 'licensing', label: '行政许可 · 处理决定', keys: { '2019': 's2.licensing.decisions', '2021': 's2.licensing.decisions' } },
  { id: 'punishment', label: '行政处罚 · 处理决定', keys: { '2019': 's2.punishment.decisions', '2021': 's2.punishment.decisions' } },
  { id: 'enforcement', label: '行政强制 · 处理决定', keys: { '2019': 's2.enforcement.decisions', '2021': 's2.enforcement.decisions' } },
  { id: 'proactive_total', label: '主动公开信息总数（第一部分所述）', keys: { '2019': 's1.proactive_total', '2021': 's1.proactive_total' } },
];

/** the database column of a measure on a template */
export function measureColumn(m: Measure, template: string): string | undefined {
  const key = template === '2019' || template === '2021' ? m.keys[template] : undefined;
  return key ? FACT_KEY_INFO.get(key)?.column : undefined;
}

export function measureColumns(measures: readonly Measure[]): string[] {
  return [...new Set(measures.flatMap((m) => [measureColumn(m, '2019'), measureColumn(m, '2021')]).filter((c): c is string => !!c))];
}

/** yearTotals as one row per year, template and measure, tagged with the measure as its series */
export function measureRows(t: Table, measures: readonly Measure[], f: Filters): FactRow[] {
  return yearlyRows(
    t,
    (tpl) => measures.flatMap((m) => {
      const column = measureColumn(m, tpl);
      return column ? [{ column, series: m.id }] : [];
    }),
    f,
  );
}
