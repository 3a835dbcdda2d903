import { describe, expect, test } from 'vitest';
import { runReportChecks } from '../../src/checks/index';
import { buildReport, get } from './fixtures';

const check = (id: string, ...args: Parameters<typeof buildReport>) => get(runReportChecks(buildReport(...args)), id);

describe('C01 six sections present and in order', () => {
  test('C01 passes when 一 to 六 appear in order', () => {
    expect(check('C01')).toMatchObject({ status: 'pass' });
  });
  test('C01 fails as error when section 三 is missing', () => {
    const f = check('C01', { sections: [1, 2, 4, 5, 6] });
    expect(f).toMatchObject({ status: 'fail', severity: 'error' });
    expect(f.evidence).toContain('缺第三部分');
  });
  test('C01 fails as warning when only section 六 is missing, or 五 comes before 四', () => {
    expect(check('C01', { sections: [1, 2, 3, 4, 5] })).toMatchObject({ status: 'fail', severity: 'warning', evidence: '缺第六部分' });
    const swapped = check('C01', { sections: [1, 2, 3, 5, 4, 6] });
    expect(swapped).toMatchObject({ status: 'fail', severity: 'warning' });
    expect(swapped.evidence).toContain('第四部分出现在第五部分之后');
  });
  test('C01 is not assessable for a 2018 report (no template yet)', () => {
    expect(check('C01', { template: null, year: 2018 })).toMatchObject({ status: 'na' });
  });
});

describe('C02 template matches the year', () => {
  test('C02 passes for a 2021 report on the 2021 template', () => {
    expect(check('C02', { template: '2021', year: 2021 })).toMatchObject({ status: 'pass', severity: 'error' });
  });
  test('C02 fails as error for a 2022 report on the 2019 template, info for 2019 on the 2021 template', () => {
    const f = check('C02', { template: '2019', year: 2022 });
    expect(f).toMatchObject({ status: 'fail', severity: 'error' });
    expect(f.evidence).toContain('2022 年报告应使用 2021 年模板，实为 2019 年模板');
    expect(check('C02', { template: '2021', year: 2019 })).toMatchObject({ status: 'fail', severity: 'info' });
  });
  test('C02 is na without template tables and omitted before 2019', () => {
    expect(check('C02', { template: null, year: 2021 })).toMatchObject({ status: 'na', evidence: '无模板表格，无法判断模板' });
    expect(runReportChecks(buildReport({ template: null, year: 2017 })).some((f) => f.check === 'C02')).toBe(false);
  });
});

describe('C03 no 2019-template labels from 2021 on', () => {
  test('C03 passes for 2021 labels only', () => {
    expect(check('C03', { year: 2022 })).toMatchObject({ status: 'pass' });
  });
  test('C03 fails when a 2022 report still prints 本年增/减 and 政府集中采购', () => {
    const f = check('C03', { year: 2022, templateLabels: ['本年制发件数', '本年增／减', '政府集中采购'] });
    expect(f).toMatchObject({ status: 'fail', severity: 'error' });
    expect(f.evidence).toBe('2022 年报告仍含 2019 年模板栏目：本年增/减、政府集中采购');
  });
  test('C03 is na with no tables, omitted for 2020', () => {
    expect(check('C03', { template: null, year: 2021, templateLabels: [] })).toMatchObject({ status: 'na' });
    expect(runReportChecks(buildReport({ template: '2019', year: 2020 })).some((f) => f.check === 'C03')).toBe(false);
  });
});

describe('C04–C06 tables complete', () => {
  const missingRows = (rows: string[]) =>
    Object.fromEntries(rows.flatMap((r) => ['natural', 'commercial', 'research', 'social', 'legal', 'other_org', 'total'].map((c) => [`s3.${r}.${c}`, 'missing' as const])));

  test('C04 passes with 25 rows; a row with only 总计 printed still counts as present', () => {
    expect(check('C04')).toMatchObject({ status: 'pass', evidence: '表三 25 行齐全' });
    const f = check('C04', { facts: { 's3.granted.natural': 'missing', 's3.granted.commercial': 'missing' } });
    expect(f.status).toBe('pass');
    expect(f.evidence).toContain('（一）予以公开缺 2 列');
  });
  test('C04 fails when table 三 stops after 无法提供 1 (rows from 无法提供 2 on missing)', () => {
    const f = check('C04', { facts: missingRows(['unable.needs_creation', 'carried_forward', 'total']) });
    expect(f).toMatchObject({ status: 'fail', severity: 'error' });
    expect(f.evidence).toContain('表三应有 25 行 × 7 列，缺 3 行');
    expect(f.evidence).toContain('（七）总计');
    expect(f.keys).toContain('s3.carried_forward.total');
  });
  test('C04, C05, C06 are na without template tables', () => {
    for (const id of ['C04', 'C05', 'C06']) expect(check(id, { template: null })).toMatchObject({ status: 'na', evidence: '无模板表格' });
  });
  test('C05 passes with 15 values and fails when 复议后起诉 总计 is missing', () => {
    expect(check('C05')).toMatchObject({ status: 'pass' });
    expect(check('C05', { facts: { 's4.after_review.total': 'missing' } })).toMatchObject({
      status: 'fail',
      evidence: '表四应有 15 项，缺 1 项',
      keys: ['s4.after_review.total'],
    });
  });
  test('C06 passes with 22 cells (2019) and fails when 行政事业性收费 is missing in a 2021 report', () => {
    expect(check('C06', { template: '2019' })).toMatchObject({ status: 'pass', evidence: '表二 22 格齐全' });
    expect(check('C06', { facts: { 's2.fees.amount': 'missing' } })).toMatchObject({
      status: 'fail',
      evidence: '表二应有 10 格，缺 1 格（行政事业性收费）',
    });
  });
});

