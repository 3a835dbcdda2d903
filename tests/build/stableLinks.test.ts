/**
 * Links survive a rebuild: the seeds are built, then built again with a report
 * added before them (so every build-order id shifts), one removed and one
 * replaced by an edited file. Every key of the first build still opens its own
 * report, the replaced one the organ's report of that year, the removed one
 * says it is gone. Also: the coverage columns, the organ search and the build
 * summary's partial files and manifest disagreements.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'sql.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDatabase, formatSummary, type BuildSummary } from '../../scripts/lib/buildDatabase';
import { openBuiltDatabase } from '../../scripts/lib/openBuilt';
import { NO_FILTERS } from '../../src/db/filters';
import { organByKey, organSearch, reportList, resolveReport, type Queryable } from '../../src/db/queries';
import { strs, tableFromExec } from '../../src/db/table';
import { rows, tmpDir } from './helpers';

const SEEDS = path.resolve('data/reports');
const MANIFEST = fs.readFileSync(path.resolve('data/manifest.csv'), 'utf8');
const HOUTOU = '003_3e29c1783746c98c.txt';
const LIULOU = '004_0416b198e20bfbfb.txt';

async function build(dir: string, edit: (reports: string) => string): Promise<{ db: Database; q: Queryable; summary: BuildSummary }> {
  const reports = path.join(dir, 'reports');
  fs.mkdirSync(reports, { recursive: true });
  for (const f of fs.readdirSync(SEEDS)) fs.copyFileSync(path.join(SEEDS, f), path.join(reports, f));
  const manifest = edit(reports);
  fs.writeFileSync(path.join(dir, 'manifest.csv'), manifest);
  const out = path.join(dir, 'build', 'gongkai.sqlite');
  const summary = await buildDatabase({ reportsDir: reports, manifestPath: path.join(dir, 'manifest.csv'), outFile: out, builtAt: '2026-11-21' });
  const db = await openBuiltDatabase(out);
  return { db, q: { all: (sql, params) => tableFromExec(db.exec(sql, params ?? [])) }, summary };
}

const keyed = (q: Queryable) => {
  const t = reportList(q, { filters: NO_FILTERS, limit: 100, offset: 0 }).rows;
  const ids = t.columns.report_id as number[];
  return strs(t, 'report_key').map((key, i) => ({ key, id: ids[i] }));
};
const fileOf = (db: Database, id: number | null): string | undefined =>
  rows(db, "SELECT s.file FROM reports r JOIN source_files s USING (file_id) WHERE r.report_id = ?", [id])[0]?.file as string | undefined;

/** A report whose text stops before table 二: a title and section 一 of 刘楼乡's. */
const truncated = () =>
  ['五常市民意乡2021年政府信息公开工作年度报告', ...fs.readFileSync(path.join(SEEDS, LIULOU), 'utf8').split('\n').slice(0, 15)].join('\n');

