/**
 * The generator's flattened, detached-label and OCR layouts (NEW_LAYOUTS): made
 * only when asked for by name, deterministic, their truth complete and their
 * figures within the template's arithmetic, and each looking like the real text
 * it imitates (pingtan-2021/2023, kewei-2024 in ../shared/corpus/complete; the
 * OCR layout from issue 13's description).
 */
import { describe, expect, it } from 'vitest';
import { keysForTemplate } from '../../src/parse/factKeys';
import { generateReport, NEW_LAYOUTS, type NewLayoutName, type SynthReport } from '../../scripts/synth/index';
import { expectTemplateArithmetic } from './arithmetic';
const TEMPLATES = ['2019', '2021'] as const;
const plain = (r: SynthReport) => !r.variants.traditional && !r.variants.fullWidth && !r.variants.crlf;

function reports(layout: NewLayoutName, n: number, from = 0): SynthReport[] {
  return Array.from({ length: n }, (_, i) => generateReport(from + i, { layout, template: TEMPLATES[i % 2] }));
}

/** the text between the headings of two template sections (by their wording) */
function between(text: string, from: string, to: string): string {
  const a = text.indexOf(from);
  const b = text.indexOf(to, a + from.length);
  return a < 0 ? '' : text.slice(a, b < 0 ? undefined : b);
}

describe('new layouts: seeds, options and truth', () => {
  for (const layout of NEW_LAYOUTS) {
    it(`${layout}: a seed gives the same report; template and year are honoured`, () => {
      for (const seed of [0, 5, 77_777]) expect(generateReport(seed, { layout })).toEqual(generateReport(seed, { layout }));
      const r = generateReport(9, { layout, template: '2019', year: 2020 });
      expect([r.layout, r.template, r.year]).toEqual([layout, '2019', 2020]);
      expect(r.text).toContain('2020');
    });

    it(`${layout}: truth has every key of the template, null exactly for blank, dash and unprinted cells`, () => {
      for (const r of reports(layout, 60)) {
        expect(Object.keys(r.facts).sort()).toEqual(keysForTemplate(r.template).sort());
        const empty = new Set([...r.blank, ...r.dash]);
        for (const [k, x] of Object.entries(r.facts)) expect(x === null, k).toBe(empty.has(k));
        for (const k of Object.keys(r.unprinted ?? {})) expect(r.blank).toContain(k);
      }
    });

    it(`${layout}: figures satisfy C12–C17 (blank and dash as 0, unprinted totals as the arithmetic has them)`, () => {
      for (const r of reports(layout, 60, 1000)) expectTemplateArithmetic(r);
    });

    it(`${layout}: figures are often non-zero and of several digits, with negatives, decimals and 元`, () => {
      let stated = 0;
      let nonZero = 0;
      let multi = 0;
      let negative = 0;
      let decimal = 0;
      let yuan = 0;
      for (const r of reports(layout, 200, 2000)) {
        for (const [k, x] of Object.entries(r.facts)) {
          if (x === null) continue;
          stated++;
          if (x !== 0) nonZero++;
          if (Math.abs(x) >= 10 && Number.isInteger(x)) multi++;
          if (x < 0) negative++;
          if (!Number.isInteger(x)) decimal++;
          if (k === 's2.procurement.amount' && /\d\s?元/.test(r.text) && !/采购[^。]{0,30}\d\s?万元/.test(r.text)) yuan++;
        }
      }
      expect(nonZero / stated).toBeGreaterThan(0.4);
      expect(multi / stated).toBeGreaterThan(0.15);
      expect(negative).toBeGreaterThan(40);
      expect(decimal).toBeGreaterThan(60);
      expect(yuan).toBeGreaterThan(5);
    });
  }
});

