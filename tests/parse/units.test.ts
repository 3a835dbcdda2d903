/** One concept at a time, with real-looking figures. */
import { describe, expect, it } from 'vitest';
import { readCell } from '../../src/parse/cells';
import { halfWidth, stripPinyin, toSimplified, compact } from '../../src/parse/normalise';
import { findHeadings } from '../../src/parse/sections';
import { detectTemplate } from '../../src/parse/template';
import { proactiveTotal } from '../../src/parse/prose';
import { makeAmount, unitFromHeader } from '../../src/parse/amounts';
import { findTitleOrgan, findBodyOrgan, findPeriod } from '../../src/parse/metadata';
import { parseReport } from '../../src/parse/index';

describe('cells', () => {
  it('reads numbers with separators, signs, decimals, units and 余', () => {
    expect(readCell('1,234').value).toBe(1234);
    expect(readCell('-51').value).toBe(-51);
    expect(readCell('0.0350').value).toBe(0.035);
    expect(readCell('190 万元')).toMatchObject({ value: 190, unit: '万元' });
    expect(readCell('251000元')).toMatchObject({ value: 251000, unit: '元' });
    expect(readCell('20余')).toMatchObject({ value: 20, approximate: true });
  });
  it('keeps blank, dash and text apart, never a 0', () => {
    expect(readCell('')).toMatchObject({ state: 'blank', value: null });
    expect(readCell('—')).toMatchObject({ state: 'dash', value: null });
    expect(readCell('/')).toMatchObject({ state: 'dash', value: null });
    expect(readCell('无')).toMatchObject({ state: 'dash', value: null });
    expect(readCell('1.属于国家秘密')).toMatchObject({ state: 'text', value: null });
  });
});

describe('normalise', () => {
  it('full-width digits and pinyin glosses', () => {
    expect(halfWidth('１２３')).toBe('123');
    expect(stripPinyin('本年制發(fā)件數(shù)')).toBe('本年制發件數');
  });
  it('traditional → simplified keeps length', () => {
    const t = '柞水縣鳳凰鎮人民政府本年處理決定數量';
    expect(toSimplified(t)).toBe('柞水县凤凰镇人民政府本年处理决定数量');
    expect(toSimplified(t).length).toBe(t.length);
  });
  it('compact form ignores spaces, quotes and bracket width', () => {
    expect(compact('（一） 予以 公开')).toBe(compact('(一)予以公开'));
    expect(compact('3.危及“三安全一稳定”')).toBe('3.危及三安全一稳定');
  });
});

describe('runs (cells printed with no separator)', () => {
  it('a report with a glued row gives the certain row and nulls the uncertain one', () => {
    const p = parseReport('二、主动公开政府信息情况\n信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n规章007规范性文件7777166\n三、收到和处理政府信息公开申请情况\n');
    expect(p.template).toBe('2019');
    expect([p.cells['s2.rules.new']!.value, p.cells['s2.rules.published']!.value, p.cells['s2.rules.total']!.value]).toEqual([0, 0, 7]);
    expect(p.cells['s2.normative.new']!.value).toBeNull();
    expect(p.notes.some((n) => n.kind === 'ambiguous-run')).toBe(true);
  });
});

describe('sections', () => {
  it('finds 一…六 with mixed numbering and skips table 三 row 四、结转下年度继续办理', () => {
    const lines = ['一、总体情况', '（一）主动公开情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、结转下年度继续办理 0 0 0 0 0 0 0', '四、政府信息公开行政复议、行政诉讼情况', '5、存在的主要问题及改进情况', '（六）其他需要报告的事项'];
    const h = findHeadings(lines);
    expect(h.map((x) => [x.index, x.line])).toEqual([[1, 0], [2, 2], [3, 3], [4, 5], [5, 6], [6, 7]]);
  });
});

describe('template', () => {
  it('decides by table labels', () => {
    expect(detectTemplate(compact('信息内容本年制发件数本年废止件数现行有效件数')).template).toBe('2021');
    expect(detectTemplate(compact('信息内容本年新制作数量本年新公开数量对外公开总数量')).template).toBe('2019');
    expect(detectTemplate(compact('国办公开办函〔2021〕30号 2021年')).template).toBeNull();
  });
});

