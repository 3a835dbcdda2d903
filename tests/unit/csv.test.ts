import { describe, expect, test } from 'vitest';
import Papa from 'papaparse';
import { BOM, buildCsv, csvFileName, CSV_COLUMNS } from '../../src/app/csv';
import { NO_FILTERS } from '../../src/db/filters';
import type { FactRow } from '../../src/app/shape/factRow';

const row = (over: Partial<FactRow> = {}): FactRow => ({
  organ: '绥滨县连生乡人民政府',
  province: '黑龙江省',
  city: '鹤岗市',
  county: '绥滨县',
  year: 2021,
  template: '2021',
  key: 's3.new.total',
  label: '一、本年新收政府信息公开申请数量 · 总计',
  unit: '件',
  value: 859,
  reports: 1,
  ...over,
});

const parse = (csv: string) => Papa.parse<string[]>(csv.slice(BOM.length), { skipEmptyLines: true }).data;

describe('CSV builder', () => {
  test('starts with a UTF-8 BOM and the headers as on screen, with the fact key in its own column', () => {
    const csv = buildCsv([row()]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(parse(csv)[0]).toEqual([...CSV_COLUMNS]);
    expect(CSV_COLUMNS).toEqual(['机关', '省份', '城市', '区县', '年度', '模板', 'key', '指标', '单位', '数值', '报告数']);
    expect(parse(csv)[1]).toEqual(['绥滨县连生乡人民政府', '黑龙江省', '鹤岗市', '绥滨县', '2021', '2021', 's3.new.total', '一、本年新收政府信息公开申请数量 · 总计', '件', '859', '1']);
  });

  test('a missing value stays empty, a real zero stays 0', () => {
    const [, blank, zero] = parse(buildCsv([row({ value: null }), row({ value: 0 })]));
    expect(blank[9]).toBe('');
    expect(zero[9]).toBe('0');
  });

  test('cells that a spreadsheet would run as formulae are escaped', () => {
    const [, r] = parse(buildCsv([row({ organ: '=HYPERLINK("http://x","y")', label: '+1', unit: '@SUM(A1)' })]));
    expect(r[0]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(r[7]).toBe(`'+1`);
    expect(r[8]).toBe(`'@SUM(A1)`);
  });

  test('a negative number (本年增/减) is a number, not text', () => {
    const [, r] = parse(buildCsv([row({ key: 's2.licensing.delta', value: -3 })]));
    expect(r[9]).toBe('-3');
  });

  test('the file name names the chart and the filters', () => {
    expect(csvFileName('办理结果', NO_FILTERS)).toBe('办理结果_全部.csv');
    expect(csvFileName('办理结果', { ...NO_FILTERS, province: '黑龙江省', city: '鹤岗市', county: '绥滨县', from: 2021, to: 2021, template: '2021' })).toBe(
      '办理结果_黑龙江省-鹤岗市-绥滨县_2021-2021_2021模板.csv',
    );
  });
});
