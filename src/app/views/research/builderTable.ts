/**
 * 表格生成器's table: the figures offered (from the database's fact_keys), the
 * keys chosen in the URL (?cols=s3.new.total,…), and the columns of the table and
 * of its CSV — one row per report, the chosen figures, the file it was read from.
 */
import { BUILDER_LEAD, BUILDER_TAIL } from '../../../db/builderShape';
import { strs, type Table } from '../../../db/table';

export interface Figure {
  key: string;
  section: string;
  rowLabel: string;
  colLabel: string;
  label: string;
  unit: string;
  templates: string;
}

export function figuresOf(t: Table): Figure[] {
  const key = strs(t, 'key'), section = strs(t, 'section'), row = strs(t, 'row_label'), col = strs(t, 'col_label');
  const label = strs(t, 'label'), unit = strs(t, 'unit'), templates = strs(t, 'templates');
  return key.map((k, i) => ({ key: k, section: section[i], rowLabel: row[i], colLabel: col[i], label: label[i], unit: unit[i], templates: templates[i] }));
}

/** ?cols=… → the keys in order, each once. */
export const parseCols = (cols: string) => [...new Set(cols.split(',').map((k) => k.trim()).filter(Boolean))];
export const formatCols = (keys: readonly string[]) => keys.join(',');

const LEAD_LABELS: Record<(typeof BUILDER_LEAD)[number] | (typeof BUILDER_TAIL)[number], string> = {
  report_id: '报告编号',
  organ: '机关',
  province: '省份',
  city: '城市',
  county: '区县',
  level: '层级',
  year: '年度',
  template: '模板',
  file: '来源文件',
  source_url: '来源网址',
};

export interface BuilderColumn {
  /** the result table's column (report_id …, a fact key, file) */
  id: string;
  /** shown in the table */
  label: string;
  /** the CSV's header */
  header: string;
  title?: string;
}

/** The table's columns: the report, the figures (label and unit; the key in the CSV header), the source. */
export function builderColumns(figures: readonly Figure[]): BuilderColumn[] {
  const fixed = (id: keyof typeof LEAD_LABELS): BuilderColumn => ({ id, label: LEAD_LABELS[id], header: id });
  return [
    ...BUILDER_LEAD.map(fixed),
    ...figures.map((f) => ({ id: f.key, label: `${f.label}（${f.unit}）`, header: `${f.label}（${f.unit}）[${f.key}]`, title: f.key })),
    ...BUILDER_TAIL.map(fixed),
  ];
}
