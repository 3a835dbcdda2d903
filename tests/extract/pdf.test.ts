import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Extracted } from '../../src/extract/index.ts';
import { extractFile as extractText } from '../../scripts/lib/nodeExtract.ts';
import { NO_TEXT_LAYER } from '../../src/extract/pdf.ts';
import { fromSynth, makeReport, reportHtml, title, type ReportData } from './render.ts';
import { readBack } from './readBack.ts';
import { launchChromium, printPdf, RUNNING_HEADER, SCAN_HTML } from './chromium.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function pdfOf(d: ReportData, css = ''): Promise<Extracted> {
  const html = reportHtml(d, { splitNumbers: true, seed: 5 }).replace('</style>', `${css}</style>`);
  const r = await extractText('report.pdf', await printPdf(browser, html));
  if ('error' in r) throw new Error(r.error);
  expect(r.lineLocators).toHaveLength(r.text.split('\n').length);
  return r;
}

describe('PDF printed by Chromium', () => {
  for (const template of ['2019', '2021'] as const) {
    it(`${template} template: every number comes back in its row and column`, async () => {
      const d = makeReport(template === '2019' ? 71 : 72, template);
      const r = await pdfOf(d);
      expect(readBack(r.text, template).facts).toEqual(d.facts);
      const lines = r.text.split('\n');
      expect(lines[0]).toBe(title(d));
      const f = d.facts;
      if (template === '2019') {
        expect(lines.find((l) => l.startsWith('行政许可\t'))).toBe(['行政许可', f['s2.licensing.prev'], f['s2.licensing.delta'], f['s2.licensing.decisions']].join('\t'));
      } else {
        expect(lines.find((l) => l.startsWith('行政许可\t'))).toBe(['行政许可', f['s2.licensing.decisions'], '', ''].join('\t'));
      }
    });
  }

  it('drops the running header and the page numbers, and joins table 三 across the page break', async () => {
    const d = makeReport(73, '2021');
    const r = await pdfOf(d);
    const lines = r.text.split('\n');
    expect(r.text).not.toContain(RUNNING_HEADER);
    expect(lines.filter((l) => /^-\s*\d+\s*-$/.test(l))).toEqual([]);
    // table 三 spans pages 1 and 2, and its rows run on without anything between them
    const first = lines.findIndex((l) => l.startsWith('一、本年新收'));
    const last = lines.findIndex((l) => l.startsWith('四、结转下年度继续办理'));
    const pages = new Set(r.lineLocators.slice(first, last + 1).map((l) => l!.split(' ')[0]));
    expect([...pages]).toEqual(['第1页', '第2页']);
    expect(lines.slice(first, last + 1).every((l) => l.split('\t').length === 10)).toBe(true);
    expect(readBack(r.text, '2021').facts).toEqual(d.facts);
  });

  it('locators name the page and the height of the line', async () => {
    const d = makeReport(74, '2019');
    const r = await pdfOf(d);
    expect(r.lineLocators.every((l) => l !== null && /^第\d+页 y=\d+$/.test(l))).toBe(true);
    const lines = r.text.split('\n');
    const a = lines.findIndex((l) => l.startsWith('规章\t'));
    const b = lines.findIndex((l) => l.startsWith('规范性文件\t'));
    const y = (i: number) => Number(r.lineLocators[i]!.split('y=')[1]);
    expect(r.lineLocators[a]!.startsWith('第1页')).toBe(true);
    expect(y(a) - y(b)).toBeGreaterThan(8); // the next row is lower on the page
    expect(y(a) - y(b)).toBeLessThan(40);
  });

  it('a blank cell keeps its column', async () => {
    const d = fromSynth(8, '2019');
    for (const k of ['s3.granted.total', 's3.denied.law.commercial', 's2.rules.published', 's4.after_review.other']) d.facts[k] = null;
    d.blank = [...(d.blank ?? []), 's3.granted.total', 's3.denied.law.commercial', 's2.rules.published', 's4.after_review.other'];
    const r = await pdfOf(d);
    const lines = r.text.split('\n');
    expect(lines.find((l) => l.includes('（一）予以公开'))!.split('\t')).toHaveLength(10);
    expect(lines.find((l) => l.includes('（一）予以公开'))!.split('\t')[9]).toBe('');
    expect(lines.find((l) => l.includes('2.其他法律行政法规禁止公开'))!.split('\t')[4]).toBe('');
    expect(lines.find((l) => l.startsWith('规章\t'))!.split('\t')[2]).toBe('');
    expect(readBack(r.text, '2019').facts).toEqual(d.facts);
  });

  it('an unruled table: label, then one field per number column', async () => {
    const d = makeReport(75, '2019');
    const r = await pdfOf(d, 'td { border: none !important; padding: 3px 6px; }');
    const lines = r.text.split('\n');
    const f = d.facts;
    expect(lines.find((l) => l.startsWith('行政许可\t'))).toBe(['行政许可', f['s2.licensing.prev'], f['s2.licensing.delta'], f['s2.licensing.decisions']].join('\t'));
    const cols = ['natural', 'commercial', 'research', 'social', 'legal', 'other_org', 'total'];
    const row = lines.find((l) => l.includes('5.属于三类内部事务信息'))!.split('\t');
    expect(row.slice(-7)).toEqual(cols.map((c) => String(f[`s3.denied.internal.${c}`])));
  });

  it('a scanned PDF (an image, no text) is reported as such, never as an empty report', async () => {
    const r = await extractText('scan.pdf', await printPdf(browser, SCAN_HTML, false));
    expect(r).toEqual({ error: NO_TEXT_LAYER });
    expect(NO_TEXT_LAYER).toBe('PDF 没有文字层（扫描件？），不支持文字识别（OCR）');
  });

  it('a file that is not a PDF is an error', async () => {
    const r = await extractText('broken.pdf', new TextEncoder().encode('%PDF-1.4 garbage'));
    expect('error' in r).toBe(true);
  });
});
