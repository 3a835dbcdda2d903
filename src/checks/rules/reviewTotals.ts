/** C15: each group of table 四, 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
import { S4_COLS, S4_GROUPS, s4Key } from '../../parse/factKeys';
import { defineCheck } from '../defineCheck';
import { type FindingPart, fmt, fold, na, naPart, NO_TEMPLATE, num, readAll, same, sum } from '../finding';

export default defineCheck({
  id: 'C15',
  group: 'B',
  title: '复议诉讼总计=各结果之和',
  severity: 'error',
  scope: 'report',
  run(report) {
    if (report.template === null) return na(NO_TEMPLATE);
    const parts: FindingPart[] = S4_GROUPS.map(({ group, label }) => {
      const items = S4_COLS.filter((c) => c.col !== 'total').map((c) => s4Key(group, c.col));
      const totalKey = s4Key(group, 'total');
      const keys = [...items, totalKey];
      const { missing } = readAll(report, keys);
      if (missing.length) return naPart(report, label, missing, keys);
      const [m, c, o, p] = items.map((k) => num(report, k)!);
      const s = sum([m, c, o, p]);
      const t = num(report, totalKey)!;
      const ok = same(s, t);
      const text = `${label}：维持 ${fmt(m)} + 纠正 ${fmt(c)} + 其他 ${fmt(o)} + 尚未审结 ${fmt(p)} = ${fmt(s)} ${ok ? '=' : '≠'} 总计 ${fmt(t)}`;
      return { label, status: ok ? 'pass' : 'fail', evidence: text, keys };
    });
    return fold(parts, 'strict', (p) => `${p.length} 组的总计均等于各结果之和`);
  },
});
