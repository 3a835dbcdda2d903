/**
 * C17: implied bounds — 结转下年度 ≤ 新收 + 上年结转; every leaf ≤ （七）总计; in
 * the 2019 template 对外公开总数量 ≥ 本年新公开数量, and procurement count 0 ⇒ amount 0.
 */
import { S3_COLS } from '../../parse/factKeys';
import type { ParsedReport } from '../../parse/types';
import type { FactKey } from '../../parse/factKeys';
import { defineCheck } from '../defineCheck';
import { type FindingPart, fmt, fold, na, naPart, NO_TEMPLATE, num, readAll } from '../finding';
import { k3, rowName, rowsOf } from '../tableCells';

function table3Bounds(report: ParsedReport, leaves: ReturnType<typeof rowsOf>): FindingPart[] {
  const parts: FindingPart[] = [];
  for (const { col, label } of S3_COLS) {
    const keys = (['carried_forward', 'new', 'carried_over'] as const).map((r) => k3(r, col));
    const name = `${label}列结转`;
    const { missing } = readAll(report, keys);
    if (missing.length) parts.push(naPart(report, name, missing, keys));
    else {
      const [cf, n, co] = keys.map((k) => num(report, k)!);
      const ok = cf <= n + co;
      const evidence = `${label}列：结转下年度 ${fmt(cf)} ${ok ? '≤' : '>'} 新收 ${fmt(n)} + 上年结转 ${fmt(co)} = ${fmt(n + co)}`;
      parts.push({ label: name, status: ok ? 'pass' : 'fail', evidence, keys });
    }
    const total = num(report, k3('total', col));
    for (const r of leaves) {
      const leafKey = k3(r.row, col);
      const v = num(report, leafKey);
      if (v === null || total === null || v <= total) continue;
      const evidence = `${label}列：${rowName(r.row)} ${fmt(v)} > （七）总计 ${fmt(total)}`;
      parts.push({ label: `${rowName(r.row)} · ${label}`, status: 'fail', evidence, keys: [leafKey, k3('total', col)] });
    }
    if (total !== null && leaves.every((r) => num(report, k3(r.row, col)) !== null)) {
      parts.push({ label: `${label}列各项`, status: 'pass', evidence: `${label}列各项均不超过总计 ${fmt(total)}`, keys: [] });
    }
  }
  return parts;
}

function table2Bounds2019(report: ParsedReport): FindingPart[] {
  const parts: FindingPart[] = [];
  for (const row of ['rules', 'normative'] as const) {
    const keys: FactKey[] = [`s2.${row}.total`, `s2.${row}.published`];
    const name = row === 'rules' ? '规章' : '规范性文件';
    const { missing } = readAll(report, keys);
    if (missing.length) {
      parts.push(naPart(report, name, missing, keys));
      continue;
    }
    const [t, p] = keys.map((k) => num(report, k)!);
    const ok = t >= p;
    parts.push({ label: name, status: ok ? 'pass' : 'fail', evidence: `${name}：对外公开总数量 ${fmt(t)} ${ok ? '≥' : '<'} 本年新公开数量 ${fmt(p)}`, keys });
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
  return parts;
}

export default defineCheck({
  id: 'C17',
  group: 'B',
  title: '隐含上下限',
  severity: 'warning',
  scope: 'report',
  run(report) {
    if (report.template === null) return na(NO_TEMPLATE);
    const leaves = rowsOf(report.template).filter((r) => r.leaf);
    const parts = table3Bounds(report, leaves);
    if (report.template === '2019') parts.push(...table2Bounds2019(report));
    return fold(parts, 'lenient', () => '结转、各项办理结果及表二数量均在合理范围内');
  },
});
