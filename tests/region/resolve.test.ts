import { beforeAll, describe, expect, it } from 'vitest';
import type { RegionResolver } from '../../src/parse/types';
import { buildDivisionIndex, createRegionResolver, type DivisionData } from '../../src/region/resolve';
import { loadRegionResolver } from '../../scripts/lib/regions';

let resolve: RegionResolver;
beforeAll(() => {
  resolve = loadRegionResolver();
});

const HEGANG_SUIBIN = { province: '黑龙江省', city: '鹤岗市', county: '绥滨县' };

describe('township names', () => {
  it('a township name unique in the country: 连生乡 → 绥滨县 with its 9-digit code', () => {
    const r = resolve({ organ: '连生乡', text: '' });
    expect(r.method).toBe('unique-township');
    expect(r.region).toMatchObject({ ...HEGANG_SUIBIN, code: '230422200' });
    expect(r.candidates).toEqual([]);
  });

  it('county and township in the organ: 绥滨县连生乡人民政府', () => {
    const r = resolve({ organ: '绥滨县连生乡人民政府', text: '' });
    expect(r.method).toBe('text-county');
    expect(r.region).toMatchObject({ ...HEGANG_SUIBIN, code: '230422200' });
  });

  it('绥棱县后头乡 → 黑龙江省/绥化市/绥棱县', () => {
    const r = resolve({ organ: '绥棱县后头乡', text: '' });
    expect(r.region).toMatchObject({ province: '黑龙江省', city: '绥化市', county: '绥棱县', code: '231226201' });
  });

  it('an ambiguous name (城郊乡) gives null and every candidate, never a guess', () => {
    const r = resolve({ organ: '城郊乡人民政府', text: '2020年，我乡认真贯彻落实《条例》。' });
    expect(r.method).toBe('none');
    expect(r.region).toEqual({ province: null, city: null, county: null, code: null });
    expect(r.candidates.length).toBeGreaterThanOrEqual(2);
    expect(r.candidates.every((c) => /^\d{9}$/.test(c.code ?? ''))).toBe(true);
    expect(r.candidates.some((c) => c.county === '北安市')).toBe(true);
  });

  it('the county named only in the body picks the township (大坡乡 exists twice; the WeChat name says 融安县)', () => {
    const r = resolve({ organ: '大坡乡人民政府', text: '2024年，我乡……通过“融安县大坡乡”微信公众号发布信息293篇。' });
    expect(r.method).toBe('text-county');
    expect(r.region).toMatchObject({ province: '广西壮族自治区', city: '柳州市', county: '融安县' });
    expect(r.region.code).toMatch(/^450224\d{3}$/);
  });

  it('a county in the body that does not hold the township does not win', () => {
    // 连生乡 is unique (绥滨县); the body mentions 绥棱县 for another reason
    const r = resolve({ organ: '连生乡人民政府', text: '今年我乡与绥棱县后头乡开展交流学习。' });
    expect(r.region).toMatchObject({ ...HEGANG_SUIBIN, code: '230422200' });
    // an ambiguous township with an unrelated county in the body stays ambiguous
    const a = resolve({ organ: '大坡乡人民政府', text: '参加了法库县组织的培训。' });
    expect(a.region.county).toBeNull();
    // 大坡乡 twice, plus an ethnic township written the same way
    expect(a.candidates.length).toBeGreaterThanOrEqual(2);
    expect(a.candidates.some((c) => c.county === '法库县')).toBe(false);
  });

  it('an ambiguous township becomes certain when the text names its county', () => {
    const r = resolve({ organ: '城郊乡人民政府', text: '联系地址：黑龙江省北安市城郊乡' });
    expect(r.region).toMatchObject({ province: '黑龙江省', city: '黑河市', county: '北安市', code: '231181200' });
  });
});

