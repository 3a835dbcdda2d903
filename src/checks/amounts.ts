/**
 * C10–C11: money in table 二. The 2019 template's procurement amount must say
 * whether it is 元 or 万元; the 2021 template's 本年收费金额 is in 万元, and a
 * figure written in 元 shows as an outlier thousands of times too large.
 */
import type { ParsedReport } from '../parse/types';
import { type CheckFinding, finding, fmt, NO_TEMPLATE, num, whyMissing } from './finding';

const PROCUREMENT = 's2.procurement.amount';
export const FEE_AMOUNT = 's2.fees.amount';

/** C10 (2019 template): the procurement amount states its unit. Omitted for the 2021 template. */
export function checkProcurementUnit(report: ParsedReport): CheckFinding | null {
  if (report.template === '2021') return null;
  if (report.template === null) return finding('C10', 'na', 'warning', NO_TEMPLATE);
  const a = report.procurementAmount;
  const value = a?.value ?? num(report, PROCUREMENT);
  if (value === null) return finding('C10', 'na', 'warning', whyMissing(report, PROCUREMENT), [PROCUREMENT]);
  const raw = a?.raw || fmt(value);
  if (!a || a.unitUnknown || a.unit === null) {
    if (value === 0) return finding('C10', 'pass', 'warning', '采购总金额为 0，无需单位', [PROCUREMENT]);
    return finding('C10', 'fail', 'warning', `采购总金额“${raw}”未注明单位（元或万元），按万元计为 ${fmt(value)} 万元`, [PROCUREMENT]);
  }
  const converted = a.unit === '元' ? `，折合 ${fmt(value)} 万元` : '';
  return finding('C10', 'pass', 'warning', `采购总金额“${raw}”注明单位${a.unit}${converted}`, [PROCUREMENT]);
}

/** Above this (10 亿元) a single organ's fee income in 万元 is not credible on its own. */
export const FEE_ABSURD_WAN = 100_000;

/**
 * C11 on one report (2021 template): without the organ's history or peers only an
 * absurd figure can be judged; otherwise na until the collection check runs.
 */
export function checkFeeUnitSingle(report: ParsedReport): CheckFinding | null {
  if (report.template === '2019') return null;
  if (report.template === null) return finding('C11', 'na', 'info', NO_TEMPLATE);
  const v = num(report, FEE_AMOUNT);
  if (v === null) return finding('C11', 'na', 'info', whyMissing(report, FEE_AMOUNT), [FEE_AMOUNT]);
  if (v === 0) return finding('C11', 'pass', 'info', '本年收费金额为 0 万元', [FEE_AMOUNT]);
  if (v >= FEE_ABSURD_WAN) {
    return finding('C11', 'fail', 'info', `本年收费金额 ${fmt(v)} 万元（即 ${fmt(v / 10000)} 亿元），疑似以元填入万元栏`, [FEE_AMOUNT]);
  }
  return finding('C11', 'na', 'info', `本年收费金额 ${fmt(v)} 万元，需与本机关历年及同级机关比较`, [FEE_AMOUNT]);
}
