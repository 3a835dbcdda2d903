/** C25: totals stated in section 一 (收到申请 X 件, 办结 X 件, 行政复议 X 件, 主动公开规范性文件 X 件 …) match the tables. */
import { defineCheck } from '../defineCheck';
import { type FindingPart, fmt, fold, na, naPart, NO_TEMPLATE, num, readAll, sum } from '../finding';
import { joinedProse } from '../sectionText';
import { extractStatedTotals } from '../statedTotals';

const TABLE_NAMES: Record<string, string> = {
  's3.new.total': '表三新收总计',
  's3.carried_over.total': '表三上年结转总计',
  's3.total.total': '表三办理结果总计',
  's3.carried_forward.total': '表三结转下年度总计',
  's4.review.total': '表四行政复议总计',
  's2.normative.published': '表二规范性文件本年新公开数量',
  's2.normative.issued': '表二行政规范性文件本年制发件数',
};

export default defineCheck({
  id: 'C25',
  group: 'D',
  title: '总体情况所述数字与表格一致',
  severity: 'warning',
  scope: 'report',
  run(report, { text }) {
    const comparable = extractStatedTotals(report, text).filter((s) => s.keys.length);
    if (!joinedProse(report, 1)) return na('未见第一部分（总体情况）文字');
    if (!comparable.length) return na('第一部分未陈述可与表格比对的数字');
    if (report.template === null) return na(NO_TEMPLATE);
    const parts: FindingPart[] = comparable.map((s) => {
      const where = s.line === null ? '第一部分' : `第一部分第 ${s.line} 行`;
      const said = `${where}称“${s.match}”`;
      if (s.approximate) return { label: s.label, status: 'na', evidence: `${said}为约数，不比对`, keys: s.keys };
      const { missing } = readAll(report, s.keys);
      if (missing.length) return naPart(report, said, missing, s.keys);
      const table = sum(s.keys.map((k) => num(report, k)!));
      const tableName = s.keys.length === 1 ? (TABLE_NAMES[s.keys[0]] ?? s.keys[0]) : '表四行政诉讼两组总计之和';
      const ok = table === s.value;
      const evidence = `${said}，${tableName}为 ${fmt(table)}${ok ? '' : `，相差 ${fmt(s.value - table)}`}`;
      return { label: s.label, status: ok ? 'pass' : 'fail', evidence, keys: s.keys };
    });
    return fold(parts, 'lenient', (p) => p.map((x) => x.evidence).slice(0, 3).join('；'));
  },
});
