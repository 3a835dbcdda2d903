/** C13: every row of table 三, 总计 = the sum of the six applicant columns. */
import { defineCheck } from '../defineCheck';
import { type FindingPart, fmt, fold, na, naPart, NO_TEMPLATE, num, readAll, same, sum } from '../finding';
import { APPLICANTS, k3, rowName, rowsOf } from '../tableCells';

export default defineCheck({
  id: 'C13',
  group: 'B',
  title: '各行总计=六类申请人之和',
  severity: 'error',
  scope: 'report',
  run(report) {
    if (report.template === null) return na(NO_TEMPLATE);
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
      return { label: name, status: ok ? 'pass' : 'fail', evidence: `${name}：${vals.map(fmt).join(' + ')} = ${fmt(s)} ${ok ? '=' : '≠'} 总计 ${fmt(t)}`, keys };
    });
    return fold(parts, 'strict', (p) => `${p.length} 行的总计均等于六类申请人之和`);
  },
});
