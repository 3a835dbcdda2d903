import { describe, expect, test } from 'vitest';
import { mergeFindings, runCollectionChecks, runReportChecks } from '../../src/checks/index';
import { organMatchKey } from '../../src/checks/organKey';
import { groupByOrgan } from '../../src/checks/organGroups';
import { textSimilarity } from '../../src/checks/similarity';
import { buildReport, get, type BuildOptions } from './fixtures';

const item = (id: string, opts: BuildOptions) => {
  const report = buildReport(opts);
  return { id, report, regionCode: report.region.region.code };
};
const SUIBIN = { province: '黑龙江省', city: '鹤岗市', county: '绥滨县', code: '230922' };

describe('same organ across years', () => {
  test('连生乡 (2020) and 绥滨县连生乡人民政府 (2021) are one organ; traditional characters too', () => {
    expect(organMatchKey('绥滨县连生乡人民政府')).toBe('连生乡');
    expect(organMatchKey('綏濱縣連生鄉人民政府')).toBe('连生乡');
    expect(organMatchKey('永靖县市场监管局', { county: '永靖县' })).toBe('市场监管局');
    const g = groupByOrgan([
      item('a', { organ: '连生乡', year: 2020, template: '2019', region: { ...SUIBIN, code: '230922203' } }),
      item('b', { organ: '绥滨县连生乡人民政府', year: 2021, region: SUIBIN }),
    ]);
    expect(g[0].organ).toBe(g[1].organ);
  });

  test('城关镇 of two counties are two organs; a report without region joins by name only and says so', () => {
    const g = groupByOrgan([
      item('a', { organ: '城关镇人民政府', year: 2020, template: '2019', region: { county: '甲县', code: '110101' } }),
      item('b', { organ: '城关镇人民政府', year: 2021, region: { county: '乙县', code: '220202' } }),
    ]);
    expect(g[0].organ).not.toBe(g[1].organ);
    const out = runCollectionChecks([
      item('a', { organ: '城郊乡人民政府', year: 2020, template: '2019', region: {} }),
      item('b', { organ: '城郊乡', year: 2021, region: {} }),
    ]);
    expect(get(out.get('b')!, 'C21').evidence).toContain('仅按机关名称匹配（区划不详）');
  });

  test('reports of an unnamed organ get na for the cross-year checks', () => {
    const out = runCollectionChecks([item('x', { organ: null, year: 2021 })]);
    expect(get(out.get('x')!, 'C18')).toMatchObject({ status: 'na', evidence: '机关名称不详，无法匹配以前年度报告' });
  });
});

describe('C11 across the collection', () => {
  const fee = (id: string, year: number, amount: number | 'blank', organ = '绥滨县农业农村局', level = '县级部门') => ({
    ...item(id, { organ, year, facts: { 's2.fees.amount': amount } }),
    manifest: { file: id, level },
  });

  test('C11 fails when 35000 万元 is 10000× the organ\'s other years (3.2, 3.5)', () => {
    const out = runCollectionChecks([fee('a', 2021, 3.5), fee('b', 2022, 3.2), fee('c', 2023, 35000)]);
    const f = get(out.get('c')!, 'C11');
    expect(f).toMatchObject({ status: 'fail', severity: 'info' });
    expect(f.evidence).toContain('本机关其他年度（2021、2022 年）中位数 3.35 万元，本年为其 10447.8 倍');
    expect(get(out.get('a')!, 'C11').status).toBe('pass');
  });

  test('C11 fails against peers of the same year and level when the organ has no history', () => {
    const peers = [1.2, 2.5, 3, 4.4, 0.8].map((v, i) => fee(`p${i}`, 2022, v, `绥滨县第${i}局`));
    const out = runCollectionChecks([...peers, fee('odd', 2022, 25000, '绥滨县统计局')]);
    const f = get(out.get('odd')!, 'C11');
    expect(f.status).toBe('fail');
    expect(f.evidence).toContain('同年 6 个政府部门中位数 2.75 万元');
    expect(get(out.get('p1')!, 'C11').status).toBe('pass');
  });

  test('C11 is na for a blank 本年收费金额, and mergeFindings replaces the single-report C11', () => {
    const out = runCollectionChecks([fee('a', 2021, 3.5), fee('c', 2022, 3.2), fee('b', 2023, 'blank')]);
    expect(get(out.get('b')!, 'C11')).toMatchObject({ status: 'na', evidence: '行政事业性收费 · 本年收费金额 空白' });
    const own = runReportChecks(buildReport({ year: 2021 }));
    expect(get(own, 'C11').status).toBe('na');
    const merged = mergeFindings(own, out.get('a'));
    expect(merged.filter((f) => f.check === 'C11')).toHaveLength(1);
    expect(get(merged, 'C11').status).toBe('pass');
    expect(merged.map((f) => f.check)).toEqual([...merged.map((f) => f.check)].sort());
  });
});

