import { describe, expect, it } from 'vitest';
import { cellLocator, isStructuredInput, type Extracted } from '../../src/extract/index.ts';
import { extractFile as extractText } from '../../scripts/lib/nodeExtract.ts';
import { decodeHtmlBytes } from '../../src/extract/decode.ts';
import { fromSynth, makeReport, reportHtml, title, type ReportData } from './render.ts';
import { readBack } from './readBack.ts';
import { gbk } from './gbk.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function extract(file: string, bytes: Uint8Array): Promise<Extracted> {
  const r = await extractText(file, bytes);
  if ('error' in r) throw new Error(r.error);
  expect(r.lineLocators).toHaveLength(r.text.split('\n').length);
  return r;
}

const expected = (d: ReportData) => Object.fromEntries(Object.entries(d.facts));

describe('saved report page', () => {
  for (const template of ['2019', '2021'] as const) {
    it(`${template} template: every number comes back in its row and column`, async () => {
      const d = makeReport(template === '2019' ? 11 : 12, template);
      const r = await extract('report.html', utf8(reportHtml(d, { splitNumbers: true, seed: 3 })));
      expect(readBack(r.text, template).facts).toEqual(expected(d));
    });
  }

  it('2019 table 二 row 行政许可 and table 三 row 予以公开 hold their numbers at their tab positions', async () => {
    const d = makeReport(21, '2019');
    const r = await extract('report.htm', utf8(reportHtml(d)));
    const lines = r.text.split('\n');
    const f = d.facts;
    const licensing = lines.find((l) => l.startsWith('行政许可\t'));
    expect(licensing).toBe(['行政许可', f['s2.licensing.prev'], f['s2.licensing.delta'], f['s2.licensing.decisions']].join('\t'));
    const fees = lines.find((l) => l.startsWith('行政事业性收费\t'));
    // 本年增/减 spans the last two columns: the value in the first, the covered column empty
    expect(fees).toBe(['行政事业性收费', f['s2.fees.prev'], f['s2.fees.delta'], ''].join('\t'));
    const granted = lines.find((l) => l.includes('（一）予以公开'))!;
    expect(granted.split('\t')).toEqual(['三、本年度办理结果', '（一）予以公开', '', ...['natural', 'commercial', 'research', 'social', 'legal', 'other_org', 'total'].map((c) => String(f[`s3.granted.${c}`]))]);
    const secret = lines.find((l) => l.includes('1.属于国家秘密'))!;
    expect(secret.split('\t').slice(0, 3)).toEqual(['', '（三）不予公开', '1.属于国家秘密']);
    // the merged header: 申请人情况 over seven columns, 法人或其他组织 over five
    expect(lines.find((l) => l.includes('申请人情况'))!.split('\t')).toEqual([expect.stringContaining('勾稽关系'), '', '', '申请人情况', '', '', '', '', '', '']);
    expect(lines.find((l) => l.includes('法人或其他组织'))!.split('\t')).toEqual(['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计']);
  });

  it('a blank cell stays an empty field in its own column, a dash stays a dash', async () => {
    const d = makeReport(31, '2021');
    d.facts['s3.granted.total'] = null;
    d.facts['s3.new.research'] = null;
    d.facts['s4.direct.pending'] = null;
    d.blank = ['s3.granted.total', 's4.direct.pending'];
    d.dash = ['s3.new.research'];
    const r = await extract('blank.html', utf8(reportHtml(d)));
    const lines = r.text.split('\n');
    expect(lines.find((l) => l.includes('（一）予以公开'))!.split('\t')).toHaveLength(10);
    expect(lines.find((l) => l.includes('（一）予以公开'))!.split('\t')[9]).toBe('');
    expect(lines.find((l) => l.startsWith('一、本年新收'))!.split('\t')[5]).toBe('—');
    expect(readBack(r.text, '2021').facts).toEqual(expected(d));
  });

  it('table lines carry 表N 第R行; the field index gives the column; prose has none', async () => {
    const d = makeReport(41, '2019');
    const r = await extract('report.html', utf8(reportHtml(d)));
    const lines = r.text.split('\n');
    const i = lines.findIndex((l) => l.startsWith('行政许可\t'));
    // table 二, grid row 6: 第二十条第（一）项 / 信息内容 / 规章 / 规范性文件 / 第二十条第（五）项 / 信息内容 / 行政许可
    expect(r.lineLocators[i]).toBe('表1 第7行');
    expect(cellLocator(r.lineLocators[i], 3)).toBe('表1 第7行 第4列');
    const j = lines.findIndex((l) => l.includes('8.属于行政查询事项'));
    expect(r.lineLocators[j]).toBe('表2 第15行');
    const k = lines.findIndex((l) => /^\d+(\t\d+){14}$/.test(l));
    expect(r.lineLocators[k]).toBe('表3 第4行');
    expect(r.lineLocators[lines.indexOf('一、总体情况')]).toBeNull();
  });

  it('synthetic reports (scripts/synth figures) of both templates round-trip', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const template = seed % 2 ? '2019' : '2021';
      const d = fromSynth(seed, template);
      const r = await extract('synth.html', utf8(reportHtml(d, { splitNumbers: true, seed })));
      expect(readBack(r.text, template).facts, `seed ${seed}`).toEqual(expected(d));
    }
  });
});

