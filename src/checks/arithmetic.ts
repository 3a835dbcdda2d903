/**
 * C12–C17: the arithmetic the template itself prints. Every operand must be a
 * number the report states; a blank or missing cell makes that row or column
 * not assessable, never 0.
 */
import { S2_COL_LABELS, S2_ROWS_2019, S2_ROWS_2021, S3_COLS, S3_ROWS, S4_COLS, S4_GROUPS } from '../parse/factKeys';
import type { ParsedReport, Template } from '../parse/types';
import {
  type CheckFinding,
  finding,
  fmt,
  fold,
  type FindingPart,
  NO_TEMPLATE,
  naPart,
  num,
  readAll,
  same,
  sum,
} from './finding';

const APPLICANTS = S3_COLS.filter((c) => c.col !== 'total');
const k3 = (row: string, col: string) => `s3.${row}.${col}`;

function rowsOf(template: Template) {
  return S3_ROWS.filter((r) => r.templates.includes(template));
}

/** Short row names for evidence. */
function rowName(row: string): string {
  const r = S3_ROWS.find((x) => x.row === row);
  if (!r) return row;
  if (row === 'new') return '新收';
  if (row === 'carried_over') return '上年结转';
  if (row === 'carried_forward') return '结转下年度';
  return r.group && !r.group.startsWith('三、') ? `${r.group}${r.label.replace(/（区分处理的.*$/, '')}` : r.label.replace(/（区分处理的.*$/, '');
}

/** C12: per column, 新收 + 上年结转 = （七）总计 + 结转下年度. */
export function checkCarryBalance(report: ParsedReport): CheckFinding {
  if (report.template === null) return finding('C12', 'na', 'error', NO_TEMPLATE);
  const parts: FindingPart[] = S3_COLS.map(({ col, label }) => {
    const keys = ['new', 'carried_over', 'total', 'carried_forward'].map((r) => k3(r, col));
    const { missing } = readAll(report, keys);
    const name = `${label}列`;
    if (missing.length) return naPart(report, name, missing, keys);
    const [n, co, t, cf] = keys.map((k) => num(report, k)!);
    const left = n + co;
    const right = t + cf;
    const text = `${name}：新收 ${fmt(n)} + 上年结转 ${fmt(co)} = ${fmt(left)} ${same(left, right) ? '=' : '≠'} 总计 ${fmt(t)} + 结转 ${fmt(cf)} = ${fmt(right)}`;
    return { label: name, status: same(left, right) ? 'pass' : 'fail', evidence: text, keys };
  });
  return fold('C12', 'error', parts, 'strict', (p) => `${p.length} 列均满足 新收 + 上年结转 = 总计 + 结转下年度`);
}

/** C13: every row of table 三, 总计 = the six applicant columns. */
export function checkRowTotals(report: ParsedReport): CheckFinding {
  if (report.template === null) return finding('C13', 'na', 'error', NO_TEMPLATE);
  const parts: FindingPart[] = rowsOf(report.template).map((r) => {
    const cells = APPLICANTS.map((c) => k3(r.row, c.col));
    const totalKey = k3(r.row, 'total');
    const keys = [...cells, totalKey];
    const name = rowName(r.row);
    const { missing } = readAll(report, keys);
    if (missing.length) return naPart(report, name, missing, keys);
    const vals = cells.map((k) => num(report, k)!);
    const s = sum(vals);
    const t = num(report, totalKey)!;
    const ok = same(s, t);
    const text = `${name}：${vals.map(fmt).join(' + ')} = ${fmt(s)} ${ok ? '=' : '≠'} 总计 ${fmt(t)}`;
    return { label: name, status: ok ? 'pass' : 'fail', evidence: text, keys };
  });
  return fold('C13', 'error', parts, 'strict', (p) => `${p.length} 行的总计均等于六类申请人之和`);
}

