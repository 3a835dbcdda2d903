/** C20 (2019 template, e.g. 2019→2020): 上一年项目数量(Y) = 上一年项目数量(Y−1) + 本年增/减(Y−1). */
import { defineCheck } from '../defineCheck';
import { type FindingPart, fmt, fold, na, num } from '../finding';
import { earlierMissing } from '../history';

const STOCK_ROWS = [
  { row: 'licensing', label: '行政许可' },
  { row: 'other_services', label: '其他对外管理服务事项' },
  { row: 'punishment', label: '行政处罚' },
  { row: 'enforcement', label: '行政强制' },
  { row: 'fees', label: '行政事业性收费' },
] as const;

export default defineCheck({
  id: 'C20',
  group: 'C',
  title: '上一年项目数量逐年衔接',
  severity: 'warning',
  scope: 'crossYear',
  against: 'yearBefore',
  appliesTo: { templates: ['2019'] },
  run(report, last) {
    if (last.template !== '2019') return na(`上年报告为 ${last.template ?? '无'} 模板，没有上一年项目数量`);
    const parts: FindingPart[] = STOCK_ROWS.map(({ row, label }) => {
      const key = `s2.${row}.prev` as const;
      const now = num(report, key);
      if (now === null) return { label, status: 'na', evidence: `${label}：本年上一年项目数量无数值`, keys: [key] };
      const before = num(last, key);
      const delta = num(last, `s2.${row}.delta` as const);
      if (before === null || delta === null) return earlierMissing(last, `${label}上一年项目数量或本年增/减`, label, [key]);
      const want = before + delta;
      const ok = now === want;
      const evidence = `${label}：上年报告 ${fmt(before)} + 增减 ${fmt(delta)} = ${fmt(want)} ${ok ? '=' : '≠'} 本年上一年项目数量 ${fmt(now)}`;
      return { label, status: ok ? 'pass' : 'fail', evidence, keys: [key] };
    });
    return fold(parts, 'strict', () => '上一年项目数量逐年衔接');
  },
});
