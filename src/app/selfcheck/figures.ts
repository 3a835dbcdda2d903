/**
 * What the 自查 view says about a checked report, as plain functions: one row per
 * figure of the report's template (for the table and 下载CSV), the words for a
 * cell's state and how it was read, and the summary a township clerk reads first.
 */
import { FACT_KEYS, type FactKeyInfo } from '../../parse/factKeys';
import { cellStateText, isUndecided, READ_SHORT } from '../views/labels';
import type { Cell, ParsedReport } from '../../parse/types';
import type { CsvColumn } from '../csv';
import type { FigureSource, ShownFinding } from './protocol';

export const TABLE_NAME: Record<FactKeyInfo['section'], string> = {
  s1: '一、总体情况',
  s2: '二、主动公开政府信息情况',
  s3: '三、收到和处理政府信息公开申请情况',
  s4: '四、政府信息公开行政复议、行政诉讼情况',
};

export interface FigureRow {
  info: FactKeyInfo;
  cell: Cell | undefined;
  source: FigureSource | undefined;
}

/** Every figure of the report's template (and section 一's total when stated), in template order. */
export function figureRows(report: ParsedReport, sources: Record<string, FigureSource>): FigureRow[] {
  const t = report.template;
  return FACT_KEYS.filter((f) => (t && f.templates.includes(t) && f.section !== 's1') || (f.section === 's1' && report.cells[f.key]?.value != null)).map((info) => ({
    info,
    cell: report.cells[info.key],
    source: sources[info.key],
  }));
}

export const FIGURE_CSV: readonly CsvColumn<FigureRow>[] = [
  { header: '表', value: (r) => TABLE_NAME[r.info.section] },
  { header: '行', value: (r) => r.info.rowLabel },
  { header: '列', value: (r) => r.info.colLabel },
  { header: 'fact_key', value: (r) => r.info.key },
  { header: '数值', value: (r) => r.cell?.value ?? null },
  { header: '单位', value: (r) => r.info.unit },
  { header: '状态', value: (r) => (r.cell ? cellStateText(r.cell.state, r.cell.raw) : '报告中没有此项') },
  { header: '原文写作', value: (r) => r.cell?.raw ?? '' },
  { header: '读取方式', value: (r) => (r.cell?.read && r.cell.state === 'number' ? READ_SHORT[r.cell.read] : '') },
  { header: '出处', value: (r) => r.source?.where ?? '' },
  { header: '原文行号', value: (r) => r.source?.line ?? null },
  { header: '原文', value: (r) => r.source?.text.trim() ?? '' },
];

export interface CellCounts {
  cells: number;
  number: number;
  blank: number;
  dash: number;
  text: number;
  missing: number;
  /** of `text`: runs of figures printed together that split more than one way (无法确定) */
  undecided: number;
}

export function cellCounts(rows: readonly FigureRow[]): CellCounts {
  const n: CellCounts = { cells: 0, number: 0, blank: 0, dash: 0, text: 0, missing: 0, undecided: 0 };
  for (const r of rows) {
    if (!r.cell || r.info.section === 's1') continue;
    n.cells++;
    n[r.cell.state]++;
    if (isUndecided(r.cell.state, r.cell.raw)) n.undecided++;
  }
  return n;
}

const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };

/** Failed checks, errors first, then warnings, then notes; by id within each. */
export function failuresFirst(findings: readonly ShownFinding[]): ShownFinding[] {
  return findings.filter((f) => f.status === 'fail').sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.check.localeCompare(b.check, 'en', { numeric: true }));
}

export interface Summary {
  /** 读出 … 个数字 */
  figures: string;
  /** 合规检查 … */
  checks: string;
  /** 请先改 … (empty when nothing failed) */
  first: string;
}

export function summary(rows: readonly FigureRow[], findings: readonly ShownFinding[]): Summary {
  const n = cellCounts(rows);
  const unstated = [n.blank && `${n.blank} 格空白`, n.dash && `${n.dash} 格为横线或“无”`, n.undecided && `${n.undecided} 格无法确定（数字连写，有不止一种拆法，请在表中分开填写）`, n.text - n.undecided && `${n.text - n.undecided} 格是文字`, n.missing && `${n.missing} 格缺失`].filter(Boolean);
  const figures = `三张表共 ${n.cells} 格，读出 ${n.number} 个数字${unstated.length ? `；${unstated.join('，')}（这些格不按 0 计）` : '，每一格都读到了数字'}。`;
  const pass = findings.filter((f) => f.status === 'pass').length;
  const fails = failuresFirst(findings);
  const na = findings.filter((f) => f.status === 'na').length;
  const by = (s: string) => fails.filter((f) => f.severity === s).length;
  const failText = fails.length ? `，${fails.length} 项不通过（${[by('error') && `${by('error')} 项错误`, by('warning') && `${by('warning')} 项警告`, by('info') && `${by('info')} 项提示`].filter(Boolean).join('、')}）` : '，没有不通过的项';
  const checks = `合规检查 ${findings.length} 项：${pass} 项通过${failText}${na ? `，${na} 项无法判断` : ''}。`;
  const top = fails[0];
  const first = top ? `请先改：${top.check} ${top.title}——${top.evidence}` : '';
  return { figures, checks, first };
}
