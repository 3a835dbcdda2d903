/**
 * Issue 14.9: deeply nested pages read as their flat versions do (the reader was
 * quadratic — 2,000 nested <div>s took 13 s — and recursive). Results are
 * asserted here; the time is in BENCHMARKS.md.
 */
import { describe, expect, test } from 'vitest';
import { extractHtml } from '../../src/extract/html.ts';
import { makeReport, reportHtml } from './render.ts';
import { readBack } from './readBack.ts';

const d = makeReport(51, '2021');
const page = reportHtml(d, { chrome: true, splitNumbers: true, seed: 6 });
const body = (html: string) => html.slice(html.indexOf('<body>') + 6, html.indexOf('</body>'));
const wrap = (html: string, open: string, close: string, n: number) => html.replace(body(html), open.repeat(n) + body(html) + close.repeat(n));

describe('nested elements', () => {
  const flat = extractHtml(page);

  test('the report inside 2,500 nested <div>s reads exactly as the page itself', () => {
    const deep = extractHtml(wrap(page, '<div>', '</div>', 2500));
    expect(deep.lines).toEqual(flat.lines);
    expect(deep.locators).toEqual(flat.locators);
    expect(readBack(deep.lines.join('\n'), '2021').facts).toEqual(d.facts);
  });

  test('inside 2,000 nested site-chrome wrappers (class="nav") that hold the report, nothing is lost', () => {
    const deep = extractHtml(wrap(page, '<div class="nav">', '</div>', 2000));
    expect(deep.lines).toEqual(flat.lines);
  });

  test('2,000 nested blocks that each hold the same heading: one heading line, the prose after it', () => {
    const html = `<html><body>${'<div>'.repeat(2000)}<p>一、总体情况</p><p>本机关2023年主动公开政府信息352条。</p>${'</div>'.repeat(2000)}</body></html>`;
    expect(extractHtml(html).lines).toEqual(['一、总体情况', '本机关2023年主动公开政府信息352条。']);
  });

  test('20,000 nested <span>s around one number: one line, no stack overflow', () => {
    const html = `<html><body><p>主动公开政府信息${'<span>'.repeat(20_000)}352${'</span>'.repeat(20_000)}条</p></body></html>`;
    expect(extractHtml(html).lines).toEqual(['主动公开政府信息352条']);
  });

  test('2,000 tables nested in each other: layout, not data — the innermost row is prose', () => {
    const html = `<html><body>${'<table><tr><td>'.repeat(2000)}<table><tr><td>规章</td><td>5</td></tr></table>${'</td></tr></table>'.repeat(2000)}</body></html>`;
    expect(extractHtml(html).lines).toEqual(['规章\t5']);
  });
});
