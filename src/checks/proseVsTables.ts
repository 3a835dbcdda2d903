/**
 * C25–C27: what the prose says against what the tables say.
 */
import type { ParsedReport } from '../parse/types';
import { type CheckFinding, finding, fmt, fold, type FindingPart, NO_TEMPLATE, naPart, num, readAll, sum, whyMissing } from './finding';
import { joinedProse } from './sectionText';
import { extractStatedTotals } from './statedTotals';

/** C25: totals stated in section 一 match the tables. */
export function checkStatedTotals(report: ParsedReport, sourceText?: string | null): CheckFinding {
  const stated = extractStatedTotals(report, sourceText);
  const comparable = stated.filter((s) => s.keys.length);
  if (!joinedProse(report, 1)) return finding('C25', 'na', 'warning', '未见第一部分（总体情况）文字');
  if (!comparable.length) return finding('C25', 'na', 'warning', '第一部分未陈述可与表格比对的数字');
  if (report.template === null) return finding('C25', 'na', 'warning', NO_TEMPLATE);
  const parts: FindingPart[] = comparable.map((s) => {
    const where = s.line === null ? '第一部分' : `第一部分第 ${s.line} 行`;
    const said = `${where}称“${s.match}”`;
    if (s.approximate) return { label: s.label, status: 'na', evidence: `${said}为约数，不比对`, keys: s.keys };
    const { missing } = readAll(report, s.keys);
    if (missing.length) return naPart(report, said, missing, s.keys);
    const table = sum(s.keys.map((k) => num(report, k)!));
    const tableName = s.keys.length === 1 ? tableLabel(s.keys[0]) : '表四行政诉讼两组总计之和';
    const ok = table === s.value;
    return {
      label: s.label,
      status: ok ? 'pass' : 'fail',
      evidence: `${said}，${tableName}为 ${fmt(table)}${ok ? '' : `，相差 ${fmt(s.value - table)}`}`,
      keys: s.keys,
    };
  });
  return fold('C25', 'warning', parts, 'lenient', (p) => p.map((x) => x.evidence).slice(0, 3).join('；'));
}

function tableLabel(key: string): string {
  const names: Record<string, string> = {
    's3.new.total': '表三新收总计',
    's3.carried_over.total': '表三上年结转总计',
    's3.total.total': '表三办理结果总计',
    's3.carried_forward.total': '表三结转下年度总计',
    's4.review.total': '表四行政复议总计',
    's2.normative.published': '表二规范性文件本年新公开数量',
    's2.normative.issued': '表二行政规范性文件本年制发件数',
  };
  return names[key] ?? key;
}

const DENIES_FEE =
  /(未|没有|不|无|均未|从未)[^。；;，,]{0,6}(收取|收费|产生|发生)[^。；;]{0,8}(信息处理费|费用|费)|(未|没有|无)[^。；;]{0,4}信息处理费|不收费|未收费|无收费|零收费/;

/** C26 (2021 template): section 六 denies any fee while 其他处理 2 (unpaid fee notices) is > 0. */
export function checkFeeDenial(report: ParsedReport, sourceText?: string | null): CheckFinding | null {
  if (report.template === '2019') return null;
  if (report.template === null) return finding('C26', 'na', 'warning', NO_TEMPLATE);
  const p = joinedProse(report, 6, sourceText);
  if (!p) return finding('C26', 'na', 'warning', '未见第六部分（其他需要报告的事项）');
  const m = DENIES_FEE.exec(p.text);
  const key = 's3.other.no_fee.total';
  if (!m) return finding('C26', 'pass', 'warning', '第六部分未称不收费，无矛盾', [key]);
  const line = p.lineAt(m.index);
  const said = `第六部分${line === null ? '' : `第 ${line} 行`}称“${m[0]}”`;
  const v = num(report, key);
  if (v === null) return finding('C26', 'na', 'warning', `${said}；${whyMissing(report, key)}，无法核对`, [key]);
  if (v > 0) {
    return finding('C26', 'fail', 'warning', `${said}，但表三“逾期未按收费通知要求缴纳费用”总计为 ${fmt(v)}`, [key]);
  }
  return finding('C26', 'pass', 'warning', `${said}，表三“逾期未按收费通知要求缴纳费用”总计为 0`, [key]);
}

const ZERO_CLAIM =
  /(未|没有|无)(收到|受理|接到|发生)[^。；;，,]{0,12}申请|(依申请公开|公开申请)[^。；;，,]{0,8}(为|共)?\s*(0|零)\s*件|无依申请公开/;

/** C27: "zero report" prose (未收到…申请) agrees with 新收 = 上年结转 = 0. */
export function checkZeroClaim(report: ParsedReport, sourceText?: string | null): CheckFinding {
  const p = joinedProse(report, 1, sourceText);
  if (!p) return finding('C27', 'na', 'warning', '未见第一部分（总体情况）文字');
  const m = ZERO_CLAIM.exec(p.text);
  const keys = ['s3.new.total', 's3.carried_over.total'];
  if (!m) return finding('C27', 'pass', 'warning', '第一部分未称未收到申请，无需比对', keys);
  const line = p.lineAt(m.index);
  const said = `第一部分${line === null ? '' : `第 ${line} 行`}称“${m[0]}”`;
  if (report.template === null) return finding('C27', 'na', 'warning', `${said}；${NO_TEMPLATE}`, keys);
  const { missing } = readAll(report, keys);
  if (missing.length) return finding('C27', 'na', 'warning', `${said}；${missing.map((k) => whyMissing(report, k)).join('、')}，无法核对`, keys);
  const [n, co] = keys.map((k) => num(report, k)!);
  const ok = n === 0 && co === 0;
  return finding(
    'C27',
    ok ? 'pass' : 'fail',
    'warning',
    `${said}，表三新收总计 ${fmt(n)}、上年结转总计 ${fmt(co)}${ok ? '，一致' : ''}`,
    keys,
  );
}