describe('county and city departments', () => {
  it('a county department resolves to the county itself, 6-digit code', () => {
    const r = resolve({ organ: '永靖县市场监督管理局', text: '' });
    expect(r.region).toEqual({ province: '甘肃省', city: '临夏回族自治州', county: '永靖县', code: '622923' });
  });

  it('a county department whose text names other counties keeps its own', () => {
    const r = resolve({ organ: '永靖县市场监管局', text: '落实《临夏州人民政府信息公开指南》，学习东乡县、积石山县的经验。' });
    expect(r.region.county).toBe('永靖县');
  });

  it('a city department: province and city, county null', () => {
    const r = resolve({ organ: '广元市市场监督管理局', text: '' });
    expect(r.region).toEqual({ province: '四川省', city: '广元市', county: null, code: '510800' });
    const x = resolve({ organ: '湘西自治州自然资源和规划局', text: '' });
    expect(x.region).toMatchObject({ province: '湖南省', city: '湘西土家族苗族自治州', county: null });
  });

  it('with and without 人民政府', () => {
    expect(resolve({ organ: '法库县人民政府', text: '' }).region).toMatchObject({ county: '法库县', code: '210124' });
    expect(resolve({ organ: '法库县', text: '' }).region).toMatchObject({ county: '法库县', code: '210124' });
  });

  it('an abbreviated organ (县人社局) takes its county from the text; autonomous county short name', () => {
    const r = resolve({ organ: '县人社局', text: '县人社局2021年政府信息公开工作年度报告\n此外，还积极通过东乡县政务服务网、媒体等渠道及时公开信息。' });
    expect(r.region).toMatchObject({ province: '甘肃省', city: '临夏回族自治州', county: '东乡族自治县', code: '622926' });
    expect((r.region as { countyAsWritten?: string }).countyAsWritten).toBe('东乡县');
  });

  it('a district name in several cities needs its city', () => {
    const amb = resolve({ organ: '朝阳区教育委员会', text: '' });
    expect(amb.region.county).toBeNull();
    expect(amb.candidates.map((c) => c.code).sort()).toEqual(['110105', '220104']);
    expect(resolve({ organ: '北京市朝阳区教育委员会', text: '' }).region.code).toBe('110105');
    expect(resolve({ organ: '朝阳区教育局', text: '吉林省长春市朝阳区' }).region.code).toBe('220104');
  });

  it('short county names: 云县 in the organ counts, 云县 inside 密云县 or 代县 inside 现代县域 does not', () => {
    expect(resolve({ organ: '云县大寨镇人民政府', text: '' }).region).toMatchObject({ province: '云南省', county: '云县' });
    const r = resolve({ organ: '县教育局', text: '原密云县的经验；推进现代县域治理。' });
    expect(r.region.county).not.toBe('云县');
    expect(r.region.county).not.toBe('代县');
  });

  it('an organ with no place at all gives none', () => {
    const r = resolve({ organ: '某某单位', text: '本报告由本单位编制。' });
    expect(r).toEqual({ region: { province: null, city: null, county: null, code: null }, method: 'none', candidates: [] });
    expect(resolve({ organ: null, text: '' }).method).toBe('none');
  });
});

describe('traditional characters', () => {
  it('柞水縣鳳凰鎮人民政府 → 陕西省商洛市柞水县 凤凰镇', () => {
    const r = resolve({ organ: '柞水縣鳳凰鎮人民政府', text: '' });
    expect(r.region).toEqual({ province: '陕西省', city: '商洛市', county: '柞水县', code: '611026105' });
  });

  it('in the text, through pinyin glosses: 柞水縣鳳凰鎮(zhèn)人民政府', () => {
    const r = resolve({ organ: null, text: '請與柞水縣鳳凰鎮(zhèn)人民政府黨政辦公室聯(lián)系' });
    expect(r.region).toMatchObject({ county: '柞水县', code: '611026105' });
  });
});

