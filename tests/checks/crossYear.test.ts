import { describe, expect, test } from 'vitest';
import { runCollectionChecks, runCrossYearChecks } from '../../src/checks/index';
import type { ParsedReport } from '../../src/parse/types';
import { buildReport, consistentFacts, get, type BuildOptions } from './fixtures';

const COLS = ['natural', 'commercial', 'research', 'social', 'legal', 'other_org', 'total'];

/** This year's facts carrying over last year's 结转下年度 (and staying consistent). */
function carriedFrom(prev: Record<string, number>, template: '2019' | '2021') {
  const cur = consistentFacts(template);
  const out: Record<string, number> = {};
  for (const c of COLS) {
    out[`s3.carried_over.${c}`] = prev[`s3.carried_forward.${c}`];
    out[`s3.new.${c}`] = cur[`s3.total.${c}`] + cur[`s3.carried_forward.${c}`] - prev[`s3.carried_forward.${c}`];
  }
  return out;
}

const LAST = { organ: '连生乡', year: 2020, template: '2019' as const, region: { province: '黑龙江省', city: '鹤岗市', county: '绥滨县', code: '230922203' } };
const THIS = { organ: '绥滨县连生乡人民政府', year: 2021, template: '2021' as const, region: { province: '黑龙江省', city: '鹤岗市', county: '绥滨县', code: '230922' } };

function pair(prev: BuildOptions, cur: BuildOptions) {
  const a = buildReport(prev);
  const b = buildReport(cur);
  const out = runCollectionChecks([
    { id: 'prev', report: a, regionCode: a.region.region.code },
    { id: 'cur', report: b, regionCode: b.region.region.code },
  ]);
  return (id: string) => get(out.get('cur')!, id);
}

const lone = (opts: BuildOptions) => {
  const r: ParsedReport = buildReport(opts);
  return (id: string) => get(runCollectionChecks([{ id: 'only', report: r }]).get('only')!, id);
};

describe('C18 上年结转 = last year 结转下年度', () => {
  test('C18 passes when each column carries over, and says how the two reports were matched', () => {
    const f = pair(LAST, { ...THIS, facts: carriedFrom(consistentFacts('2019'), '2021') })('C18');
    expect(f.status).toBe('pass');
    expect(f.evidence).toMatch(/^与 2020 年报告（连生乡，按机关名称\+区划代码匹配）比较：7 列/);
  });
  test('C18 fails for the columns that do not carry over (自然人 1 vs 上年 1; 商业企业 2 vs 2 …)', () => {
    const prev = consistentFacts('2019');
    const facts = { ...carriedFrom(prev, '2021'), 's3.carried_over.legal': 9 };
    const f = pair(LAST, { ...THIS, facts })('C18');
    expect(f).toMatchObject({ status: 'fail', severity: 'warning' });
    expect(f.evidence).toContain(`法律服务机构列：本年上年结转 9 ≠ 上年结转下年度 ${prev['s3.carried_forward.legal']}`);
  });
  test('C18 is na without last year\'s report, or when last year\'s 结转下年度 is blank', () => {
    expect(lone(THIS)('C18')).toMatchObject({ status: 'na', evidence: '未找到本机关上年报告' });
    const f = pair({ ...LAST, facts: { 's3.carried_forward.total': 'blank' } }, { ...THIS, facts: carriedFrom(consistentFacts('2019'), '2021') })('C18');
    expect(f.status).toBe('na');
    expect(f.evidence).toContain('结转下年度 · 总计');
  });
});

const Y21 = { ...THIS, organ: '连生乡', year: 2021 };
const Y22 = { ...THIS, year: 2022 };

