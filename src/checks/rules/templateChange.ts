/** C21: the template changed between Y−1 and Y — table 二 stock figures are not comparable; trend lines break here. */
import { defineCheck } from '../defineCheck';
import { fail, na, pass } from '../finding';

export default defineCheck({
  id: 'C21',
  group: 'C',
  title: '模板变更，存量数据不可比',
  severity: 'info',
  scope: 'crossYear',
  against: 'yearBefore',
  run(report, last) {
    const [a, b] = [last.template, report.template];
    if (a === null || b === null) return na(`${a === null ? '上年' : '本年'}报告无模板表格`);
    if (a !== b) return fail(`模板由 ${a} 年版改为 ${b} 年版，表二存量数据不可比，趋势在此断开`);
    return pass(`两年均为 ${b} 年模板`);
  },
});
