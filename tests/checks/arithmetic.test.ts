import { describe, expect, test } from 'vitest';
import type { CheckFinding } from '../../src/checks/index';
import { runReportChecks } from '../../src/checks/index';
import { cellEntries, type Template } from '../../src/parse/types';
import { ARITHMETIC, buildReport, consistentFacts, failed, get } from './fixtures';

const TEMPLATES: Template[] = ['2019', '2021'];

describe.each(TEMPLATES)('a consistent %s-template report', (template) => {
  test('passes every arithmetic check C12–C17', () => {
    const findings = runReportChecks(buildReport({ template }));
    for (const id of ARITHMETIC) expect(get(findings, id).status, id).toBe('pass');
  });

  test('+1 on 新收总计 fails exactly C12 and C13 among C12–C17', () => {
    const f = consistentFacts(template);
    const findings = runReportChecks(buildReport({ template, facts: { 's3.new.total': f['s3.new.total'] + 1 } }));
    expect(failed(findings, ARITHMETIC)).toEqual(['C12', 'C13']);
  });

  test('+1 on 予以公开·自然人 fails exactly C13 and C14', () => {
    const f = consistentFacts(template);
    const findings = runReportChecks(buildReport({ template, facts: { 's3.granted.natural': f['s3.granted.natural'] + 1 } }));
    expect(failed(findings, ARITHMETIC)).toEqual(['C13', 'C14']);
  });

  test('+1 on 行政复议·结果维持 fails exactly C15', () => {
    const f = consistentFacts(template);
    const findings = runReportChecks(buildReport({ template, facts: { 's4.review.maintained': f['s4.review.maintained'] + 1 } }));
    expect(failed(findings, ARITHMETIC)).toEqual(['C15']);
  });
});

describe('C12 新收 + 上年结转 = 总计 + 结转下年度', () => {
  test('C12 fails when 新收+上年结转 differs from 总计+结转下年 (自然人列 821+18 vs 767+71)', () => {
    const facts = { 's3.new.natural': 821, 's3.carried_over.natural': 18, 's3.total.natural': 767, 's3.carried_forward.natural': 71 };
    const f = get(runReportChecks(buildReport({ facts })), 'C12') as CheckFinding;
    expect(f).toMatchObject({ status: 'fail', severity: 'error' });
    expect(f.evidence).toBe('自然人列：新收 821 + 上年结转 18 = 839 ≠ 总计 767 + 结转 71 = 838');
    expect(f.keys).toEqual(['s3.new.natural', 's3.carried_over.natural', 's3.total.natural', 's3.carried_forward.natural']);
  });
  test('C12 is na when 结转下年度 总计 is blank, naming the cell; never read as 0', () => {
    const f = get(runReportChecks(buildReport({ facts: { 's3.carried_forward.total': 'blank' } })), 'C12') as CheckFinding;
    expect(f.status).toBe('na');
    expect(f.evidence).toContain('四、结转下年度继续办理 · 总计 空白');
    expect(f.parts?.filter((p) => p.status === 'pass')).toHaveLength(6);
  });
});

describe('C13 总计 = six applicant columns', () => {
  test('C13 fails with the row sum and the printed 总计', () => {
    const f = get(runReportChecks(buildReport({ template: '2019', facts: { 's3.partial.total': 40 } })), 'C13');
    expect(f.status).toBe('fail');
    const facts = consistentFacts('2019');
    const cells = ['natural', 'commercial', 'research', 'social', 'legal', 'other_org'].map((c) => facts[`s3.partial.${c}`]);
    expect(f.evidence).toBe(`（二）部分公开：${cells.join(' + ')} = ${facts['s3.partial.total']} ≠ 总计 40`);
  });
  test('C13 is na for a row whose 总计 is blank while its applicant cells add up to 272 — not fail', () => {
    const facts = { 's3.granted.natural': 200, 's3.granted.commercial': 40, 's3.granted.research': 10, 's3.granted.social': 12, 's3.granted.legal': 6, 's3.granted.other_org': 4, 's3.granted.total': 'blank' as const };
    const f = get(runReportChecks(buildReport({ facts })), 'C13') as CheckFinding;
    expect(f.status).toBe('na');
    const row = f.parts!.find((p) => p.label === '（一）予以公开')!;
    expect(row.status).toBe('na');
    expect(row.evidence).toContain('（一）予以公开 · 总计 空白');
    expect(f.parts!.filter((p) => p.status === 'fail')).toHaveLength(0);
  });
});

