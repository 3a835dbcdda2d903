/**
 * C01–C06: the report has the template's sections and tables, in the template
 * of its year, and every cell of tables 二, 三 and 四 is there.
 */
import { S2_ROWS_2019, S2_ROWS_2021, S3_COLS, S3_ROWS, S4_COLS, S4_GROUPS } from '../parse/factKeys';
import type { ParsedReport, Template } from '../parse/types';
import { type CheckFinding, finding, NO_TEMPLATE } from './finding';
import { cutNote, textEndsIn } from './truncation';

const NUMERALS = ['', '一', '二', '三', '四', '五', '六'];

/** C01: six sections present and in order. */
export function checkSections(report: ParsedReport): CheckFinding {
  const present = new Set(report.sections.map((s) => s.index));
  const cut = textEndsIn(report);
  const all = [1, 2, 3, 4, 5, 6].filter((i) => !present.has(i));
  // sections after the cut may well be in the report
  const missing = cut === null ? all : all.filter((i) => i < cut);
  const unseen = cut === null ? [] : all.filter((i) => i > cut);
  const tableMissing = missing.some((i) => i >= 2 && i <= 4);
  const severity = tableMissing ? 'error' : 'warning';
  const ordered = [...report.sections].sort((a, b) => a.startLine - b.startLine).map((s) => s.index);
  const outOfOrder: string[] = [];
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i] < ordered[i - 1]) {
      outOfOrder.push(`第${NUMERALS[ordered[i]]}部分出现在第${NUMERALS[ordered[i - 1]]}部分之后`);
    }
  }
  const problems: string[] = [];
  if (missing.length) problems.push(`缺第${missing.map((i) => NUMERALS[i]).join('、')}部分`);
  problems.push(...outOfOrder);
  if (problems.length) return finding('C01', 'fail', severity, problems.join('；'));
  if (unseen.length) {
    return finding('C01', 'na', 'error', `${cutNote(cut!)}，未见第${unseen.map((i) => NUMERALS[i]).join('、')}部分，无法判断`);
  }
  return finding('C01', 'pass', 'error', '六个部分齐全，顺序正确');
}

export const LABELS_2019 = ['本年新制作数量', '对外公开总数量', '上一年项目数量', '本年增/减', '其他对外管理服务事项', '政府集中采购'];
export const LABELS_2021 = ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额'];

const normLabel = (s: string) => s.replace(/[\s/／、]/g, '');

function labelsFound(report: ParsedReport, wanted: readonly string[]): string[] {
  const have = new Set(report.templateLabels.map(normLabel));
  return wanted.filter((w) => have.has(normLabel(w)));
}

/** The template a report of this year must use (2019: encouraged only). */
export function expectedTemplate(year: number): Template {
  return year >= 2021 ? '2021' : '2019';
}

/** C02: template matches the year. Omitted (null) for reports before 2019. */
export function checkTemplateYear(report: ParsedReport): CheckFinding | null {
  const { year, template } = report;
  if (year === null) return finding('C02', 'na', 'error', '报告年度不详，无法判断应使用的模板');
  if (year < 2019) return null;
  const severity = year >= 2020 ? 'error' : 'info';
  if (template === null) return finding('C02', 'na', severity, `${NO_TEMPLATE}，无法判断模板`);
  const want = expectedTemplate(year);
  const seen = labelsFound(report, template === '2019' ? LABELS_2019 : LABELS_2021);
  const hint = seen.length ? `（见“${seen.slice(0, 2).join('”“')}”）` : '';
  if (template !== want) {
    return finding('C02', 'fail', severity, `${year} 年报告应使用 ${want} 年模板，实为 ${template} 年模板${hint}`);
  }
  return finding('C02', 'pass', severity, `${year} 年报告使用 ${template} 年模板`);
}

/** C03: no 2019-template labels in a report for 2021 or later. Omitted before 2021. */
export function checkOldLabels(report: ParsedReport): CheckFinding | null {
  if (report.year === null) return finding('C03', 'na', 'error', '报告年度不详');
  if (report.year < 2021) return null;
  const old = labelsFound(report, LABELS_2019);
  if (old.length) {
    return finding('C03', 'fail', 'error', `${report.year} 年报告仍含 2019 年模板栏目：${old.join('、')}`);
  }
  if (report.template === null && report.templateLabels.length === 0) return finding('C03', 'na', 'error', NO_TEMPLATE);
  return finding('C03', 'pass', 'error', '未见 2019 年模板栏目');
}