describe('C19 现行有效 chain (2021 template)', () => {
  test('C19 passes when 上年现行有效 + 制发 − 废止 = 本年现行有效', () => {
    const f = pair({ ...Y21, facts: { 's2.rules.in_force': 11, 's2.normative.in_force': 37 } }, Y22)('C19');
    expect(f.status).toBe('pass');
  });
  test('C19 fails: 行政规范性文件 上年 40 + 制发 6 − 废止 2 = 44 ≠ 41', () => {
    const f = pair({ ...Y21, facts: { 's2.rules.in_force': 11, 's2.normative.in_force': 40 } }, Y22)('C19');
    expect(f.status).toBe('fail');
    expect(f.evidence).toContain('行政规范性文件：上年现行有效 40 + 制发 6 − 废止 2 = 44 ≠ 本年现行有效 41');
  });
  test('C19 is na when last year used the 2019 template', () => {
    expect(pair(LAST, THIS)('C19')).toMatchObject({ status: 'na' });
  });
});

describe('C20 上一年项目数量 chain (2019 template)', () => {
  const Y19 = { ...LAST, year: 2019 };
  const stock = { 's2.licensing.prev': 37, 's2.other_services.prev': 13, 's2.punishment.prev': 23, 's2.enforcement.prev': 6, 's2.fees.prev': 5 };
  test('C20 passes when 2020 上一年项目数量 = 2019 上一年项目数量 + 本年增/减', () => {
    expect(pair({ ...Y19, facts: stock }, LAST)('C20').status).toBe('pass');
  });
  test('C20 fails: 行政许可 2019 年 30 + 增减 3 = 33 ≠ 40', () => {
    const f = pair({ ...Y19, facts: { ...stock, 's2.licensing.prev': 30 } }, LAST)('C20');
    expect(f.status).toBe('fail');
    expect(f.evidence).toContain('行政许可：上年报告 30 + 增减 3 = 33 ≠ 本年上一年项目数量 40');
  });
  test('C20 is na when last year\'s 本年增/减 is a dash', () => {
    expect(pair({ ...Y19, facts: { ...stock, 's2.fees.delta': 'dash' } }, LAST)('C20').status).toBe('na');
  });
});

describe('C21 template change', () => {
  test('C21 passes when both years use the 2021 template', () => {
    expect(pair(Y21, Y22)('C21')).toMatchObject({ status: 'pass' });
  });
  test('C21 flags the 2019→2021 template change (info)', () => {
    const f = pair(LAST, THIS)('C21');
    expect(f).toMatchObject({ status: 'fail', severity: 'info' });
    expect(f.evidence).toContain('模板由 2019 年版改为 2021 年版');
  });
  test('C21 is na when last year has no template tables', () => {
    expect(pair({ ...LAST, template: null }, THIS)('C21')).toMatchObject({ status: 'na' });
  });
});

describe('C22 text copied from last year', () => {
  test('C22 fails when section 五 is the same as last year, with the similarity', () => {
    const f = pair(LAST, THIS)('C22');
    expect(f).toMatchObject({ status: 'fail', severity: 'warning' });
    expect(f.evidence).toContain('第五部分与上年相似度 1.00（完全相同）');
  });
  test('C22 still fails after small edits (another year, two words changed) with similarity ≥ 0.8', () => {
    const s5 = '（一）存在的主要问题。一是信息公开的时效性有待提高，二是公开内容不够全面，解读形式较为单一，三是队伍建设仍需加强。（二）改进措施。下一步将加强业务培训，完善发布审核制度，提升公开质量和解读水平。';
    const edited = s5.replace('不够全面', '还不全面').replace('仍需加强', '有待加强');
    const f = pair({ ...LAST, prose: { s5 } }, { ...THIS, prose: { s5: edited } })('C22');
    expect(f.status).toBe('fail');
    const sim = Number(/第五部分与上年相似度 ([\d.]+)/.exec(f.evidence)![1]);
    expect(sim).toBeGreaterThanOrEqual(0.8);
    expect(sim).toBeLessThan(1);
  });
  test('C22 passes for a rewritten section 五 and section 一', () => {
    const f = pair(
      { ...LAST, prose: { s1: '全年主动公开政府信息二百余条，群众关注的脱贫攻坚、医疗保障等领域信息均及时发布。' } },
      { ...THIS, prose: { s5: '今年我乡网站栏目更新不及时，村务公开栏维护不到位。明年将落实专人负责，每月检查栏目更新。' } },
    )('C22');
    expect(f.status).toBe('pass');
    expect(f.evidence).toMatch(/第五部分与上年相似度 0\.\d\d；第一部分与上年相似度 0\.\d\d/);
  });
  test('C22 is na when section 五 is only 无 in both years', () => {
    expect(pair({ ...LAST, prose: { s5: '无', s1: '无' } }, { ...THIS, prose: { s5: '无', s1: '无' } })('C22').status).toBe('na');
  });
});