/** C14: per column, （七）总计 = the sum of the leaf rows 予以公开 … 其他处理. */
export function checkResultTotals(report: ParsedReport): CheckFinding {
  if (report.template === null) return finding('C14', 'na', 'error', NO_TEMPLATE);
  const leaves = rowsOf(report.template).filter((r) => r.leaf);
  const parts: FindingPart[] = S3_COLS.map(({ col, label }) => {
    const leafKeys = leaves.map((r) => k3(r.row, col));
    const totalKey = k3('total', col);
    const keys = [...leafKeys, totalKey];
    const name = `${label}列`;
    const { missing } = readAll(report, keys);
    if (missing.length) return naPart(report, name, missing, keys);
    const s = sum(leafKeys.map((k) => num(report, k)!));
    const t = num(report, totalKey)!;
    const ok = same(s, t);
    const text = `${name}：${leaves.length} 项办理结果之和 ${fmt(s)} ${ok ? '=' : '≠'} （七）总计 ${fmt(t)}`;
    return { label: name, status: ok ? 'pass' : 'fail', evidence: text, keys };
  });
  return fold('C14', 'error', parts, 'strict', (p) => `${p.length} 列的总计均等于 ${leaves.length} 项办理结果之和`);
}

/** C15: each group of table 四, 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
export function checkReviewTotals(report: ParsedReport): CheckFinding {
  if (report.template === null) return finding('C15', 'na', 'error', NO_TEMPLATE);
  const parts: FindingPart[] = S4_GROUPS.map(({ group, label }) => {
    const items = S4_COLS.filter((c) => c.col !== 'total').map((c) => `s4.${group}.${c.col}`);
    const totalKey = `s4.${group}.total`;
    const keys = [...items, totalKey];
    const { missing } = readAll(report, keys);
    if (missing.length) return naPart(report, label, missing, keys);
    const vals = items.map((k) => num(report, k)!);
    const s = sum(vals);
    const t = num(report, totalKey)!;
    const ok = same(s, t);
    const text = `${label}：维持 ${fmt(vals[0])} + 纠正 ${fmt(vals[1])} + 其他 ${fmt(vals[2])} + 尚未审结 ${fmt(vals[3])} = ${fmt(s)} ${ok ? '=' : '≠'} 总计 ${fmt(t)}`;
    return { label, status: ok ? 'pass' : 'fail', evidence: text, keys };
  });
  return fold('C15', 'error', parts, 'strict', (p) => `${p.length} 组的总计均等于各结果之和`);
}

/** Keys whose value is a count: non-negative integer. 本年增/减 may be negative; amounts may have decimals. */
function countRule(key: string): 'count' | 'delta' | 'amount' {
  if (key.endsWith('.delta')) return 'delta';
  if (key.endsWith('.amount')) return 'amount';
  return 'count';
}

function templateKeys(template: Template): string[] {
  const s2 = (template === '2019' ? S2_ROWS_2019 : S2_ROWS_2021).flatMap((r) => r.cols.map((c) => `s2.${r.row}.${c}`));
  const s3 = rowsOf(template).flatMap((r) => S3_COLS.map((c) => k3(r.row, c.col)));
  const s4 = S4_GROUPS.flatMap((g) => S4_COLS.map((c) => `s4.${g.group}.${c.col}`));
  return [...s2, ...s3, ...s4];
}

/** C16: counts are non-negative integers (本年增/减 may be negative). */
export function checkCountsValid(report: ParsedReport): CheckFinding {
  if (report.template === null) return finding('C16', 'na', 'error', NO_TEMPLATE);
  const parts: FindingPart[] = [];
  for (const key of templateKeys(report.template)) {
    const v = num(report, key);
    if (v === null) continue;
    const rule = countRule(key);
    const bad =
      rule === 'count' ? v < 0 || !Number.isInteger(v) : rule === 'delta' ? !Number.isInteger(v) : v < 0;
    const label = labelFor(key);
    const want = rule === 'count' ? '应为非负整数' : rule === 'delta' ? '应为整数' : '不应为负';
    parts.push({ label, status: bad ? 'fail' : 'pass', evidence: `${label} 为 ${fmt(v)}，${want}`, keys: [key] });
  }
  return fold('C16', 'error', parts, 'lenient', (p) => `${p.length} 个数均为合法数量`, '表格中没有可读的数字');
}

