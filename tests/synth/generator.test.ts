/**
 * The generator's own promises: a seed always gives the same report, the
 * figures satisfy the template's arithmetic (C12–C15, C17) for any seed, and
 * each layout looks like the real layout it imitates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keysForTemplate, S3_COLS, S4_GROUPS } from '../../src/parse/factKeys';
import { truthJson } from '../../scripts/synth';
import { arithmeticValues, generateReport, LAYOUTS, type SynthReport } from '../../scripts/synth/index';
import { s3Rows, yuanToWan } from '../../scripts/synth/figures';

const APPLICANTS = S3_COLS.filter((c) => c.col !== 'total').map((c) => c.col);
const ALL_COLS = S3_COLS.map((c) => c.col);

describe('generateReport is deterministic', () => {
  it('gives the same text and truth for the same seed', () => {
    for (const seed of [0, 1, 42, 99_999, 2 ** 31 - 1]) {
      expect(generateReport(seed)).toEqual(generateReport(seed));
    }
  });

  it('gives different reports for neighbouring seeds', () => {
    const texts = new Set(Array.from({ length: 50 }, (_, i) => generateReport(i).text));
    expect(texts.size).toBe(50);
  });

  it('honours template, layout and year', () => {
    const r = generateReport(7, { template: '2021', layout: 'pipes', year: 2023 });
    expect(r.template).toBe('2021');
    expect(r.layout).toBe('pipes');
    expect(r.year).toBe(2023);
    expect(r.text).toContain('2023');
  });
});

describe('figures satisfy the template arithmetic for 1,000 seeds', () => {
  it('C12, C13, C14, C15 and C17 hold (blank and dash cells taken as 0)', () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const r = generateReport(seed);
        const v = arithmeticValues(r);
        const rows = s3Rows(r.template);
        const leaves = rows.filter((x) => x.leaf);
        expect(leaves.length).toBe(r.template === '2019' ? 19 : 21);
        for (const c of ALL_COLS) {
          // C12: 新收 + 上年结转 = （七）总计 + 结转下年度
          expect(v[`s3.new.${c}`] + v[`s3.carried_over.${c}`]).toBe(v[`s3.total.${c}`] + v[`s3.carried_forward.${c}`]);
          // C14: （七）总计 = sum of the leaves
          expect(leaves.reduce((s, x) => s + v[`s3.${x.row}.${c}`], 0)).toBe(v[`s3.total.${c}`]);
          // C17: 结转 ≤ 新收 + 上年结转
          expect(v[`s3.carried_forward.${c}`]).toBeLessThanOrEqual(v[`s3.new.${c}`] + v[`s3.carried_over.${c}`]);
        }
        // C13: every row's 总计 = the six applicant columns
        for (const x of rows) expect(APPLICANTS.reduce((s, c) => s + v[`s3.${x.row}.${c}`], 0)).toBe(v[`s3.${x.row}.total`]);
        // C15: each group of table 四
        for (const g of S4_GROUPS) {
          const p = `s4.${g.group}`;
          expect(v[`${p}.maintained`] + v[`${p}.corrected`] + v[`${p}.other`] + v[`${p}.pending`]).toBe(v[`${p}.total`]);
        }
        if (r.template === '2019') {
          for (const row of ['rules', 'normative']) expect(v[`s2.${row}.total`]).toBeGreaterThanOrEqual(v[`s2.${row}.published`]);
          if (v['s2.procurement.count'] === 0) expect(v['s2.procurement.amount']).toBe(0);
        }
        // C16: counts are non-negative integers, only 本年增/减 may be negative
        for (const [k, x] of Object.entries(v)) {
          if (k.endsWith('.amount')) expect(x).toBeGreaterThanOrEqual(0);
          else if (k.endsWith('.delta')) expect(Number.isInteger(x)).toBe(true);
          else expect(Number.isInteger(x) && x >= 0).toBe(true);
        }
      }),
      { numRuns: 1000, seed: 20240601 },
    );
  });
});

describe('truth', () => {
  it('has every fact key of the template, null exactly for blank and dash cells', () => {
    for (let seed = 0; seed < 300; seed++) {
      const r = generateReport(seed);
      expect(Object.keys(r.facts).sort()).toEqual(keysForTemplate(r.template).sort());
      const empty = new Set([...r.blank, ...r.dash]);
      for (const [k, x] of Object.entries(r.facts)) expect(x === null).toBe(empty.has(k));
    }
  });

  it('writes truth files in the shape of the seed corpus', () => {
    const r = generateReport(11, { layout: 'tabs' });
    const t = JSON.parse(truthJson('000011.txt', r));
    expect(Object.keys(t)).toEqual(expect.arrayContaining(['file', 'organ', 'year', 'template', 'province', 'city', 'county', 'facts', 'absent', 'blank']));
    expect(t.file).toBe('000011.txt');
    for (const k of t.absent) expect(k in t.facts).toBe(false);
    for (const k of t.blank) expect(t.facts[k]).toBeNull();
  });

  it('prints blank cells only where the layout delimits cells', () => {
    for (let seed = 0; seed < 400; seed++) {
      const r = generateReport(seed);
      if (r.layout === 'spaced' || r.layout === 'broken-labels') expect(r.blank).toEqual([]);
      if (r.layout === 'cell-per-line' && r.variants.layoutVariant !== 'indent') expect(r.blank).toEqual([]);
    }
  });

  it('covers multi-digit, negative, decimal and unit-bearing figures across seeds', () => {
    let negative = 0;
    let thousand = 0;
    let decimals = 0;
    let yuan = 0;
    let blanks = 0;
    let dashes = 0;
    for (let seed = 0; seed < 400; seed++) {
      const r = generateReport(seed);
      for (const [k, x] of Object.entries(r.facts)) {
        if (x === null) continue;
        if (x < 0) negative++;
        if (x >= 1000) thousand++;
        if (!Number.isInteger(x)) decimals++;
        if (k === 's2.procurement.amount' && /\d元/.test(r.text.replace(/[\s,]/g, '')) && !/\d万元/.test(r.text)) yuan++;
      }
      blanks += r.blank.length;
      dashes += r.dash.length;
    }
    expect(negative).toBeGreaterThan(50);
    expect(thousand).toBeGreaterThan(100);
    expect(decimals).toBeGreaterThan(100);
    expect(yuan).toBeGreaterThan(5);
    expect(blanks).toBeGreaterThan(100);
    expect(dashes).toBeGreaterThan(20);
  });

  it('converts 元 to 万元 exactly', () => {
    expect(yuanToWan('251000')).toBe(25.1);
    expect(yuanToWan('12345.67')).toBe(1.234567);
    expect(yuanToWan('5')).toBe(0.0005);
  });
});

describe('report text', () => {
  const plain = (r: SynthReport) => !r.variants.traditional && !r.variants.fullWidth;

  it('has a title with organ and year, and the six sections in order', () => {
    for (let seed = 0; seed < 200; seed++) {
      const r = generateReport(seed);
      if (!plain(r)) continue;
      const text = r.text.replace(/\r/g, '');
      expect(text.replace(/\s/g, '')).toContain(`${r.organ.replace(/\s/g, '')}`);
      const at = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'].map((h) =>
        text.search(new RegExp(`^\\s*(?:[一二三四五六]、|[1-6]、|（[一二三四五六]）)\\s*${h}`, 'm')),
      );
      expect(at.every((p) => p >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
    }
  });

  it('states 主动公开政府信息 N条 in section 一', () => {
    for (let seed = 0; seed < 200; seed++) {
      const r = generateReport(seed, { layout: 'tabs' });
      if (!plain(r)) continue;
      const n = r.facts['s1.proactive_total']!;
      const m = r.text.replace(/,/g, '').match(/主动公开政府信息共?(\d+)(余)?条/);
      expect(m?.[1]).toBe(String(n));
    }
  });

  it('states in section 六 whether 信息处理费 was charged (2021 template)', () => {
    for (let seed = 0; seed < 50; seed++) {
      const r = generateReport(seed, { template: '2021' });
      if (!plain(r)) continue;
      const s6 = r.text.search(/^\s*(?:六、|6、|（六）)\s*其他需要报告的事项/m);
      expect(s6).toBeGreaterThan(0);
      expect(r.text.slice(s6)).toMatch(/信息处理费/);
    }
  });

  it('uses the 2021 labels only in 2021-template reports', () => {
    for (let seed = 0; seed < 100; seed++) {
      const r = generateReport(seed);
      if (!plain(r)) continue;
      const t = r.text.replace(/\s/g, '');
      if (r.template === '2021') {
        expect(t).toContain('本年处理决定数量');
        expect(t).not.toContain('政府集中采购');
      } else {
        expect(t).toContain('对外公开总数量');
        expect(t).not.toContain('本年制发件数');
      }
    }
  });
});

describe('layouts look like the real ones', () => {
  const lines = (layout: (typeof LAYOUTS)[number], seed = 3) => generateReport(seed, { layout, template: '2019' }).text.replace(/\r/g, '').split('\n');

  it('spaced: a label then its numbers on one line', () => {
    expect(lines('spaced').some((l) => /^规章\s+\S+\s+\S+\s+\S+$/.test(l))).toBe(true);
  });

  it('broken-labels: one character per line in the table-四 header, blank line after every line', () => {
    const ls = lines('broken-labels');
    expect(ls.filter((l) => /^[结果维持纠正其他尚未审]$/.test(l)).length).toBeGreaterThan(30);
    expect(ls.filter((l, i) => l !== '' && ls[i + 1] !== '').length).toBe(0);
  });

  it('tabs: tab-separated rows with the merged cells left empty', () => {
    const ls = lines('tabs');
    expect(ls.some((l) => l.startsWith('\t\t2.其他法律行政法规禁止公开\t'))).toBe(true);
  });

  it('cell-per-line: the 15 numbers of table 四 on 15 lines', () => {
    const ls = lines('cell-per-line').map((l) => l.trim()).filter(Boolean);
    const start = ls.lastIndexOf('复议后起诉');
    expect(ls.slice(start + 1).findIndex((l) => /存在的主要问题/.test(l))).toBeGreaterThanOrEqual(15);
  });

  it('pipes: `a | b |` rows; pipe-cells: a lone `|` opens each row', () => {
    expect(lines('pipes').some((l) => /规章 \| .+ \| .+ \| .+ \|/.test(l))).toBe(true);
    expect(lines('pipe-cells').filter((l) => l.trim() === '|').length).toBeGreaterThan(30);
  });
});