describe('C24 key figure ×5 / ÷5', () => {
  test('C24 passes when the key figures stay within ×5', () => {
    expect(pair(Y21, Y22)('C24').status).toBe('pass');
  });
  test('C24 flags 新收申请 20 → 183 (×9.2)', () => {
    expect(consistentFacts('2021')['s3.new.total']).toBe(183);
    const f = pair({ ...Y21, facts: { 's3.new.total': 20 } }, Y22)('C24');
    expect(f).toMatchObject({ status: 'fail', severity: 'info' });
    expect(f.evidence).toContain('新收申请：上年 20 → 本年 183，增至 9.2 倍');
  });
  test('C24 is na without last year\'s report', () => {
    expect(lone(Y22)('C24')).toMatchObject({ status: 'na' });
  });
});

describe('runCrossYearChecks: one report against earlier reports found elsewhere (自查 and the database)', () => {
  const earlier = (r: ParsedReport, how = '按机关名称+区划代码匹配，数据库中的报告') => ({ report: r, how });
  test('C18 against the database report of the year before gives the collection runner’s verdict, with how it was matched', () => {
    const prevFacts = consistentFacts('2019');
    const facts = { ...carriedFrom(prevFacts, '2021'), 's3.carried_over.legal': 9 };
    const last = buildReport(LAST);
    const cur = buildReport({ ...THIS, facts });
    const found = runCrossYearChecks(cur, { yearBefore: earlier(last), latestEarlier: earlier(last) });
    expect(found.map((f) => f.check)).toEqual(['C18', 'C19', 'C21', 'C22', 'C24']);
    const c18 = get(found, 'C18');
    expect(c18).toMatchObject({ status: 'fail', severity: 'warning' });
    expect(c18.evidence).toMatch(/^与 2020 年报告（连生乡，按机关名称\+区划代码匹配，数据库中的报告）比较：/);
    expect(c18.evidence).toContain(`法律服务机构列：本年上年结转 9 ≠ 上年结转下年度 ${prevFacts['s3.carried_forward.legal']}`);
    expect(get(found, 'C21')).toMatchObject({ status: 'fail', evidence: '与 2020 年报告（连生乡，按机关名称+区划代码匹配，数据库中的报告）比较：模板由 2019 年版改为 2021 年版，表二存量数据不可比，趋势在此断开' });
  });
  test('without an earlier report every cross-year check is na with the reason; an unnamed organ cannot be matched', () => {
    const found = runCrossYearChecks(buildReport(THIS), { yearBefore: null, latestEarlier: null });
    expect(get(found, 'C18')).toMatchObject({ status: 'na', evidence: '未找到本机关上年报告' });
    expect(get(found, 'C22')).toMatchObject({ status: 'na', evidence: '未找到本机关以前年度报告' });
    const nameless = runCrossYearChecks(buildReport({ ...THIS, organ: null }), { yearBefore: null, latestEarlier: null });
    expect(get(nameless, 'C18')).toMatchObject({ status: 'na', evidence: '机关名称不详，无法匹配以前年度报告' });
  });
});
