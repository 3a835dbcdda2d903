/** C18: this year's 上年结转 = last year's 结转下年度, per column of table 三. */
import { S3_COLS } from '../../parse/factKeys';
import { defineCheck } from '../defineCheck';
import { type FindingPart, fmt, fold, na, num } from '../finding';
import { earlierMissing } from '../history';

export default defineCheck({
  id: 'C18',
  group: 'C',
  title: '上年结转=上年报告结转下年度',
  severity: 'warning',
  scope: 'crossYear',
  against: 'yearBefore',
  run(report, last) {
    if (report.template === null || last.template === null) return na(`${report.template === null ? '本年' : '上年'}报告无模板表格`);
    const parts: FindingPart[] = S3_COLS.map(({ col, label }) => {
      const a = num(report, `s3.carried_over.${col}`);
      const b = num(last, `s3.carried_forward.${col}`);
      const keys = [`s3.carried_over.${col}`];
      const name = `${label}列`;
      if (a === null) return { label: name, status: 'na', evidence: `${name}：本年上年结转无数值`, keys };
      if (b === null) return earlierMissing(last, `结转下年度 · ${label}`, name, keys);
      const ok = a === b;
      return { label: name, status: ok ? 'pass' : 'fail', evidence: `${name}：本年上年结转 ${fmt(a)} ${ok ? '=' : '≠'} 上年结转下年度 ${fmt(b)}`, keys };
    });
    return fold(parts, 'strict', (p) => `${p.length} 列的上年结转均等于上年报告的结转下年度`);
  },
});