describe('manifest hints win', () => {
  it('hints with the township from the organ give the 9-digit code', () => {
    const r = resolve({ organ: '连生乡', text: '', province: '黑龙江省', city: '鹤岗市', county: '绥滨县' });
    expect(r.method).toBe('manifest');
    expect(r.region).toEqual({ ...HEGANG_SUIBIN, code: '230422200' });
  });

  it('the manifest county beats the text', () => {
    // the organ says 绥棱县; the manifest says 绥滨县: the manifest wins, no township code there
    const r = resolve({ organ: '绥棱县后头乡', text: '', province: '黑龙江省', city: '鹤岗市', county: '绥滨县' });
    expect(r.method).toBe('manifest');
    expect(r.region).toEqual({ ...HEGANG_SUIBIN, code: null });
  });

  it('a county hint alone disambiguates an ambiguous township', () => {
    const r = resolve({ organ: '城郊乡人民政府', text: '', county: '北安市' });
    expect(r.region).toEqual({ province: '黑龙江省', city: '黑河市', county: '北安市', code: '231181200' });
  });

  it('a city hint only: the text fills in the county', () => {
    const r = resolve({ organ: '大坡乡人民政府', text: '', city: '柳州市' });
    expect(r.region).toMatchObject({ city: '柳州市', county: '融安县' });
    const dept = resolve({ organ: '广元市市场监督管理局', text: '', province: '四川省', city: '广元市' });
    expect(dept.region).toEqual({ province: '四川省', city: '广元市', county: null, code: '510800' });
  });

  it('hints the division table does not know are kept as written, code null', () => {
    const r = resolve({ organ: '某乡', text: '', province: '某省', county: '不存在县' });
    expect(r).toEqual({ region: { province: '某省', city: null, county: '不存在县', code: null }, method: 'manifest', candidates: [] });
  });

  it('traditional hints', () => {
    const r = resolve({ organ: '鳳凰鎮人民政府', text: '', province: '陝西省', city: '商洛市', county: '柞水縣' });
    expect(r.region).toEqual({ province: '陕西省', city: '商洛市', county: '柞水县', code: '611026105' });
  });
});

describe('speed', () => {
  it('resolves a 20,000-character report in well under 1 ms', () => {
    const para = '2021年，我镇认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作，主动公开政府信息352条。';
    const text = '城郊乡人民政府2021年政府信息公开工作年度报告\n' + para.repeat(Math.ceil(20_000 / para.length)) + '\n联系地址：黑龙江省北安市城郊乡';
    resolve({ organ: '城郊乡人民政府', text });
    const n = 200;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) resolve({ organ: '城郊乡人民政府', text });
    const ms = (performance.now() - t0) / n;
    console.log(`region resolve: ${ms.toFixed(3)} ms per ${text.length}-character report`);
    expect(ms).toBeLessThan(5); // generous for a shared CI core; typically ≈0.3 ms
  });
});

describe('index built from a small table (no Node, no package)', () => {
  const data: DivisionData = {
    provinces: [{ code: '23', name: '黑龙江省' }],
    cities: [{ code: '2304', name: '鹤岗市', provinceCode: '23' }],
    areas: [{ code: '230422', name: '绥滨县', cityCode: '2304', provinceCode: '23' }],
    streets: [{ code: '230422200', name: '连生乡', areaCode: '230422', cityCode: '2304', provinceCode: '23' }],
  };
  it('works with an injected table', () => {
    const t2s = new Uint16Array(0x10000).map((_, i) => i);
    const r = createRegionResolver(buildDivisionIndex(data, { t2s }))({ organ: '连生乡人民政府', text: '' });
    expect(r.region.code).toBe('230422200');
  });
});

describe('ethnic townships written without the ethnic name', () => {
  it('宁陵县城关镇 is 城关回族镇', async () => {
    const r = loadRegionResolver()({ organ: '宁陵县城关镇人民政府', text: '' });
    expect(r.region).toMatchObject({ province: '河南省', city: '商丘市', county: '宁陵县' });
    expect(r.region.code).toMatch(/^411423\d{3}$/);
  });
});
