import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest, parseDate, parseManifest } from '../../scripts/lib/manifest';

const HEADER = 'file,organ,province,city,county,level,year,source_url,published';

describe('parseManifest', () => {
  it('reads a well-formed row: trimmed cells, empty → null, year number, ISO date', () => {
    const { rows, problems } = parseManifest(
      `${HEADER}\n 000_3d4bdaa64d37f60c.txt , 连生乡 ,黑龙江省,鹤岗市,绥滨县,乡镇, 2020 ,,2021/1/30\n`,
    );
    expect(problems).toEqual([]);
    expect(rows.get('000_3d4bdaa64d37f60c.txt')).toEqual({
      file: '000_3d4bdaa64d37f60c.txt', organ: '连生乡', province: '黑龙江省', city: '鹤岗市', county: '绥滨县',
      level: '乡镇', year: 2020, source_url: null, published: '2021-01-30',
    });
  });

  it('accepts 2021-01-30, 2021/1/30, 2021年1月30日 (and a time of day)', () => {
    expect(parseDate('2021-01-30')).toBe('2021-01-30');
    expect(parseDate('2021/1/30')).toBe('2021-01-30');
    expect(parseDate('2021年1月30日')).toBe('2021-01-30');
    expect(parseDate('2021.1.5')).toBe('2021-01-05');
    expect(parseDate('2021-01-29 15:30')).toBe('2021-01-29');
    expect(parseDate('２０２１年１月３０日')).toBe('2021-01-30');
    expect(parseDate('2021-02-30')).toBeNull();
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('2023-02-29')).toBeNull();
    expect(parseDate('去年')).toBeNull();
  });

  it('an unreadable date or year → null plus a problem with its line', () => {
    const { rows, problems } = parseManifest(`${HEADER}\na.txt,甲,,,,,二〇二一,,1月30日\n`);
    expect(rows.get('a.txt')).toMatchObject({ year: null, published: null });
    expect(problems).toEqual([
      { line: 2, message: expect.stringContaining('二〇二一') },
      { line: 2, message: expect.stringContaining('1月30日') },
    ]);
  });

  it('duplicate file rows, a missing file cell and unknown columns are reported, not fatal', () => {
    const csv = `file,organ,year,template\na.txt,甲,2020,2019\n,乙,2021,\na.txt,丙,2021,\nb.txt,丁,2022,2021\n`;
    const { rows, problems } = parseManifest(csv);
    expect([...rows.keys()]).toEqual(['a.txt', 'b.txt']);
    expect(rows.get('a.txt')?.organ).toBe('甲');
    expect(problems.map((p) => p.line)).toEqual([1, 3, 4]);
    expect(problems[0].message).toContain('template');
    expect(problems[1].message).toContain('file');
    expect(problems[2].message).toContain('a.txt');
  });

  it('quoted cells with commas and newlines keep the line numbers right; BOM and CRLF', () => {
    const csv = `\ufeff${HEADER}\r\n"a.txt","某县\r\n某局",,,,,2021,"http://x/?a=1,2",\r\n\r\nb.txt,乙,,,,,2021,,bad\r\n`;
    const { rows, problems } = parseManifest(csv);
    expect(rows.get('a.txt')).toMatchObject({ organ: '某县\n某局', source_url: 'http://x/?a=1,2', year: 2021, published: null });
    expect(problems).toEqual([{ line: 5, message: expect.stringContaining('bad') }]);
  });

  it('no file column: no rows and one problem; empty text: a problem', () => {
    expect(parseManifest('organ,year\n甲,2020\n')).toMatchObject({ rows: new Map(), problems: [{ line: 1 }] });
    expect(parseManifest('').problems).toHaveLength(1);
  });

  it('loadManifest reads a file, and reports a missing one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
    const p = path.join(dir, 'manifest.csv');
    fs.writeFileSync(p, `${HEADER}\n001_230915953f1370e3.txt,城郊乡人民政府,,,,乡镇,2020,,\n`);
    const m = loadManifest(p);
    expect(m.rows.get('001_230915953f1370e3.txt')).toMatchObject({ organ: '城郊乡人民政府', province: null, year: 2020 });
    expect(loadManifest(path.join(dir, 'none.csv')).problems[0].line).toBe(0);
    fs.rmSync(dir, { recursive: true });
  });
});

const REAL = path.resolve(__dirname, '../../../shared/corpus/real/manifest.csv');
describe.skipIf(!fs.existsSync(REAL))('the shared corpus manifest', () => {
  it('reads all 24 rows; its extra columns are reported as unknown', () => {
    const m = loadManifest(REAL);
    expect(m.rows.size).toBe(24);
    expect(m.rows.get('066.txt')).toMatchObject({ province: '辽宁省', city: '沈阳市', county: '法库县', year: 2022 });
    expect(m.rows.get('015.txt')?.county).toBeNull();
    expect(m.problems.every((p) => p.line === 1)).toBe(true);
  });
});

describe('source_url (issue 14.7, build side)', () => {
  it('only an absolute http: or https: URL is kept; anything else is null and a problem naming it', () => {
    const csv = [
      HEADER,
      'a.txt,,,,,,,https://www.gov.cn/zhengce/2022-01/20/content_1.htm,',
      'b.txt,,,,,,,http://xxgk.example.gov.cn/art/2022/1/20/art_1.html?id=5,',
      'c.txt,,,,,,,javascript:alert(document.cookie),',
      'd.txt,,,,,,,www.example.gov.cn/art/1.html,',
      'e.txt,,,,,,,"data:text/html;base64,PHNjcmlwdD4=",',
      'f.txt,,,,,,,file:///etc/passwd,',
      'g.txt,,,,,,,http://,',
      'h.txt,,,,,,,,',
    ].join('\n');
    const { rows, problems } = parseManifest(csv);
    expect(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((f) => rows.get(`${f}.txt`)?.source_url)).toEqual([
      'https://www.gov.cn/zhengce/2022-01/20/content_1.htm',
      'http://xxgk.example.gov.cn/art/2022/1/20/art_1.html?id=5',
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(problems).toEqual([
      { line: 4, message: 'source_url 不是 http/https 网址，未作为链接保存：javascript:alert(document.cookie)' },
      { line: 5, message: 'source_url 不是 http/https 网址，未作为链接保存：www.example.gov.cn/art/1.html' },
      { line: 6, message: expect.stringContaining('data:text/html') },
      { line: 7, message: expect.stringContaining('file:///etc/passwd') },
      { line: 8, message: expect.stringContaining('http://') },
    ]);
  });
});
