/**
 * The figures the views chart, with the column each template uses for them.
 * Where the two templates differ (规范性文件 本年新制作 vs 本年制发) the trend
 * line breaks at the change; the keys stay the template's own.
 */
import { FACT_KEY_INFO } from '../../parse/factKeys';

export interface Measure {
  id: string;
  label: string;
  /** column per template; absent when that template has no such figure */
  cols: { '2019'?: string; '2021'?: string };
}

export const PROACTIVE_MEASURES: Measure[] = [
  { id: 'normative', label: '规范性文件 · 本年制发', cols: { '2019': 's2_normative_new', '2021': 's2_normative_issued' } },
  { id: 'licensing', label: '行政许可 · 处理决定', cols: { '2019': 's2_licensing_decisions', '2021': 's2_licensing_decisions' } },
  { id: 'punishment', label: '行政处罚 · 处理决定', cols: { '2019': 's2_punishment_decisions', '2021': 's2_punishment_decisions' } },
  { id: 'enforcement', label: '行政强制 · 处理决定', cols: { '2019': 's2_enforcement_decisions', '2021': 's2_enforcement_decisions' } },
  { id: 'proactive_total', label: '主动公开信息总数（第一部分所述）', cols: { '2019': 's1_proactive_total', '2021': 's1_proactive_total' } },
];

export function columnsOf(measures: Measure[]): string[] {
  return [...new Set(measures.flatMap((m) => Object.values(m.cols)))] as string[];
}

export const keyOfColumn = (col: string) => {
  for (const f of FACT_KEY_INFO.values()) if (f.column === col) return f;
  return undefined;
};

export interface OutcomeGroup {
  id: string;
  label: string;
  color: string;
  /** table 三 rows (without column suffix) per template */
  rows: { '2019': string[]; '2021': string[] };
}

const DENIED = ['secret', 'law', 'security', 'third_party', 'internal', 'process', 'enforcement_file', 'inquiry'].map((r) => `denied.${r}`);
const UNABLE = ['not_held', 'needs_creation', 'unclear'].map((r) => `unable.${r}`);
const REJECTED = ['petition', 'repeat', 'publication', 'mass', 'confirm'].map((r) => `rejected.${r}`);

export const OUTCOME_GROUPS: OutcomeGroup[] = [
  { id: 'granted', label: '予以公开', color: '#2a7f62', rows: { '2019': ['granted'], '2021': ['granted'] } },
  { id: 'partial', label: '部分公开', color: '#8fbf7f', rows: { '2019': ['partial'], '2021': ['partial'] } },
  { id: 'denied', label: '不予公开', color: '#c8553d', rows: { '2019': DENIED, '2021': DENIED } },
  { id: 'unable', label: '无法提供', color: '#e9a03b', rows: { '2019': UNABLE, '2021': UNABLE } },
  { id: 'rejected', label: '不予处理', color: '#6d597a', rows: { '2019': REJECTED, '2021': REJECTED } },
  {
    id: 'other',
    label: '其他处理',
    color: '#9aa5b1',
    rows: { '2019': ['other'], '2021': ['other.no_correction', 'other.no_fee', 'other.other'] },
  },
];

export const APPLICANTS = [
  { id: 'natural', label: '自然人', color: '#3f6ea6' },
  { id: 'commercial', label: '商业企业', color: '#e07b39' },
  { id: 'research', label: '科研机构', color: '#59a14f' },
  { id: 'social', label: '社会公益组织', color: '#b07aa1' },
  { id: 'legal', label: '法律服务机构', color: '#edc948' },
  { id: 'other_org', label: '其他', color: '#9c755f' },
];

export const S4_SERIES = [
  { id: 'review', label: '行政复议', color: '#3f6ea6' },
  { id: 'direct', label: '行政诉讼 · 未经复议直接起诉', color: '#e07b39' },
  { id: 'after_review', label: '行政诉讼 · 复议后起诉', color: '#c8553d' },
];

export const col = (key: string) => key.replaceAll('.', '_');