describe('links survive a rebuild with files added, removed and replaced', () => {
  let before: Awaited<ReturnType<typeof build>>;
  let after: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    before = await build(tmpDir('links-before'), () => MANIFEST);
    after = await build(tmpDir('links-after'), (dir) => {
      // sorts first: every seed's report_id moves up by one
      fs.writeFileSync(path.join(dir, '000_000_added.txt'), truncated());
      fs.rmSync(path.join(dir, LIULOU));
      fs.appendFileSync(path.join(dir, HOUTOU), '\n（本报告已更正）\n');
      // the manifest says 2022 where the text says 2021
      return MANIFEST.replace(/\n[^\n]*004_0416b198e20bfbfb[^\n]*/, '') + '000_000_added.txt,五常市民意乡,黑龙江省,哈尔滨市,五常市,乡镇,2022,,\n';
    });
  });
  afterAll(() => {
    before?.db.close();
    after?.db.close();
  });

  test('the build-order ids shift, so an id link would open another report', () => {
    const [first] = keyed(before.q).filter((r) => r.id === 1);
    expect(fileOf(before.db, 1)).toBe('000_3d4bdaa64d37f60c.txt');
    expect(fileOf(after.db, 1)).toBe('000_000_added.txt');
    expect(first.key).toMatch(/^[0-9a-f]{8}-2020-[0-9a-f]{6}$/);
  });

  test('every key of the first build opens the same file, the replaced one its successor, the removed one nothing', () => {
    for (const { key, id } of keyed(before.q)) {
      const file = fileOf(before.db, id);
      const r = resolveReport(after.q, { ref: key });
      if (file === LIULOU) {
        expect(r, file).toMatchObject({ match: 'gone', id: null, organKey: '' });
      } else if (file === HOUTOU) {
        expect(r.match, file).toBe('replaced');
        expect(fileOf(after.db, r.id), file).toBe(HOUTOU);
        expect(r.key).not.toBe(key);
      } else {
        expect(r, file).toMatchObject({ match: 'exact', key });
        expect(fileOf(after.db, r.id), file).toBe(file);
      }
    }
    // keys are the same string in both builds for the unchanged files
    const same = keyed(after.q).map((r) => r.key);
    expect(same.filter((k) => keyed(before.q).some((b) => b.key === k))).toHaveLength(3);
  });

  test('an old build-order id is a legacy match; anything not a key is gone', () => {
    expect(resolveReport(after.q, { ref: '#2' })).toMatchObject({ match: 'legacy', id: 2 });
    expect(resolveReport(after.q, { ref: '#999' })).toMatchObject({ match: 'gone', id: null });
    for (const ref of ['999', '-5', '#-5', 'ffffffff-2020-000000', '']) expect(resolveReport(after.q, { ref }).match, ref).toBe('gone');
    // a key of a removed report whose organ is still there names the organ
    const houtou = rows(before.db, "SELECT organ_key FROM organs WHERE name = '绥棱县后头乡'")[0].organ_key as string;
    expect(resolveReport(after.q, { ref: `${houtou}-2019-000000` })).toMatchObject({ match: 'gone', organKey: houtou, organ: '绥棱县后头乡' });
  });

  test('organ keys are the same in both builds for the organs in both', () => {
    const keys = (db: Database) => Object.fromEntries(rows(db, 'SELECT name, organ_key FROM organs').map((r) => [r.name, r.organ_key]));
    const a = keys(before.db), b = keys(after.db);
    for (const name of ['绥滨县连生乡人民政府', '城郊乡人民政府', '绥棱县后头乡']) expect(b[name], name).toBe(a[name]);
    expect(rows(after.db, 'SELECT COUNT(DISTINCT organ_key) AS n, COUNT(*) AS m FROM organs')[0]).toEqual({ n: 4, m: 4 });
    expect(strs(organByKey(after.q, { key: String(a['绥棱县后头乡']) }), 'name')).toEqual(['绥棱县后头乡']);
    expect(strs(organByKey(after.q, { key: '#2' }), 'name')).toHaveLength(1);
  });

  test('the coverage columns count the checks string: judged, passed, not assessable, and 仅部分可判断', () => {
    for (const r of rows(after.db, 'SELECT checks, assessed, passed, unassessed, partial, completeness FROM reports')) {
      const code = String(r.checks);
      const count = (re: RegExp) => (code.match(re) ?? []).length;
      expect([r.assessed, r.passed, r.unassessed]).toEqual([count(/[pEWI]/g), count(/p/g), count(/n/g)]);
      // partial: a table check (C04–C06, C12–C17) not assessable
      const table = [4, 5, 6, 12, 13, 14, 15, 16, 17].some((i) => code[i - 1] === 'n');
      expect(r.partial).toBe(table ? 1 : 0);
    }
    // the added report has no tables: every check it could judge passed, and it is marked
    const added = rows(after.db, "SELECT r.* FROM reports r JOIN source_files s USING (file_id) WHERE s.file = '000_000_added.txt'")[0];
    expect(added.completeness).toBe('none');
    expect(added.partial).toBe(1);
    expect(added.passed).toBe(added.assessed);
    expect(Number(added.unassessed)).toBeGreaterThan(Number(added.assessed));
    // the list filters and sorts by it
    const partial = reportList(after.q, { filters: NO_FILTERS, limit: 50, offset: 0, coverage: 'partial' });
    expect(partial.total).toBe(3);
    const byRate = reportList(after.q, { filters: NO_FILTERS, limit: 50, offset: 0, sort: '-rate' });
    const rates = (byRate.rows.columns.passed as number[]).map((p, i) => p / (byRate.rows.columns.assessed[i] as number));
    expect(rates).toEqual([...rates].sort((x, y) => y - x));
    expect(reportList(after.q, { filters: NO_FILTERS, limit: 2, offset: 4 }).rows.length).toBe(1);
  });

  test('搜索机关 finds an organ by part of its name, in simplified or traditional characters, wherever it is', () => {
    const names = (text: string) => strs(organSearch(after.q, { text }).organs, 'name');
    expect(names('连生')).toEqual(['绥滨县连生乡人民政府']);
    expect(names('綏濱')).toEqual(['绥滨县连生乡人民政府']);
    expect(names('乡')).toHaveLength(4);
    expect(names('50%_')).toEqual([]);
    expect(organSearch(after.q, { text: '  ' }).total).toBe(0);
  });

  test('the build summary names every partial file with its reason, and the manifest year the text contradicts', () => {
    const s = formatSummary(after.summary);
    expect(after.summary.partials.map((p) => p.file).sort()).toEqual(['000_000_added.txt', '001_230915953f1370e3.txt', '002_8d6632e4e8c36cd9.txt']);
    expect(s).toContain('  部分 000_000_added.txt：无模板表格（非模板报告或文本在表格前中断）');
    expect(s).toContain('  部分 001_230915953f1370e3.txt：部分内容缺失：3 个表格单元格未见于文本');
    expect(s).toContain('  清单与正文不一致 000_000_added.txt：年度：清单为 2022，正文为 2021（采用清单）');
    // in Chinese: what each line says beside its file name
    const said = s.split('\n').filter((l) => /^  (部分|清单与正文不一致) /.test(l)).map((l) => l.replace(/^  \S+ \S+?：/, ''));
    expect(said).toHaveLength(4);
    for (const l of said) expect(l).not.toMatch(/[A-Za-z]{3,}/);
  });
});