describe('section 一 figures', () => {
  it('主动公开政府信息352条 and 20余条 across a line break', () => {
    expect(proactiveTotal('2021年度，我乡主动公开政府信息352条。')).toMatchObject({ value: 352, approximate: false });
    expect(proactiveTotal('主动共公开各类政府信息 20 余\n条，其中文件类信息 12 条')).toMatchObject({ value: 20, approximate: true });
    expect(proactiveTotal('2020 年主动公开信息  条。')).toBeNull();
  });
});

describe('amounts', () => {
  it('normalises to 万元 and keeps the unit', () => {
    expect(makeAmount(190, '190 万元', '万元', null)).toEqual({ value: 190, unit: '万元', raw: '190 万元', unitUnknown: false });
    expect(makeAmount(251000, '251000元', '元', null).value).toBe(25.1);
    expect(makeAmount(36, '36', undefined, null)).toMatchObject({ value: 36, unit: null, unitUnknown: true });
    expect(unitFromHeader(compact('采购总金额（单位：万元，保留4位小数）'))).toBe('万元');
    expect(unitFromHeader(compact('采购总金额（元）'))).toBe('元');
  });
});

describe('metadata', () => {
  it('organ from the title, or from the line above a title that starts with the year', () => {
    expect(findTitleOrgan(['城郊乡人民政府2020年政府信息公开工作年度报告'], 10)).toMatchObject({ organ: '城郊乡人民政府', year: 2020 });
    expect(findTitleOrgan(['绥滨县连生乡人民政府', '2021年政府信息公开工作年度报告'], 10)).toMatchObject({ organ: '绥滨县连生乡人民政府', year: 2021 });
    expect(findTitleOrgan(['称: 楚雄市紫溪镇人民政府2025年政府信息公开工作年度报告'], 10)?.organ).toBe('楚雄市紫溪镇人民政府');
  });
  it('organ from the body when there is no title', () => {
    expect(findBodyOrgan(['2023年,永靖县市场监管局按照国家和省州县政务公开工作的总体要求'], 10)?.organ).toBe('永靖县市场监管局');
    expect(findBodyOrgan(['如对本报告有疑问,可与广元市市场监督管理局办公室联系'], 10)?.organ).toBe('广元市市场监督管理局');
    expect(findBodyOrgan(['成立王庄乡政府信息公开工作领导小组', '2019年，王庄乡政务信息公开工作取得成绩'], 10)?.organ).toBe('王庄乡');
  });
  it('period', () => {
    expect(findPeriod('本报告中使用数据统计期限为2021年1月1日至12月31日。')).toEqual({ period: '2021年1月1日至12月31日', year: 2021 });
  });
  it('a manifest organ wins and a disagreement is noted', () => {
    const p = parseReport('甲乡2020年政府信息公开工作年度报告\n一、总体情况\n', { manifest: { file: 'x.txt', organ: '乙镇人民政府' } });
    expect(p.organ).toBe('乙镇人民政府');
    expect(p.organSource).toBe('manifest');
    expect(p.notes.some((n) => n.kind === 'manifest-disagrees')).toBe(true);
  });
});

describe('cells carry provenance', () => {
  it('line number and the line as printed', () => {
    const text = '某乡2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n信息内容 上一年项目数量 本年增/减 处理决定数量\n行政许可 12 -3 1,024\n三、收到和处理政府信息公开申请情况\n';
    const p = parseReport(text);
    expect(p.cells['s2.licensing.decisions']).toMatchObject({ value: 1024, state: 'number', raw: '1,024', source: { line: 4, text: '行政许可 12 -3 1,024' } });
    expect(p.cells['s2.licensing.delta']!.value).toBe(-3);
    expect(p.cells['s2.rules.new']!.state).toBe('missing');
    expect(p.completeness).toBe('partial');
  });
  it('a region resolver gets the organ and the manifest hints', () => {
    let seen: unknown = null;
    parseReport('连生乡2020年政府信息公开工作年度报告\n', {
      manifest: { file: 'a', county: '绥滨县' },
      resolveRegion: (q) => {
        seen = { organ: q.organ, county: q.county };
        return { region: { province: '黑龙江省', city: '鹤岗市', county: '绥滨县', code: null }, method: 'manifest', candidates: [] };
      },
    });
    expect(seen).toEqual({ organ: '连生乡', county: '绥滨县' });
  });
});
