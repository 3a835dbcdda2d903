/** C03: no 2019-template labels in a report for 2021 or later. */
import { defineCheck } from '../defineCheck';
import { fail, na, NO_TEMPLATE, pass } from '../finding';
import { LABELS_2019, labelsFound } from '../templateLabels';

export default defineCheck({
  id: 'C03',
  group: 'A',
  title: '2021年后报告不含旧模板栏目',
  severity: 'error',
  scope: 'report',
  appliesTo: { fromYear: 2021 },
  run(report) {
    if (report.year === null) return na('报告年度不详');
    const old = labelsFound(report, LABELS_2019);
    if (old.length) return fail(`${report.year} 年报告仍含 2019 年模板栏目：${old.join('、')}`);
    if (report.template === null && report.templateLabels.length === 0) return na(NO_TEMPLATE);
    return pass('未见 2019 年模板栏目');
  },
});