const isAbsent = (report: ParsedReport, key: string) => {
  const c = report.cells[key];
  return !c || c.state === 'missing';
};

/**
 * C04: table 三 has every row of its template. A row whose applicant cells are
 * left unfilled (only 总计 printed) is there: it passes, noted; C13 then cannot
 * assess it.
 */
export function checkTable3Complete(report: ParsedReport): CheckFinding {
  if (report.template === null) return finding('C04', 'na', 'error', NO_TEMPLATE);
  const cut = textEndsIn(report);
  const rows = S3_ROWS.filter((r) => r.templates.includes(report.template!));
  const wholeRows: string[] = [];
  const partRows: string[] = [];
  const keys: string[] = [];
  for (const r of rows) {
    const rowKeys = S3_COLS.map((c) => `s3.${r.row}.${c.col}`);
    const absent = rowKeys.filter((k) => isAbsent(report, k));
    const name = r.group && !r.group.startsWith('三、') ? `${r.group}${r.label}` : r.label;
    if (absent.length === rowKeys.length) wholeRows.push(name);
    else if (absent.length) partRows.push(`${name}缺 ${absent.length} 列`);
    keys.push(...absent);
  }
  const expected = `${rows.length} 行 × 7 列`;
  const partial = partRows.length ? `；${partRows.slice(0, 3).join('、')}${partRows.length > 3 ? ' 等' : ''}（行在，个别格未填）` : '';
  if (wholeRows.length && cut !== null && cut <= 3) {
    return finding('C04', 'na', 'error', `${cutNote(cut)}，表三缺 ${wholeRows.length} 行，无法判断`, keys);
  }
  if (wholeRows.length) {
    const shown = wholeRows.slice(0, 4).join('、') + (wholeRows.length > 4 ? ' 等' : '');
    return finding('C04', 'fail', 'error', `表三应有 ${expected}，缺 ${wholeRows.length} 行：${shown}${partial}`, keys);
  }
  return finding('C04', 'pass', 'error', `表三 ${rows.length} 行齐全${partial}`, keys);
}

/** C05: table 四 has its 15 values. */
export function checkTable4Complete(report: ParsedReport): CheckFinding {
  if (report.template === null) return finding('C05', 'na', 'error', NO_TEMPLATE);
  const keys = S4_GROUPS.flatMap((g) => S4_COLS.map((c) => `s4.${g.group}.${c.col}`));
  const absent = keys.filter((k) => isAbsent(report, k));
  const cut = textEndsIn(report);
  if (absent.length && cut !== null && cut <= 4) {
    return finding('C05', 'na', 'error', `${cutNote(cut)}，表四缺 ${absent.length} 项，无法判断`, absent);
  }
  if (absent.length) {
    return finding('C05', 'fail', 'error', `表四应有 15 项，缺 ${absent.length} 项`, absent);
  }
  return finding('C05', 'pass', 'error', '表四 15 项齐全');
}

/** C06: table 二 has 22 cells (2019) / 10 cells (2021). */
export function checkTable2Complete(report: ParsedReport): CheckFinding {
  if (report.template === null) return finding('C06', 'na', 'error', NO_TEMPLATE);
  const rows = report.template === '2019' ? S2_ROWS_2019 : S2_ROWS_2021;
  const keys = rows.flatMap((r) => r.cols.map((c) => `s2.${r.row}.${c}`));
  const absent = keys.filter((k) => isAbsent(report, k));
  const cut = textEndsIn(report);
  if (absent.length && cut !== null && cut <= 2) {
    return finding('C06', 'na', 'error', `${cutNote(cut)}，表二缺 ${absent.length} 格，无法判断`, absent);
  }
  if (absent.length) {
    const rowsHit = [...new Set(rows.filter((r) => r.cols.some((c) => absent.includes(`s2.${r.row}.${c}`))).map((r) => r.label))];
    return finding('C06', 'fail', 'error', `表二应有 ${keys.length} 格，缺 ${absent.length} 格（${rowsHit.join('、')}）`, absent);
  }
  return finding('C06', 'pass', 'error', `表二 ${keys.length} 格齐全`);
}
