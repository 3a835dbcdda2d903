import { describe, expect, test } from 'vitest';
import { extractStatedTotals, runReportChecks } from '../../src/checks/index';
import { parseStatedNumber } from '../../src/checks/statedTotals';
import { buildReport, consistentFacts, get, SECTION1_LINE } from './fixtures';

describe('extractStatedTotals reads section 一 with provenance', () => {
  test('reads each stated total, its line and the table cells it should match', () => {
    const facts = consistentFacts('2021');
    const got = extractStatedTotals(buildReport());
    const byKind = Object.fromEntries(got.map((s) => [s.kind, s]));
    expect(byKind.proactive).toMatchObject({ value: 352, line: SECTION1_LINE, keys: [] });
    expect(byKind.normative).toMatchObject({ value: 6, line: SECTION1_LINE, keys: ['s2.normative.issued'] });
    expect(byKind.received).toMatchObject({ value: facts['s3.new.total'], line: SECTION1_LINE + 1, keys: ['s3.new.total'] });
    expect(byKind.carried_over).toMatchObject({ value: facts['s3.carried_over.total'], line: SECTION1_LINE + 1 });
    expect(byKind.handled).toMatchObject({ value: facts['s3.total.total'], line: SECTION1_LINE + 2 });
    expect(byKind.carried_forward).toMatchObject({ value: facts['s3.carried_forward.total'], line: SECTION1_LINE + 2 });
    expect(byKind.review).toMatchObject({ value: 7, keys: ['s4.review.total'] });
    expect(byKind.litigation).toMatchObject({ value: 6, keys: ['s4.direct.total', 's4.after_review.total'] });
  });

  test('reads 20余条 as approximate, Chinese numerals, and words broken across lines', () => {
    const r = buildReport({ prose: { s1: '主动共公开各类政府信息 20 余条。全年收到政府信息公开申\n请十二件，行政复议和行政诉讼均为0件。' } });
    const got = extractStatedTotals(r);
    expect(got.map((s) => [s.kind, s.value, s.approximate])).toEqual([
      ['proactive', 20, true],
      ['received', 12, false],
      ['review', 0, false],
      ['litigation', 0, false],
    ]);
    expect(got[1].line).toBe(SECTION1_LINE + 1);
    expect(parseStatedNumber('二百零五')).toBe(205);
    expect(parseStatedNumber('1,234')).toBe(1234);
  });

  test('with the report text, the line is found even when blank lines follow the heading', () => {
    const r = buildReport({ prose: { s1: '全年收到申请5件。\n行政复议2件。' } });
    const lines = Array.from({ length: 120 }, () => '');
    lines[2] = '一、总体情况';
    lines[5] = '全年收到申请5件。';
    lines[6] = '行政复议2件。';
    const got = extractStatedTotals(r, lines.join('\n'));
    expect(got.map((s) => s.line)).toEqual([6, 7]);
  });
});

describe('C25 totals stated in section 一 match the tables', () => {
  test('C25 passes when the stated totals equal the tables', () => {
    expect(get(runReportChecks(buildReport()), 'C25').status).toBe('pass');
  });
  test('C25 fails when section 一 says 行政复议 9 件 but table 四 totals 7', () => {
    const s1 = '全年主动公开政府信息352条。全年发生行政复议9件。';
    const f = get(runReportChecks(buildReport({ prose: { s1 } })), 'C25');
    expect(f).toMatchObject({ status: 'fail', severity: 'warning' });
    expect(f.evidence).toBe(`第一部分第 ${SECTION1_LINE} 行称“行政复议9件”，表四行政复议总计为 7，相差 2`);
  });
  test('C25 is na when section 一 states no comparable total, or the table cell is blank', () => {
    expect(get(runReportChecks(buildReport({ prose: { s1: '主动公开政府信息352条。' } })), 'C25')).toMatchObject({
      status: 'na',
      evidence: '第一部分未陈述可与表格比对的数字',
    });
    const f = get(runReportChecks(buildReport({ prose: { s1: '全年发生行政复议7件。' }, facts: { 's4.review.total': 'blank' } })), 'C25');
    expect(f.status).toBe('na');
    expect(f.evidence).toContain('行政复议 · 总计 空白');
  });
});

describe('C26 section 六 denies fees while 其他处理 2 > 0', () => {
  test('C26 passes when fees are denied and no unpaid-fee notice was counted', () => {
    expect(get(runReportChecks(buildReport()), 'C26')).toMatchObject({ status: 'pass' });
  });
  test('C26 fails when 未收取信息处理费 but 逾期未缴纳费用 totals 2', () => {
    const f = get(runReportChecks(buildReport({ facts: { 's3.other.no_fee.natural': 2, 's3.other.no_fee.total': 2 } })), 'C26');
    expect(f).toMatchObject({ status: 'fail', severity: 'warning' });
    expect(f.evidence).toBe('第六部分第 111 行称“未收取信息处理费”，但表三“逾期未按收费通知要求缴纳费用”总计为 2');
  });
  test('C26 is na when the fee row is missing; omitted for the 2019 template', () => {
    expect(get(runReportChecks(buildReport({ facts: { 's3.other.no_fee.total': 'missing' } })), 'C26').status).toBe('na');
    expect(runReportChecks(buildReport({ template: '2019' })).some((f) => f.check === 'C26')).toBe(false);
  });
});

describe('C27 "zero report" prose agrees with the table', () => {
  const zero = Object.fromEntries(
    ['natural', 'commercial', 'research', 'social', 'legal', 'other_org', 'total'].flatMap((c) => [
      [`s3.new.${c}`, 0],
      [`s3.carried_over.${c}`, 0],
    ]),
  );
  test('C27 passes when 未收到申请 and 新收 = 上年结转 = 0', () => {
    const f = get(runReportChecks(buildReport({ facts: zero, prose: { s1: '本年度未收到依申请公开事项。' } })), 'C27');
    expect(f.status).toBe('pass');
    expect(f.evidence).toBe(`第一部分第 ${SECTION1_LINE} 行称“未收到依申请”，表三新收总计 0、上年结转总计 0，一致`);
  });
  test('C27 fails when 未收到申请 but the table counts new applications', () => {
    const facts = consistentFacts('2021');
    const f = get(runReportChecks(buildReport({ prose: { s1: '本年度未收到政府信息公开申请。' } })), 'C27');
    expect(f.status).toBe('fail');
    expect(f.evidence).toContain(`表三新收总计 ${facts['s3.new.total']}、上年结转总计 ${facts['s3.carried_over.total']}`);
  });
  test('C27 is na when 未收到申请 but 新收总计 is blank', () => {
    const f = get(runReportChecks(buildReport({ facts: { ...zero, 's3.new.total': 'blank' }, prose: { s1: '本年度未收到依申请公开事项。' } })), 'C27');
    expect(f.status).toBe('na');
    expect(f.evidence).toContain('一、本年新收政府信息公开申请数量 · 总计 空白');
  });
});
