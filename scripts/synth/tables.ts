/**
 * The three template tables as a layout-free description: captions, header
 * labels and data rows whose cells are already the strings a report prints
 * ('' for a blank cell). Layouts in layouts.ts decide how rows become lines.
 */
import { S2_COL_LABELS, S3_COLS, S4_COLS, type Template } from '../../src/parse/factKeys';
import { s2Rows, s3Rows, type Figures } from './figures';

export interface Style {
  /** （一） or (一) in labels */
  paren: (s: string) => string;
  /** print a count */
  count: (n: number) => string;
  /** print an amount as printed digits (separators applied) */
  amount: (digits: string) => string;
  /** the dash a report uses for an empty cell */
  dash: string;
  /** '' or ' ' between an amount and its unit: 190万元 / 190 万元 */
  unitSpace: string;
  /** column labels of item （一） cut short, as some pages print them (本年新 / 本年发件) */
  truncatedHeaders: boolean;
}

export interface S2Block {
  /** 第二十条第（一）项 */
  caption: string;
  /** 信息内容, then the column labels */
  header: string[];
  rows: { label: string; cells: string[] }[];
}

export interface S3Row {
  /** 三、本年度办理结果 on the first row of the result block */
  group1: string | null;
  /** （三）不予公开 … on the first row of its sub-block */
  group2: string | null;
  /** true for rows inside 三、本年度办理结果 */
  inResult: boolean;
  /** true for rows under a （三）/（四）/（五）/（六） sub-heading */
  inSub: boolean;
  label: string;
  cells: string[];
}

export interface Tables {
  s2: S2Block[];
  s3: S3Row[];
  /** 15 cells: 行政复议 ×5, 未经复议直接起诉 ×5, 复议后起诉 ×5 */
  s4: string[];
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

export const S3_NOTE = '本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和';
export const S3_APPLICANT_LABELS = S3_COLS.filter((c) => c.col !== 'total').map((c) => c.label);
export const S4_COL_LABELS = S4_COLS.map((c) => c.label);
/** the two top header cells of table 四, and the two halves of 行政诉讼 */
export const S4_TOP = ['行政复议', '行政诉讼'];
export const S4_SUB = ['未经复议直接起诉', '复议后起诉'];

function cellText(fig: Figures, key: string, st: Style): string {
  const mark = fig.marks[key];
  if (mark === 'blank') return '';
  if (mark === 'dash') return st.dash;
  const amount = fig.amounts[key];
  if (amount) {
    const d = st.amount(amount.digits);
    return amount.cellUnit ? `${d}${st.unitSpace}${amount.cellUnit}` : d;
  }
  return st.count(fig.values[key]);
}

function s2ColLabel(template: Template, col: string, fig: Figures): string {
  if (template === '2021') {
    if (col === 'decisions') return '本年处理决定数量';
    if (col === 'amount') return '本年收费金额（单位：万元）';
  }
  if (col === 'amount') return fig.amounts['s2.procurement.amount']?.headerUnit ? '采购总金额（单位：万元，保留4位小数）' : '采购总金额';
  return S2_COL_LABELS[col];
}

export function buildTables(fig: Figures, st: Style): Tables {
  const template = fig.template;
  const items = template === '2019' ? ['一', '五', '六', '八', '九'] : ['一', '五', '六', '八'];
  const byItem: Record<string, string[]> =
    template === '2019'
      ? { 一: ['rules', 'normative'], 五: ['licensing', 'other_services'], 六: ['punishment', 'enforcement'], 八: ['fees'], 九: ['procurement'] }
      : { 一: ['rules', 'normative'], 五: ['licensing'], 六: ['punishment', 'enforcement'], 八: ['fees'] };
  const rowDefs = s2Rows(template);
  const truncated = template === '2019' ? ['本年新', '本年新', '对外公开总数量'] : ['本年发件', '本年废止件数', '现行有效件'];
  const s2: S2Block[] = items.map((item) => {
    const defs = byItem[item].map((r) => rowDefs.find((d) => d.row === r)!);
    const labels = item === '一' && st.truncatedHeaders ? truncated : defs[0].cols.map((c) => s2ColLabel(template, c, fig));
    return {
      caption: `第二十条第${st.paren(item)}项`,
      header: ['信息内容', ...labels],
      rows: defs.map((d) => ({ label: d.label, cells: d.cols.map((c) => cellText(fig, `s2.${d.row}.${c}`, st)) })),
    };
  });

  const s3: S3Row[] = [];
  let lastGroup2: string | null = null;
  let resultStarted = false;
  for (const r of s3Rows(template)) {
    const inResult = r.group !== null;
    const inSub = inResult && r.group !== '三、本年度办理结果';
    const group2 = inSub ? r.group!.replace(/^（(.)）/, (_, n: string) => st.paren(n)) : null;
    const label = r.label.replace(/^（(.)）/, (_, n: string) => st.paren(n));
    s3.push({
      group1: inResult && !resultStarted ? '三、本年度办理结果' : null,
      group2: group2 && group2 !== lastGroup2 ? group2 : null,
      inResult,
      inSub,
      label,
      cells: S3_COLS.map((c) => cellText(fig, `s3.${r.row}.${c.col}`, st)),
    });
    if (inResult) resultStarted = true;
    lastGroup2 = group2;
  }

  const s4: string[] = [];
  for (const g of ['review', 'direct', 'after_review']) for (const c of S4_COLS) s4.push(cellText(fig, `s4.${g}.${c.col}`, st));
  return { s2, s3, s4 };
}

export { CN };
