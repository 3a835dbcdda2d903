/**
 * C14: per column of table 三, （七）总计 = the sum of the leaf rows 予以公开 …
 * 其他处理 (19 leaves in 2019, 21 in 2021; there are no subtotal rows).
 */
import { S3_COLS } from '../../parse/factKeys';
import { defineCheck } from '../defineCheck';
import { type FindingPart, fmt, fold, na, naPart, NO_TEMPLATE, num, readAll, same, sum } from '../finding';
import { k3, rowsOf } from '../tableCells';

export default defineCheck({
  id: 'C14',
  group: 'B',
  title: '办理结果总计=各项之和',
  severity: 'error',
  scope: 'report',
  run(report) {
    if (report.template === null) return na(NO_TEMPLATE);
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
      return { label: name, status: ok ? 'pass' : 'fail', evidence: `${name}：${leaves.length} 项办理结果之和 ${fmt(s)} ${ok ? '=' : '≠'} （七）总计 ${fmt(t)}`, keys };
    });
    return fold(parts, 'strict', (p) => `${p.length} 列的总计均等于 ${leaves.length} 项办理结果之和`);
  },
});