describe('C14 （七）总计 = sum of the leaf rows', () => {
  test('C14 fails per column with the leaf sum (21 leaves in 2021, 19 in 2019)', () => {
    const f21 = consistentFacts('2021');
    const a = get(runReportChecks(buildReport({ template: '2021', facts: { 's3.total.research': f21['s3.total.research'] + 2, 's3.new.research': f21['s3.new.research'] + 2, 's3.total.total': f21['s3.total.total'] + 2, 's3.new.total': f21['s3.new.total'] + 2 } })), 'C14');
    expect(a.status).toBe('fail');
    expect(a.evidence).toContain(`科研机构列：21 项办理结果之和 ${f21['s3.total.research']} ≠ （七）总计 ${f21['s3.total.research'] + 2}`);
    const f19 = consistentFacts('2019');
    const b = get(runReportChecks(buildReport({ template: '2019', facts: { 's3.other.legal': f19['s3.other.legal'] + 1, 's3.other.total': f19['s3.other.total'] + 1 } })), 'C14');
    expect(b.evidence).toContain('19 项办理结果之和');
  });
  test('C14 is na when a leaf is a dash', () => {
    const f = get(runReportChecks(buildReport({ facts: { 's3.denied.secret.social': 'dash' } })), 'C14');
    expect(f.status).toBe('na');
    expect(f.evidence).toContain('（三）不予公开 1.属于国家秘密 · 社会公益组织 填“—”或“无”');
  });
});

describe('C15 table 四 groups', () => {
  test('C15 fails with the group sum', () => {
    const f = get(runReportChecks(buildReport({ facts: { 's4.direct.total': 5 } })), 'C15');
    expect(f).toMatchObject({ status: 'fail', evidence: '行政诉讼 · 未经复议直接起诉：维持 2 + 纠正 0 + 其他 1 + 尚未审结 1 = 4 ≠ 总计 5' });
  });
  test('C15 is na when 尚未审结 is written as text', () => {
    const f = get(runReportChecks(buildReport({ facts: { 's4.review.pending': { text: '无' } } })), 'C15');
    expect(f.status).toBe('na');
    expect(f.evidence).toContain('行政复议 · 尚未审结 为文字（“无”）');
  });
});

describe('C16 counts are non-negative integers', () => {
  test('C16 accepts a negative 本年增/减 and a decimal amount', () => {
    const f = get(runReportChecks(buildReport({ template: '2019', facts: { 's2.licensing.delta': -5, 's2.procurement.amount': 12.35 } })), 'C16');
    expect(f.status).toBe('pass');
  });
  test('C16 fails for -2 in 行政许可处理决定 and 1.5 in a table 三 cell', () => {
    const f = get(runReportChecks(buildReport({ facts: { 's2.licensing.decisions': -2, 's4.review.other': 1.5 } })), 'C16');
    expect(f.status).toBe('fail');
    expect(f.evidence).toContain('行政许可 · 处理决定数量 为 -2，应为非负整数');
    expect(f.evidence).toContain('行政复议 · 其他结果 为 1.5，应为非负整数');
  });
  test('C16 is na when no table has a readable number', () => {
    const r = buildReport();
    for (const [k] of cellEntries(r.cells)) r.cells[k] = { value: null, state: 'missing', raw: '', source: null };
    expect(get(runReportChecks(r), 'C16')).toMatchObject({ status: 'na', evidence: '表格中没有可读的数字' });
  });
});

describe('C17 implied bounds', () => {
  test('C17 fails when 结转下年度 exceeds 新收 + 上年结转', () => {
    const f = get(runReportChecks(buildReport({ facts: { 's3.carried_forward.legal': 99 } })), 'C17');
    expect(f.status).toBe('fail');
    const facts = consistentFacts('2021');
    expect(f.evidence).toContain(`法律服务机构列：结转下年度 99 > 新收 ${facts['s3.new.legal']} + 上年结转 ${facts['s3.carried_over.legal']}`);
  });
  test('C17 fails when 2019 对外公开总数量 is below 本年新公开数量, and when 0 purchases cost 50 万元', () => {
    const f = get(runReportChecks(buildReport({ template: '2019', facts: { 's2.normative.total': 3, 's2.procurement.count': 0, 's2.procurement.amount': 50 } })), 'C17');
    expect(f.status).toBe('fail');
    expect(f.evidence).toContain('规范性文件：对外公开总数量 3 < 本年新公开数量 4');
    expect(f.evidence).toContain('政府集中采购：采购项目数量 0，采购总金额 50 万元，应为 0');
  });
  test('C17 is na when 新收 and 结转 rows are missing everywhere', () => {
    const facts: Record<string, 'missing'> = {};
    for (const c of ['natural', 'commercial', 'research', 'social', 'legal', 'other_org', 'total']) {
      facts[`s3.new.${c}`] = 'missing';
      facts[`s3.total.${c}`] = 'missing';
    }
    expect(get(runReportChecks(buildReport({ facts })), 'C17').status).toBe('na');
  });
});

test('a report without template tables gets 无模板表格 for every table check, not a forced result', () => {
  const findings = runReportChecks(buildReport({ template: null, year: 2018 }));
  for (const id of ['C04', 'C05', 'C06', 'C10', 'C11', 'C12', 'C13', 'C14', 'C15', 'C16', 'C17', 'C26']) {
    expect(get(findings, id), id).toMatchObject({ status: 'na', evidence: '无模板表格' });
  }
});