describe('C23 prose copied from another organ of the same year', () => {
  const S5 =
    '一是政府信息公开的时效性有待增强，没有把政府信息公开作为一项日常性工作；二是政府信息公开的规范性有待提升，信息目录分类杂乱。下一步将围绕重大改革、重点项目扩大信息公开广度深度，强化政府信息公开便民利民。';
  test('C23 flags a near copy of another township\'s section 五, naming it and the similarity', () => {
    const out = runCollectionChecks([
      item('a', { organ: '连生乡人民政府', prose: { s5: S5, s1: '无' } }),
      item('b', { organ: '北山乡人民政府', prose: { s5: S5.replace('日常性工作', '日常工作'), s1: '无' } }),
    ]);
    const f = get(out.get('b')!, 'C23');
    expect(f).toMatchObject({ status: 'fail', severity: 'info' });
    expect(f.evidence).toMatch(/^第五部分与连生乡人民政府（2021 年）相似度 0\.9\d/);
  });
  test('C23 passes when the other organ wrote its own text, and ignores the same organ\'s other year', () => {
    const out = runCollectionChecks([
      item('a', { organ: '连生乡人民政府', prose: { s5: S5, s1: '无' } }),
      item('b', { organ: '北山乡人民政府', prose: { s5: '本年度网站栏目更新偏慢，村级公开栏内容陈旧。明年起每月检查一次栏目更新并通报。', s1: '无' } }),
      item('c', { organ: '连生乡人民政府', year: 2022, prose: { s5: S5, s1: '无' } }),
    ]);
    expect(get(out.get('a')!, 'C23').status).toBe('pass');
  });
  test('C23 is na when sections 五 and 一 are too short to compare', () => {
    const out = runCollectionChecks([item('a', { prose: { s5: '无', s1: '无' } }), item('b', { organ: '北山乡', prose: { s5: '无', s1: '无' } })]);
    expect(get(out.get('a')!, 'C23').status).toBe('na');
  });

  test('scales: 6,000 reports of one year with distinct prose run in seconds and find exactly the planted copies', () => {
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const pool = '政府信息公开工作规范透明服务群众制度平台网站栏目审核发布解读回应关切乡镇村务财政预算民生领域重点监督考核培训队伍建设提高质量效率加强完善推进落实';
    const text = (n: number) => Array.from({ length: n }, () => pool[Math.floor(rand() * pool.length)]).join('');
    const items = Array.from({ length: 6000 }, (_, i) =>
      item(`r${i}`, { organ: `第${i}乡`, region: { county: `县${i % 97}`, code: String(100000 + (i % 97)) }, prose: { s5: text(160), s1: text(160) } }),
    );
    items[5999].report.prose.s5 = items[17].report.prose.s5!.slice(0, 150) + text(10);
    const t0 = performance.now();
    const out = runCollectionChecks(items);
    const ms = performance.now() - t0;
    const flagged = [...out].filter(([, fs]) => get(fs, 'C23').status === 'fail').map(([id]) => id);
    expect(flagged.sort()).toEqual(['r17', 'r5999']);
    expect(textSimilarity(items[17].report.prose.s5!, items[5999].report.prose.s5!)).toBeGreaterThan(0.8);
    expect(ms).toBeLessThan(30_000);
  });
});
