/**
 * Issue 14.1: a small file may not ask for unbounded work. Each bound of
 * src/extract/limits.ts fails the file with its reason in Chinese; a real
 * report stays far inside all of them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractFile } from '../../scripts/lib/nodeExtract.ts';
import { extractHtml } from '../../src/extract/html.ts';
import { LIMITS, resolveLimits } from '../../src/extract/limits.ts';
import { docxBomb, docxWithDocument, documentXml, spanBombHtml } from './hostile.ts';
import { makeReport, reportDocx, reportHtml } from './render.ts';

const MB = 1024 * 1024;
const utf8 = (s: string) => new TextEncoder().encode(s);
const COMPLETE = path.resolve('../shared/corpus/complete');

describe('Word files: decompressed size of every part', () => {
  test('a 1 MB .docx whose word/document.xml inflates to 300 MB fails, naming the part and the bound', async () => {
    const bytes = await docxBomb(300);
    expect(bytes.length).toBeLessThan(1.5 * MB);
    expect(await extractFile('bomb.docx', bytes)).toEqual({ error: 'Word 文件解压后超过 20 MB（word/document.xml），不是年度报告' });
  });

  test('a part whose headers understate its size is stopped at the bound while inflating', async () => {
    const bytes = await docxWithDocument(documentXml(40 * MB), 1000);
    expect(await extractFile('lying.docx', bytes)).toEqual({ error: 'Word 文件解压后超过 20 MB（word/document.xml），不是年度报告' });
  });

  test('the parts together are bounded too', async () => {
    const bytes = await docxWithDocument(documentXml(2 * MB));
    const limits = resolveLimits({ zipPartBytes: 3 * MB, zipTotalBytes: 2 * MB });
    expect(await extractFile('big.docx', bytes, limits)).toEqual({ error: 'Word 文件解压后超过 2 MB（各部分合计），不是年度报告' });
  });

  test('a real Word report passes, and a 2 MB document part still reads', async () => {
    const ok = await extractFile('r.docx', await reportDocx(makeReport(41, '2021')));
    expect('text' in ok && ok.text).toContain('（一）予以公开');
    const big = await extractFile('big.docx', await docxWithDocument(documentXml(2 * MB)));
    expect('text' in big && big.text.split('\n').length).toBeGreaterThan(20_000);
  });
});

describe('pages: cells of the expanded table grids', () => {
  test('a 37 KB page with <td rowspan=0 colspan=1000> ×300 then 3,000 rows fails', async () => {
    const html = spanBombHtml();
    expect(html.length).toBeLessThan(40_000);
    expect(await extractFile('spans.html', utf8(html))).toEqual({ error: '表格展开后超过 20 万个单元格（合并单元格 rowspan/colspan 异常），不是年度报告' });
  });

  test('one wide row over many short ones counts the padding to a rectangle', async () => {
    // 1,000 + 300 cells placed, but the grid is 1,000 wide and 301 rows high: 301,000 cells
    const html = `<table><tr><td colspan=1000>1${'<tr><td>2'.repeat(300)}</table>`;
    const lines = extractHtml(html, resolveLimits({ gridCells: 301_000 })).lines;
    expect(lines).toHaveLength(301);
    expect(lines[300].split('\t')).toEqual(['2', ...Array(999).fill('')]);
    expect(() => extractHtml(html, resolveLimits({ gridCells: 300_999 }))).toThrow('表格展开后超过 300999 个单元格');
  });

  test('the grids of a Word file are bounded alike', async () => {
    const limits = resolveLimits({ gridCells: 100 });
    expect(await extractFile('r.docx', await reportDocx(makeReport(42, '2019')), limits)).toEqual({
      error: '表格展开后超过 100 个单元格（合并单元格 rowspan/colspan 异常），不是年度报告',
    });
  });

  test('a page with more tags than the bound fails before it is parsed', async () => {
    const html = `<p>${'<b>1</b>'.repeat(100_001)}</p>`;
    expect(await extractFile('tags.html', utf8(html))).toEqual({ error: '网页元素超过 10 万个，不是年度报告' });
  });
});

describe('text handed to the parser', () => {
  test('a plain text of 2,000,001 characters fails; 2,000,000 pass', async () => {
    const line = '本机关主动公开政府信息。\n';
    const text = line.repeat(Math.ceil(2_000_001 / line.length)).slice(0, 2_000_001);
    expect(await extractFile('long.txt', utf8(text))).toEqual({ error: '文本超过 200 万字，不是年度报告' });
    const r = await extractFile('ok.txt', utf8(text.slice(0, 2_000_000)));
    expect('text' in r && r.text.length).toBe(2_000_000);
  });

  test('the text of a page counts, not its markup', async () => {
    const page = reportHtml(makeReport(43, '2021'));
    const limits = resolveLimits({ textChars: 4000 });
    const r = await extractFile('r.html', utf8(page + `<!-- ${'x'.repeat(10_000)} -->`), limits);
    expect('text' in r && r.text.length).toBeLessThan(4000);
    expect(await extractFile('r.html', utf8(page), resolveLimits({ textChars: 500 }))).toEqual({ error: '文本超过 500 字，不是年度报告' });
  });

  test('a file larger than the bound is refused before it is read', async () => {
    expect(await extractFile('big.txt', new Uint8Array(LIMITS.fileBytes + 1))).toEqual({ error: '文件过大（20.0 MB，上限 20 MB），不是年度报告文本' });
  });
});

describe.skipIf(!fs.existsSync(COMPLETE))('PDF pages and page items (hongze-2024.pdf: 5 pages)', () => {
  const bytes = () => new Uint8Array(fs.readFileSync(path.join(COMPLETE, 'hongze-2024.pdf')));
  test('more pages than the bound', async () => {
    expect(await extractFile('h.pdf', bytes(), resolveLimits({ pdfPages: 4 }))).toEqual({ error: 'PDF 有 5 页，超过 4 页，不是年度报告' });
  });
  test('more text pieces and rules on one page than the bound', async () => {
    const r = await extractFile('h.pdf', bytes(), resolveLimits({ pdfPageItems: 300 }));
    expect(r).toEqual({ error: expect.stringMatching(/^PDF 第 [1-5] 页的文字块和线条超过 300 个，不是年度报告$/) });
  });
  test('a text bound below the report stops the reading', async () => {
    expect(await extractFile('h.pdf', bytes(), resolveLimits({ textChars: 1000 }))).toEqual({ error: '文本超过 1000 字，不是年度报告' });
  });
  test('within the default bounds it reads', async () => {
    const r = await extractFile('h.pdf', bytes());
    expect('text' in r && r.text).toContain('政府信息公开');
  });
});

describe('the settings object', () => {
  test('an unknown or non-positive limit is an error, not silently ignored', () => {
    expect(() => resolveLimits({ gridcells: 5 } as never)).toThrow('unknown limit: gridcells');
    expect(() => resolveLimits({ gridCells: 0 })).toThrow('gridCells must be a positive number');
    expect(resolveLimits({ gridCells: 7 })).toEqual({ ...LIMITS, gridCells: 7 });
  });
});
