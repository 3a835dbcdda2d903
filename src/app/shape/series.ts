/**
 * The series the views chart, each defined once: its id, label and colour (the
 * legend, the marks and the colour scale read them) and the fact keys it sums
 * per template (the shaping reads them, so the rows a chart downloads carry the
 * same labels). Derived from the fact-key catalogue where it says what a row is.
 */
import { S3_COLS, S3_ROWS, S4_GROUPS, FACT_KEY_INFO, isTemplate, s3Key, s4Key, type Template } from '../../parse/factKeys';
import type { SeriesDef } from '../charts/series.svelte';

export interface FactSeries extends SeriesDef {
  unit: string;
  /** fact keys summed, per template (none: the template has no such figure) */
  keys: (template: string) => string[];
}

const CATEGORICAL = ['#3f6ea6', '#e07b39', '#59a14f', '#b07aa1', '#edc948', '#9c755f', '#76b7b2', '#ff9da7'];


/** 收到的申请 by applicant: 本年新收 + 上年结转 of each applicant column of table 三. */
export const APPLICANT_SERIES: readonly FactSeries[] = S3_COLS.filter((c) => c.col !== 'total').map((c, i) => ({
  id: c.col,
  label: c.label,
  color: CATEGORICAL[i],
  unit: '件',
  keys: () => [s3Key('new', c.col), s3Key('carried_over', c.col)],
}));

/** The leaf rows of 办理结果 under one outcome (the first part of the row key: denied.secret → denied). */
const leavesOf = (outcome: string) => S3_ROWS.filter((r) => r.leaf && r.row.split('.')[0] === outcome);

const OUTCOMES = [
  { id: 'granted', label: '予以公开', color: '#2a7f62' },
  { id: 'partial', label: '部分公开', color: '#8fbf7f' },
  { id: 'denied', label: '不予公开', color: '#c8553d' },
  { id: 'unable', label: '无法提供', color: '#e9a03b' },
  { id: 'rejected', label: '不予处理', color: '#6d597a' },
  { id: 'other', label: '其他处理', color: '#9aa5b1' },
];

/** 办理结果: the 总计 column of each outcome, summed over its reasons (其他处理 has one row in 2019, three in 2021). */
export const OUTCOME_SERIES: readonly FactSeries[] = OUTCOMES.map((o) => ({
  ...o,
  unit: '件',
  keys: (tpl) => (isTemplate(tpl) ? leavesOf(o.id).filter((r) => r.templates.includes(tpl)).map((r) => s3Key(r.row, 'total')) : []),
}));

/** The reasons inside one outcome, each its own series (the template's own rows). */
export function reasonSeries(outcome: string): FactSeries[] {
  return leavesOf(outcome).map((r, i) => ({
    id: r.row,
    label: r.label,
    color: CATEGORICAL[i % CATEGORICAL.length],
    unit: '件',
    keys: (tpl) => (isTemplate(tpl) && r.templates.includes(tpl) ? [s3Key(r.row, 'total')] : []),
  }));
}

/** 行政复议与行政诉讼: the 总计 of each group of table 四. */
export const REVIEW_SERIES: readonly FactSeries[] = S4_GROUPS.map((g, i) => ({
  id: g.group,
  label: g.label,
  color: [CATEGORICAL[0], CATEGORICAL[1], '#c8553d'][i],
  unit: '件',
  keys: () => [s4Key(g.group, 'total')],
}));

/** The database columns a set of series reads, over both templates. */
export function seriesColumns(series: readonly FactSeries[]): string[] {
  const keys = series.flatMap((s) => [...s.keys('2019'), ...s.keys('2021')]);
  return [...new Set(keys.map((k) => FACT_KEY_INFO.get(k)?.column ?? k))];
}

export const TEMPLATE_SERIES: readonly SeriesDef[] = [
  { id: '2019', label: '2019年模板', color: '#3f6ea6' },
  { id: '2021', label: '2021年模板', color: '#c8553d' },
  { id: '', label: '无模板表格', color: '#bbbbbb' },
];

/** A check's outcome in the compliance matrix; a check that does not apply to a report has no cell. */
export const STATUS_SERIES: readonly SeriesDef[] = [
  { id: 'pass', label: '通过', color: '#cfe8d5' },
  { id: 'error', label: '不通过 · 错误', color: '#c0392b' },
  { id: 'warning', label: '不通过 · 警告', color: '#e69a28' },
  { id: 'info', label: '不通过 · 提示', color: '#5b8fc7' },
  { id: 'na', label: '无法判断', color: '#e6e6e6' },
  { id: 'none', label: '不适用', color: '#ffffff' },
];
