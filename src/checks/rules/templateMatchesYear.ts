/** C02: the 2021 template from 2021 on, the 2019 template for 2020; for 2019 the template was only encouraged. */
import type { Template } from '../../parse/types';
import { defineCheck } from '../defineCheck';
import { fail, na, NO_TEMPLATE, pass } from '../finding';
import { LABELS_2019, LABELS_2021, labelsFound } from '../templateLabels';

export function expectedTemplate(year: number): Template {
  return year >= 2021 ? '2021' : '2019';
}

export default defineCheck({
  id: 'C02',
  group: 'A',
  title: '模板与年度相符',
  severity: 'error',
  scope: 'report',
  appliesTo: { fromYear: 2019 },
  run(report) {
    const { year, template } = report;
    if (year === null) return na('报告年度不详，无法判断应使用的模板');
    const severity = year >= 2020 ? 'error' : 'info';
    if (template === null) return { ...na(`${NO_TEMPLATE}，无法判断模板`), severity };
    const want = expectedTemplate(year);
    const seen = labelsFound(report, template === '2019' ? LABELS_2019 : LABELS_2021);
    const hint = seen.length ? `（见“${seen.slice(0, 2).join('”“')}”）` : '';
    if (template !== want) return { ...fail(`${year} 年报告应使用 ${want} 年模板，实为 ${template} 年模板${hint}`), severity };
    return { ...pass(`${year} 年报告使用 ${template} 年模板`), severity };
  },
});
