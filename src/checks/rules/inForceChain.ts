/** C19 (2021 template): 现行有效(Y) = 现行有效(Y−1) + 制发(Y) − 废止(Y), for 规章 and 行政规范性文件. */
import type { FactKey } from '../../parse/factKeys';
import { defineCheck } from '../defineCheck';
import { type FindingPart, fmt, fold, na, num, readAll } from '../finding';
import { earlierMissing } from '../history';

export default defineCheck({
  id: 'C19',
  group: 'C',
  title: '现行有效件数逐年衔接',
  severity: 'warning',
  scope: 'crossYear',
  against: 'yearBefore',
  appliesTo: { templates: ['2021'] },
  run(report, last) {
    if (last.template !== '2021') return na(`上年报告为 ${last.template ?? '无'} 模板，没有现行有效件数`);
    const parts: FindingPart[] = (['rules', 'normative'] as const).map((row) => {
      const name = row === 'rules' ? '规章' : '行政规范性文件';
      const keys: FactKey[] = [`s2.${row}.in_force`, `s2.${row}.issued`, `s2.${row}.repealed`];
      const { missing } = readAll(report, keys);
      if (missing.length) return { label: name, status: 'na', evidence: `${name}：本年 ${missing.length} 格无数值`, keys };
      const before = num(last, `s2.${row}.in_force`);
      if (before === null) return earlierMissing(last, `${name}现行有效件数`, name, keys);
      const [now, issued, repealed] = keys.map((k) => num(report, k)!);
      const want = before + issued - repealed;
      const ok = now === want;
      const evidence = `${name}：上年现行有效 ${fmt(before)} + 制发 ${fmt(issued)} − 废止 ${fmt(repealed)} = ${fmt(want)} ${ok ? '=' : '≠'} 本年现行有效 ${fmt(now)}`;
      return { label: name, status: ok ? 'pass' : 'fail', evidence, keys };
    });
    return fold(parts, 'strict', () => '规章、行政规范性文件现行有效件数逐年衔接');
  },
});
