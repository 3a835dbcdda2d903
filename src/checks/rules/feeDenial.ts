/** C26 (2021 template): section 六 denies any fee, yet table 三 row 其他处理 2 (unpaid fee notices) is > 0. */
import { defineCheck } from '../defineCheck';
import { fail, fmt, na, NO_TEMPLATE, num, pass, whyMissing } from '../finding';
import { joinedProse } from '../sectionText';

const DENIES_FEE =
  /(未|没有|不|无|均未|从未)[^。；;，,]{0,6}(收取|收费|产生|发生)[^。；;]{0,8}(信息处理费|费用|费)|(未|没有|无)[^。；;]{0,4}信息处理费|不收费|未收费|无收费|零收费/;

const UNPAID = 's3.other.no_fee.total';

export default defineCheck({
  id: 'C26',
  group: 'D',
  title: '称未收费但有逾期未缴费处理',
  severity: 'warning',
  scope: 'report',
  appliesTo: { templates: ['2021', null] },
  run(report, { text }) {
    if (report.template === null) return na(NO_TEMPLATE);
    const p = joinedProse(report, 6, text);
    if (!p) return na('未见第六部分（其他需要报告的事项）');
    const m = DENIES_FEE.exec(p.text);
    if (!m) return pass('第六部分未称不收费，无矛盾', [UNPAID]);
    const line = p.lineAt(m.index);
    const said = `第六部分${line === null ? '' : `第 ${line} 行`}称“${m[0]}”`;
    const v = num(report, UNPAID);
    if (v === null) return na(`${said}；${whyMissing(report, UNPAID)}，无法核对`, [UNPAID]);
    if (v > 0) return fail(`${said}，但表三“逾期未按收费通知要求缴纳费用”总计为 ${fmt(v)}`, [UNPAID]);
    return pass(`${said}，表三“逾期未按收费通知要求缴纳费用”总计为 0`, [UNPAID]);
  },
});