describe('flattened looks like a crawler’s page text (pingtan)', () => {
  const rs = reports('flattened', 120).filter(plain);

  it('prints the whole report on one line, under the crawler’s header in the crawler variant', () => {
    for (const r of rs) {
      const body = r.text.split('\n').find((l) => l.includes('总体情况'))!;
      expect(body).toContain('本年新收政府信息公开申请数量');
      expect(body).toContain('其他需要报告的事项');
      if (r.variants.layoutVariant.includes('crawler')) expect(r.text).toMatch(/^标题: .+\n发布时间: /);
    }
  });

  it('runs a row’s cells together after its label', () => {
    let checked = 0;
    for (const r of rs) {
      if (!r.variants.layoutVariant.startsWith('joined')) continue;
      const keys = r.template === '2021' ? ['issued', 'repealed', 'in_force'] : ['new', 'published', 'total'];
      const cells = keys.map((k) => r.facts[`s2.normative.${k}`]);
      if (cells.some((c) => c === null)) continue;
      const label = r.template === '2021' ? '行政规范性文件' : '规范性文件';
      expect(r.text).toContain(`${label}${cells.join('')}第二十条`);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('glues a sub-row’s enumerator to the previous row’s digits, a minus sign and a unit to the figures', () => {
    const all = rs.map((r) => r.text).join('\n');
    expect(all).toMatch(/\d2\.其他法律行政法规禁止公开/);
    expect(all).toMatch(/\d3\.补正后申请内容仍不明确/);
    expect(all).toMatch(/行政事业性收费 ?\d+-\d+/);
    expect(all).toMatch(/政府集中采购 ?\d+\.\d+元/);
  });

  it('keeps the odd space in the spaces variant and none inside a row when joined', () => {
    const spaced = rs.filter((r) => r.variants.layoutVariant.startsWith('spaces'));
    expect(spaced.some((r) => /（七）总计 ?[\d]+ [\d]/.test(r.text) || /规章 \d/.test(r.text))).toBe(true);
    for (const r of rs.filter((x) => x.variants.layoutVariant.startsWith('joined'))) expect(r.text).toMatch(/一、本年新收政府信息公开申请数量[\d—/－-]+二、上年结转/);
  });
});

describe('detached-labels looks like a PDF converted to markdown (kewei)', () => {
  const rs = reports('detached-labels', 120).filter(plain);
  const s3 = (r: SynthReport) => between(r.text, '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况');

  it('prints bare number rows in table 三 with their labels on text lines of their own', () => {
    let bare = 0;
    let labelLines = 0;
    for (const r of rs) {
      const lines = s3(r).split('\n');
      bare += lines.filter((l) => /^\|(?: [\d,]* \|){7}$/.test(l)).length;
      labelLines += lines.filter((l) => !l.includes('|') && /^(?:\d\.|（[一二三四五六七]）|[一二四]、)/.test(l)).length;
    }
    expect(bare).toBeGreaterThan(rs.length * 5);
    expect(labelLines).toBeGreaterThan(rs.length * 5);
  });

  it('starts a new markdown table every few rows, with page numbers and footers between', () => {
    const all = rs.map(s3).join('\n');
    expect(all.split('\n').filter((l) => /^\|(?:---\|)+$/.test(l)).length).toBeGreaterThan(rs.length * 3);
    expect(all).toMatch(/^(?:— \d+ —|- \d+ -|\d)$/m);
  });

  it('splits header cells (商业企 / 业) and leaves a row’s 总计 empty now and then', () => {
    expect(rs.some((r) => r.text.includes('商业企科研机社会公法律服') && r.text.includes('| 业 | 构 | 益组织 | 务机构 |'))).toBe(true);
    const unprinted = rs.filter((r) => r.unprinted);
    expect(unprinted.length).toBeGreaterThan(10);
    for (const r of unprinted) for (const k of Object.keys(r.unprinted!)) expect(r.facts[k]).toBeNull();
  });

  it('in the outline variant, prints the report’s own outline before the tables, numbered 一、二、三', () => {
    const outlined = rs.filter((r) => r.variants.layoutVariant.startsWith('outline'));
    expect(outlined.length).toBeGreaterThan(20);
    for (const r of outlined) {
      const own = r.text.indexOf('二、工作机制保障');
      expect(own).toBeGreaterThan(0);
      expect(r.text.indexOf('一、主动公开政府信息情况')).toBeGreaterThan(own);
      expect(r.text).toContain('三、政府信息公开行政复议、行政诉讼情况');
    }
  });
});

describe('ocr-tables looks like OCR’d pages', () => {
  const rs = reports('ocr-tables', 120).filter(plain);

  it('cuts table 三 into small tables, one per row group', () => {
    for (const r of rs) {
      const rules = between(r.text, '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况').split('\n').filter((l) => /^\|(?:---\|)+$/.test(l));
      expect(rules.length).toBeGreaterThanOrEqual(7);
    }
  });

  it('prints placeholder headers, a wrong header row and remarks in table 二’s cells', () => {
    const all = rs.map((r) => r.text).join('\n');
    expect(all).toMatch(/\| (?:数据|列)1 \| (?:数据|列)2 \|/);
    expect(all).toMatch(/\d（其中修订 \d+ 件）|\d（含部门规范性文件 \d+ 件）/);
    const wrong = rs.filter((r) => r.variants.layoutVariant.startsWith('wrong'));
    expect(wrong.length).toBeGreaterThan(20);
    // the applicant labels over table 四, table 四's or table 二's over a table-三 group, or another item's header in table 二
    const misplaced = wrong.filter((r) => {
      const s3 = between(r.text, '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况');
      const s4 = between(r.text, '政府信息公开行政复议、行政诉讼情况', '存在的主要问题');
      return /\| 结果维持 \||\| 信息内容 \| 本年制发件数|^\| 自然人 \|/m.test(s3) || s4.includes('| 自然人 |');
    });
    expect(misplaced.length).toBeGreaterThan(wrong.length / 3);
  });
});