describe('saved page with site chrome in GBK', () => {
  const d = makeReport(51, '2021');
  const opts = { chrome: true, charset: 'gbk', published: '2022-01-25', source: '临安区教育局办公室', indexNo: '002481003/2022-00017', splitNumbers: true, seed: 9 };
  const page = reportHtml(d, opts);

  it('decodes by the declared charset and reads the report without the chrome', async () => {
    const bytes = gbk(page);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really GBK
    const r = await extract('saved.html', bytes);
    expect(r.encoding).toBe('gb18030');
    expect(readBack(r.text, '2021').facts).toEqual(expected(d));
    const lines = r.text.split('\n');
    expect(lines[0]).toBe(title(d));
    expect(lines.at(-1)).toBe('本年度未收取信息处理费。');
    // nothing of the header, nav, breadcrumb, sidebar, share bar, footer or script
    for (const chrome of ['88231', '1204558', '0468-5812345', '2304220001', '12345', '4417', '办事服务', '当前位置', '相关报告', '分享到', 'ICP备', '搜索']) {
      expect(r.text, chrome).not.toContain(chrome);
    }
  });

  it('takes 发布日期, 来源 and 索引号 from the page', async () => {
    const r = await extract('saved.html', gbk(page));
    expect(r.meta).toEqual({ published: '2022-01-25', source: '临安区教育局办公室', indexNo: '002481003/2022-00017', title: title(d) });
  });

  it('sniffs GBK when the page declares no charset, and honours gb2312/GB18030 labels', () => {
    const noDecl = page.replace(/<meta http-equiv[^>]*>/, '');
    expect(decodeHtmlBytes(gbk(noDecl))).toMatchObject({ encoding: 'gb18030', how: 'sniffed' });
    expect(decodeHtmlBytes(gbk(noDecl)).text).toContain('第二十条第（五）项');
    for (const label of ['gb2312', 'GB18030', 'GBK']) {
      const dec = decodeHtmlBytes(gbk(page.replace('charset=gbk', `charset=${label}`)));
      expect(dec).toMatchObject({ encoding: 'gb18030', how: 'declared' });
      expect(dec.text).toContain('三、本年度办理结果');
    }
    expect(decodeHtmlBytes(utf8(page.replace('charset=gbk', 'charset=utf-8')))).toMatchObject({ encoding: 'utf-8', how: 'declared' });
  });
});

describe('isStructuredInput', () => {
  it('names the inputs extractText reads', () => {
    expect(['a.html', 'b.HTM', 'c.pdf', 'd.docx'].map(isStructuredInput)).toEqual([true, true, true, true]);
    expect(['a.txt', 'b.doc', 'c'].map(isStructuredInput)).toEqual([false, false, false]);
  });
});
