/** C09: section 六 says whether 信息处理费 (processing fees) were charged — required from 2021. */
import { defineCheck } from '../defineCheck';
import { fail, na, pass } from '../finding';
import { joinedProse, quote } from '../sectionText';

const FEE = /信息处理费|处理费|收费|收取[^。；]{0,8}费|费用/;

export default defineCheck({
  id: 'C09',
  group: 'A',
  title: '说明是否收取信息处理费',
  severity: 'warning',
  scope: 'report',
  appliesTo: { fromYear: 2021 },
  run(report, { text }) {
    if (report.year === null) return na('报告年度不详');
    const p = joinedProse(report, 6, text);
    if (!p) return na('未见第六部分（其他需要报告的事项）');
    const m = FEE.exec(p.text);
    if (!m) return fail(`第六部分写作“${quote(p.text) || '（空）'}”，未说明是否收取信息处理费`);
    const line = p.lineAt(m.index);
    const at = line === null ? '' : `第 ${line} 行：`;
    const from = Math.max(0, m.index - 10);
    return pass(`第六部分说明了收费情况（${at}“${quote(p.text.slice(from), 30)}”）`);
  },
});