function labelFor(key: string): string {
  if (key.startsWith('s3.')) {
    const parts = key.split('.');
    const col = parts.pop()!;
    const row = parts.slice(1).join('.');
    return `${rowName(row)} · ${S3_COLS.find((c) => c.col === col)?.label ?? col}`;
  }
  return key.startsWith('s4.') || key.startsWith('s2.') ? labelShort(key) : key;
}

function labelShort(key: string): string {
  if (key.startsWith('s4.')) {
    const [, g, c] = key.split('.');
    return `${S4_GROUPS.find((x) => x.group === g)?.label ?? g} · ${S4_COLS.find((x) => x.col === c)?.label ?? c}`;
  }
  const [, row, col] = key.split('.');
  const r = [...S2_ROWS_2019, ...S2_ROWS_2021].find((x) => x.row === row);
  return `${r?.label ?? row} · ${S2_COL_LABELS[col] ?? col}`;
}

/** C17: implied bounds. */
export function checkBounds(report: ParsedReport): CheckFinding {
  if (report.template === null) return finding('C17', 'na', 'warning', NO_TEMPLATE);
  const parts: FindingPart[] = [];
  const leaves = rowsOf(report.template).filter((r) => r.leaf);
  for (const { col, label } of S3_COLS) {
    const keys = ['carried_forward', 'new', 'carried_over'].map((r) => k3(r, col));
    const name = `${label}列结转`;
    const { missing } = readAll(report, keys);
    if (missing.length) parts.push(naPart(report, name, missing, keys));
    else {
      const [cf, n, co] = keys.map((k) => num(report, k)!);
      const ok = cf <= n + co;
      parts.push({
        label: name,
        status: ok ? 'pass' : 'fail',
        evidence: `${label}列：结转下年度 ${fmt(cf)} ${ok ? '≤' : '>'} 新收 ${fmt(n)} + 上年结转 ${fmt(co)} = ${fmt(n + co)}`,
        keys,
      });
    }
    const total = num(report, k3('total', col));
    for (const r of leaves) {
      const leafKey = k3(r.row, col);
      const v = num(report, leafKey);
      if (v === null || total === null) continue;
      if (v > total) {
        parts.push({
          label: `${rowName(r.row)} · ${label}`,
          status: 'fail',
          evidence: `${label}列：${rowName(r.row)} ${fmt(v)} > （七）总计 ${fmt(total)}`,
          keys: [leafKey, k3('total', col)],
        });
      }
    }
    if (total !== null && leaves.every((r) => num(report, k3(r.row, col)) !== null)) {
      parts.push({ label: `${label}列各项`, status: 'pass', evidence: `${label}列各项均不超过总计 ${fmt(total)}`, keys: [] });
    }
  }
  if (report.template === '2019') {
    for (const row of ['rules', 'normative'] as const) {
      const keys = [`s2.${row}.total`, `s2.${row}.published`];
      const name = row === 'rules' ? '规章' : '规范性文件';
      const { missing } = readAll(report, keys);
      if (missing.length) {
        parts.push(naPart(report, name, missing, keys));
        continue;
      }
      const [t, p] = keys.map((k) => num(report, k)!);
      const ok = t >= p;
      parts.push({
        label: name,
        status: ok ? 'pass' : 'fail',
        evidence: `${name}：对外公开总数量 ${fmt(t)} ${ok ? '≥' : '<'} 本年新公开数量 ${fmt(p)}`,
        keys,
      });
    }
    const count = num(report, 's2.procurement.count');
    const amount = report.procurementAmount?.value ?? num(report, 's2.procurement.amount');
    if (count === 0 && amount !== null) {
      const ok = amount === 0;
      parts.push({
        label: '政府集中采购',
        status: ok ? 'pass' : 'fail',
        evidence: `政府集中采购：采购项目数量 0，采购总金额 ${fmt(amount)} 万元${ok ? '' : '，应为 0'}`,
        keys: ['s2.procurement.count', 's2.procurement.amount'],
      });
    }
  }
  return fold('C17', 'warning', parts, 'lenient', () => '结转、各项办理结果及表二数量均在合理范围内');
}
