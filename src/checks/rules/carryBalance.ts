/** C12: per column of table 三, 新收 + 上年结转 = （七）总计 + 结转下年度 (the rule printed above the table). */
import { S3_COLS } from '../../parse/factKeys';
import { defineCheck } from '../defineCheck';
import { type FindingPart, fmt, fold, na, naPart, NO_TEMPLATE, num, readAll, same } from '../finding';
import { k3 } from '../tableCells';

export default defineCheck({
  id: 'C12',
  group: 'B',
  title: '新收+上年结转=总计+结转下年度',
  severity: 'error',
  scope: 'report',
  run(report) {
    if (report.template === null) return na(NO_TEMPLATE);
    const parts: FindingPart[] = S3_COLS.map(({ col, label }) => {
      const keys = (['new', 'carried_over', 'total', 'carried_forward'] as const).map((r) => k3(r, col));
      const { missing } = readAll(report, keys);
      const name = `${label}列`;
      if (missing.length) return naPart(report, name, missing, keys);
      const [n, co, t, cf] = keys.map((k) => num(report, k)!);
      const left = n + co;
      const right = t + cf;
      const ok = same(left, right);
      const text = `${name}：新收 ${fmt(n)} + 上年结转 ${fmt(co)} = ${fmt(left)} ${ok ? '=' : '≠'} 总计 ${fmt(t)} + 结转 ${fmt(cf)} = ${fmt(right)}`;
      return { label: name, status: ok ? 'pass' : 'fail', evidence: text, keys };
    });
    return fold(parts, 'strict', (p) => `${p.length} 列均满足 新收 + 上年结转 = 总计 + 结转下年度`);
  },
});