describe('C07–C09 prose sections', () => {
  test('C07 passes when section 一 covers the five topics', () => {
    expect(check('C07')).toMatchObject({ status: 'pass' });
  });
  test('C07 fails naming the topics section 一 leaves out', () => {
    const f = check('C07', { prose: { s1: '本年度主动公开政府信息120条，完善政府网站专栏。' } });
    expect(f).toMatchObject({ status: 'fail', severity: 'warning', evidence: '第一部分未涉及：依申请公开、政府信息管理、监督保障' });
  });
  test('C07 is na without section 一', () => {
    expect(check('C07', { sections: [2, 3, 4, 5, 6] })).toMatchObject({ status: 'na' });
  });
  test('C08 passes for problems and measures, fails for 无 and for measures only', () => {
    expect(check('C08')).toMatchObject({ status: 'pass' });
    expect(check('C08', { prose: { s5: '无。' } })).toMatchObject({ status: 'fail', evidence: '第五部分仅写“无”，未说明问题和改进措施' });
    expect(check('C08', { prose: { s5: '下一步将加强学习，提升公开质量。' } }).evidence).toContain('未写明存在的问题');
  });
  test('C08 is na without section 五', () => {
    expect(check('C08', { sections: [1, 2, 3, 4, 6] })).toMatchObject({ status: 'na' });
  });
  test('C09 passes when section 六 states no 信息处理费 was charged', () => {
    const f = check('C09');
    expect(f.status).toBe('pass');
    expect(f.evidence).toContain('第 111 行');
  });
  test('C09 fails when section 六 says only 无', () => {
    expect(check('C09', { prose: { s6: '无。' } })).toMatchObject({ status: 'fail', severity: 'warning', evidence: '第六部分写作“无。”，未说明是否收取信息处理费' });
  });
  test('C09 is na without section 六 and omitted for 2020', () => {
    expect(check('C09', { sections: [1, 2, 3, 4, 5] })).toMatchObject({ status: 'na' });
    expect(runReportChecks(buildReport({ template: '2019', year: 2020 })).some((f) => f.check === 'C09')).toBe(false);
  });
});

describe('C10–C11 amounts', () => {
  test('C10 passes when the procurement amount says 万元, and for an amount of 0 without unit', () => {
    expect(check('C10', { template: '2019' })).toMatchObject({ status: 'pass', evidence: '采购总金额“190”注明单位万元' });
    expect(check('C10', { template: '2019', procurementUnit: null, facts: { 's2.procurement.amount': 0, 's2.procurement.count': 0 } })).toMatchObject({ status: 'pass' });
  });
  test('C10 fails when 采购总金额 190 states no unit', () => {
    expect(check('C10', { template: '2019', procurementUnit: null })).toMatchObject({
      status: 'fail',
      evidence: '采购总金额“190”未注明单位（元或万元），按万元计为 190 万元',
    });
  });
  test('C10 is na when the amount is blank; omitted for the 2021 template', () => {
    expect(check('C10', { template: '2019', facts: { 's2.procurement.amount': 'blank' } })).toMatchObject({
      status: 'na',
      evidence: '政府集中采购 · 采购总金额 空白',
    });
    expect(runReportChecks(buildReport({ template: '2021' })).some((f) => f.check === 'C10')).toBe(false);
  });
  test('C11 on one report: 0 passes, 350000 万元 fails, 3.5 万元 needs peers (na), blank is na', () => {
    expect(check('C11', { facts: { 's2.fees.amount': 0 } })).toMatchObject({ status: 'pass' });
    expect(check('C11', { facts: { 's2.fees.amount': 350000 } })).toMatchObject({ status: 'fail', severity: 'info' });
    expect(check('C11')).toMatchObject({ status: 'na' });
    expect(check('C11', { facts: { 's2.fees.amount': 'blank' } }).evidence).toBe('行政事业性收费 · 本年收费金额 空白');
  });
});

describe('text cut off before the end', () => {
  /** sections 一 and 二 found, the text ending inside table 二 */
  const cut = () => {
    const r = buildReport({ sections: [1, 2] });
    r.sections[1].endLine = r.lineCount;
    return r;
  };
  test('C01 is na, not fail, when the text stops in section 二 (later sections may exist)', () => {
    expect(get(runReportChecks(cut()), 'C01')).toMatchObject({
      status: 'na',
      evidence: '文本在第二部分中断（可能不完整），未见第三、四、五、六部分，无法判断',
    });
  });
  test('C04 is na when the text stops inside table 三, but fails when section 四 follows the short table', () => {
    const rows = ['total', 'carried_forward'];
    const facts = Object.fromEntries(rows.flatMap((r) => ['natural', 'commercial', 'research', 'social', 'legal', 'other_org', 'total'].map((c) => [`s3.${r}.${c}`, 'missing' as const])));
    const r = buildReport({ sections: [1, 2, 3], facts });
    r.sections[2].endLine = r.lineCount;
    expect(get(runReportChecks(r), 'C04')).toMatchObject({ status: 'na', evidence: '文本在第三部分中断（可能不完整），表三缺 2 行，无法判断' });
    expect(get(runReportChecks(buildReport({ facts })), 'C04').status).toBe('fail');
  });
  test('a middle section missing before the cut still fails C01', () => {
    const r = buildReport({ sections: [1, 3] });
    r.sections[1].endLine = r.lineCount;
    expect(get(runReportChecks(r), 'C01')).toMatchObject({ status: 'fail', evidence: '缺第二部分' });
  });
});
