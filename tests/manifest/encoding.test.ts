/**
 * Issue 14.6: a manifest saved by Excel on Chinese Windows ("CSV (逗号分隔)":
 * GBK, CRLF, no BOM) was read as UTF-8 and silently garbled. Its encoding is
 * now detected as a report's is, and the build's summary says what was assumed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'sql.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDatabase, type BuildSummary } from '../../scripts/lib/buildDatabase.ts';
import { loadManifest } from '../../scripts/lib/manifest.ts';
import { openBuiltDatabase } from '../../scripts/lib/openBuilt.ts';
import { rows } from '../build/helpers.ts';
import { gbk } from '../extract/gbk.ts';

const SEEDS = path.resolve('data/reports');
// as Excel writes it: CRLF, and a quoted cell where the organ holds a comma
// (and two source URLs, one of them no web address at all)
const CSV = `${fs
  .readFileSync('data/manifest.csv', 'utf8')
  .replace('绥棱县,乡镇,2020,,', '绥棱县,乡镇,2020,https://www.suileng.gov.cn/xxgk/2021/0130.html,')
  .replace('宁陵县,乡镇,2019,,', '宁陵县,乡镇,2019,javascript:alert(1),')
  .trimEnd()
  .split('\n')
  .join('\r\n')}\r\nz.txt,"某某县人民政府办公室,信息公开科",,,,县级部门,2021,http://www.example.gov.cn/art/2022/1/20/art_1.html,2022年1月20日\r\n`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-manifest-enc-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, bytes: Uint8Array) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
};

describe('manifest encodings', () => {
  test('GBK, as Excel on Chinese Windows saves it: read as GB18030, every name intact', () => {
    const bytes = gbk(CSV);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const m = loadManifest(write('gbk.csv', bytes));
    expect(m.encoding).toBe('gb18030');
    expect(m.problems).toEqual([{ line: 6, message: 'source_url 不是 http/https 网址，未作为链接保存：javascript:alert(1)' }]);
    expect(m.rows.get('000_3d4bdaa64d37f60c.txt')).toMatchObject({ organ: '连生乡', province: '黑龙江省', city: '鹤岗市', county: '绥滨县', level: '乡镇', year: 2020 });
    expect(m.rows.get('z.txt')).toMatchObject({ organ: '某某县人民政府办公室,信息公开科', level: '县级部门', published: '2022-01-20' });
  });

  test('UTF-8 with a BOM (Excel\'s "CSV UTF-8") and without', () => {
    const bom = loadManifest(write('bom.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CSV)])));
    expect(bom.encoding).toBe('utf-8-bom');
    expect(bom.rows.get('002_8d6632e4e8c36cd9.txt')?.organ).toBe('绥滨县连生乡人民政府');
    expect(bom.problems).toHaveLength(1);
    expect(loadManifest('data/manifest.csv').encoding).toBe('utf-8');
  });

  test('UTF-16LE, tab-separated (Excel\'s "Unicode 文本")', () => {
    const tsv = CSV.replaceAll(',', '\t').replace('"某某县人民政府办公室\t信息公开科"', '某某县人民政府办公室');
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(tsv, 'utf16le'))]);
    const m = loadManifest(write('utf16.txt', le));
    expect(m.encoding).toBe('utf-16le');
    expect(m.rows.get('003_3e29c1783746c98c.txt')).toMatchObject({ organ: '绥棱县后头乡', county: '绥棱县' });
  });

  test('a file that is not text is one problem, not garbled rows', () => {
    const m = loadManifest(write('binary.csv', new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256))));
    expect(m.rows.size).toBe(0);
    expect(m.problems).toEqual([{ line: 0, message: expect.stringContaining('二进制内容') }]);
  });
});

describe('a build with the GBK manifest', () => {
  let summary: BuildSummary;
  let log = '';
  let db: Database;
  beforeAll(async () => {
    const out = path.join(dir, 'build', 'gongkai.sqlite');
    summary = await buildDatabase({ reportsDir: SEEDS, manifestPath: write('manifest.csv', gbk(CSV)), outFile: out, log: (l) => (log += l + '\n') });
    db = await openBuiltDatabase(out);
  }, 120_000);

  test('the summary says the manifest was read as GB18030', () => {
    expect(summary.manifestEncoding).toBe('gb18030');
    expect(log).toContain('  清单编码：GB18030（不是有效的 UTF-8，按中文 Windows 上 Excel 保存的 GBK/GB18030 读取）');
    expect(summary.manifestProblems).toEqual(['第 6 行：source_url 不是 http/https 网址，未作为链接保存：javascript:alert(1)']);
  });

  test('the organs and places of the manifest reach the database unharmed', () => {
    const organs = rows(db, 'SELECT o.name, o.level FROM organs o ORDER BY o.name').map((o) => `${o.name}|${o.level}`);
    expect(organs).toContain('城郊乡人民政府|乡镇');
    expect(organs).toContain('刘楼乡|乡镇');
    expect(organs.join()).not.toMatch(/\ufffd/);
  });

  test('only the http(s) source URL is stored as the report\'s link', () => {
    const urls = rows(db, 'SELECT f.file, r.source_url FROM reports r JOIN source_files f USING (file_id) ORDER BY f.file').map((r) => r.source_url);
    expect(urls).toEqual([null, null, null, 'https://www.suileng.gov.cn/xxgk/2021/0130.html', null]);
  });
});
