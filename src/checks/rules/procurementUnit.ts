/** C10 (2019 template): the procurement amount states its unit (元 / 万元); it is normalised to 万元, the raw text kept. */
import { defineCheck } from '../defineCheck';
import { fail, fmt, na, NO_TEMPLATE, num, pass, whyMissing } from '../finding';

const PROCUREMENT = 's2.procurement.amount';

export default defineCheck({
  id: 'C10',
  group: 'A',
  title: '采购金额注明单位',
  severity: 'warning',
  scope: 'report',
  appliesTo: { templates: ['2019', null] },
  run(report) {
    if (report.template === null) return na(NO_TEMPLATE);
    const a = report.procurementAmount;
    const value = a?.value ?? num(report, PROCUREMENT);
    if (value === null) return na(whyMissing(report, PROCUREMENT), [PROCUREMENT]);
    const raw = a?.raw || fmt(value);
    if (!a || a.unitUnknown || a.unit === null) {
      if (value === 0) return pass('采购总金额为 0，无需单位', [PROCUREMENT]);
      return fail(`采购总金额“${raw}”未注明单位（元或万元），按万元计为 ${fmt(value)} 万元`, [PROCUREMENT]);
    }
    const converted = a.unit === '元' ? `，折合 ${fmt(value)} 万元` : '';
    return pass(`采购总金额“${raw}”注明单位${a.unit}${converted}`, [PROCUREMENT]);
  },
});
