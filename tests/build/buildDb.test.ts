import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'sql.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDatabase, type BuildSummary } from '../../scripts/lib/buildDatabase';
import { openBuiltDatabase } from '../../scripts/lib/openBuilt';
import { SCHEMA_VERSION } from '../../src/db/schema';
import { FACT_KEYS } from '../../src/parse/factKeys';
import { gbk } from '../extract/gbk';
import { makeReport, reportHtml } from '../extract/render';
import { rows, tmpDir } from './helpers';

const SEEDS = path.resolve('data/reports');
const TRUTH = path.resolve('../shared/corpus/seeds');


/** The core with its detail shards attached (findings, provenance, prose read through views). */
const open = (file: string): Promise<Database> => openBuiltDatabase(file);


function reportByFile(db: Database, file: string): Record<string, unknown> {
  const r = rows(db, 'SELECT r.* FROM reports r JOIN source_files f USING (file_id) WHERE f.file = ?', [file]);
  expect(r, `a report row for ${file}`).toHaveLength(1);
  return r[0];
}

describe('build from the seed reports', () => {
  const out = path.join(tmpDir('seeds'), 'gongkai.sqlite');
  let summary: BuildSummary;
  let db: Database;
  beforeAll(async () => {
    summary = await buildDatabase({ reportsDir: SEEDS, manifestPath: path.resolve('data/manifest.csv'), outFile: out, builtAt: '2026-11-21' });
    db = await open(out);
  });

  test('every seed is a report; none failed', () => {
    expect(summary.files).toBe(5);
    expect(summary.failed).toBe(0);
    expect(rows(db, 'SELECT count(*) AS n FROM reports')[0].n).toBe(5);
    expect(rows(db, 'SELECT count(*) AS n FROM source_files')[0].n).toBe(5);
  });

  test('figures written in the reports come back from the database', () => {
    const houtou = reportByFile(db, '003_3e29c1783746c98c.txt');
    expect(houtou.s2_procurement_count).toBe(3);
    expect(houtou.s2_procurement_amount).toBe(190);
    expect(houtou.procurement_unit).toBe('万元');
    expect(houtou.s1_proactive_total).toBe(20);
    expect(houtou.year).toBe(2020);
    expect(houtou.template).toBe('2019');
    const chengjiao = reportByFile(db, '001_230915953f1370e3.txt');
    expect(chengjiao.s2_licensing_decisions).toBe(241);
    expect(chengjiao.s2_normative_new).toBe(2);
    const liansheng2021 = reportByFile(db, '002_8d6632e4e8c36cd9.txt');
    expect(liansheng2021.s1_proactive_total).toBe(352);
    expect(liansheng2021.template).toBe('2021');
    // table 三 stops after 无法提供: the rows after it are NULL, not 0
    expect(liansheng2021.s3_total_total).toBeNull();
    expect(liansheng2021.s3_carried_forward_natural).toBeNull();
    expect(liansheng2021.completeness).toBe('partial');
  });

  test('连生乡 2020 and 绥滨县连生乡人民政府 2021 are one organ', () => {
    const a = reportByFile(db, '000_3d4bdaa64d37f60c.txt');
    const b = reportByFile(db, '002_8d6632e4e8c36cd9.txt');
    expect(a.organ_id).toBe(b.organ_id);
    const organ = rows(db, 'SELECT * FROM organs WHERE organ_id = ?', [a.organ_id as number])[0];
    expect(organ.county).toBe('绥滨县');
    expect(organ.province).toBe('黑龙江省');
  });

  test('seed 002 fails C04 and C09, with evidence', () => {
    const id = reportByFile(db, '002_8d6632e4e8c36cd9.txt').report_id as number;
    const failed = rows(db, "SELECT check_id, evidence FROM findings WHERE report_id = ? AND status = 'fail'", [id]);
    const ids = failed.map((f) => f.check_id);
    expect(ids).toContain('C04');
    expect(ids).toContain('C09');
    for (const f of failed) expect(String(f.evidence).length).toBeGreaterThan(0);
  });

  test('provenance: a stated cell points at its source line', () => {
    const id = reportByFile(db, '003_3e29c1783746c98c.txt').report_id as number;
    const p = rows(db, "SELECT * FROM cell_provenance WHERE report_id = ? AND key = 's2.procurement.amount'", [id])[0];
    expect(p.line).toBeGreaterThan(0);
    expect(String(p.line_text)).toContain('190');
  });

  test('a bare number in a one-cell-per-line layout keeps its row label as context', () => {
    const id = reportByFile(db, '002_8d6632e4e8c36cd9.txt').report_id as number;
    const cell = rows(db, "SELECT line, line_text FROM cell_provenance WHERE report_id = ? AND key = 's3.new.natural'", [id])[0];
    expect(String(cell.line_text).trim()).toBe('0');
    const above = rows(db, 'SELECT text FROM source_lines WHERE report_id = ? AND line < ? ORDER BY line DESC LIMIT 1', [id, cell.line as number])[0];
    expect(String(above.text)).toContain('一、本年新收政府信息公开申请数量');
  });

    test('the file is what the schema promises: user_version, page size, analyzed, labelled', () => {
    expect(rows(db, 'PRAGMA user_version')[0].user_version).toBe(SCHEMA_VERSION);
    expect(rows(db, 'PRAGMA page_size')[0].page_size).toBe(4096);
    expect(rows(db, "SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'")[0].n).toBe(1);
    expect(rows(db, 'SELECT count(*) AS n FROM fact_keys')[0].n).toBe(FACT_KEYS.length);
    expect(rows(db, "SELECT value FROM build_info WHERE key = 'built_at'")[0].value).toBe('2026-11-21');
    expect(rows(db, "SELECT value FROM build_info WHERE key = 'reports_failed'")[0].value).toBe('0');
  });

  test('the same inputs give a byte-identical database, core and detail', async () => {
    const again = path.join(tmpDir('again'), 'gongkai.sqlite');
    await buildDatabase({ reportsDir: SEEDS, manifestPath: path.resolve('data/manifest.csv'), outFile: again, builtAt: '2026-11-21' });
    expect(Buffer.compare(fs.readFileSync(out), fs.readFileSync(again))).toBe(0);
    const detail = (f: string) => path.join(path.dirname(f), 'public', 'data');
    const shards = fs.readdirSync(detail(out)).sort();
    expect(shards).toEqual(fs.readdirSync(detail(again)).sort());
    for (const s of shards) expect(Buffer.compare(fs.readFileSync(path.join(detail(out), s)), fs.readFileSync(path.join(detail(again), s)))).toBe(0);
  });

  test('every check result is in reports.checks, every failure with evidence in the core', () => {
    const r = reportByFile(db, '002_8d6632e4e8c36cd9.txt');
    const code = String(r.checks);
    expect(code).toHaveLength(28);
    expect(code[3]).toBe('E'); // C04 fails, severity error
    expect(code[8]).toBe('W'); // C09 fails, severity warning
    const failures = rows(db, 'SELECT check_id FROM failures WHERE report_id = ? ORDER BY check_id', [r.report_id as number]).map((f) => f.check_id);
    const failedInCode = [...code].flatMap((ch, i) => ('EWI'.includes(ch) ? [`C${String(i + 1).padStart(2, '0')}`] : []));
    expect(failures).toEqual(failedInCode);
    // the detail findings agree with the code, pass and na included
    const detail = rows(db, 'SELECT check_id, status FROM findings WHERE report_id = ?', [r.report_id as number]);
    for (const f of detail) {
      const ch = code[Number(String(f.check_id).slice(1)) - 1];
      expect(f.status === 'pass' ? 'p' : f.status === 'na' ? 'n' : 'fail').toBe('EWI'.includes(ch) ? 'fail' : ch);
    }
  });

  describe.skipIf(!fs.existsSync(TRUTH))('against the hand-checked truth of ../shared', () => {
    test('every stated fact of every seed, and every unstated one NULL', () => {
      for (const name of fs.readdirSync(TRUTH).filter((f) => f.endsWith('.json'))) {
        const truth = JSON.parse(fs.readFileSync(path.join(TRUTH, name), 'utf8'));
        const r = reportByFile(db, truth.file);
        for (const [key, value] of Object.entries(truth.facts as Record<string, number>)) {
          expect(r[key.replaceAll('.', '_')], `${truth.file} ${key}`).toBe(value);
        }
        for (const key of truth.absent as string[]) expect(r[key.replaceAll('.', '_')], `${truth.file} ${key}`).toBeNull();
      }
    });
  });
});

describe('bad input costs nothing else', () => {
  const dir = tmpDir('bad');
  const reports = path.join(dir, 'reports');
  const out = path.join(dir, 'gongkai.sqlite');
  let summary: BuildSummary;
  let db: Database;
  beforeAll(async () => {
    fs.mkdirSync(reports);
    for (const f of fs.readdirSync(SEEDS)) fs.copyFileSync(path.join(SEEDS, f), path.join(reports, f));
    const houtou = fs.readFileSync(path.join(SEEDS, '003_3e29c1783746c98c.txt'), 'utf8');
    fs.writeFileSync(path.join(reports, 'empty.txt'), '');
    fs.writeFileSync(path.join(reports, 'binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    fs.writeFileSync(path.join(reports, 'not-a-report.txt'), '会议通知\n请各单位于下周一上午九点参加安全生产工作会议。\n');
    fs.writeFileSync(path.join(reports, 'truncated.txt'), houtou.slice(0, Math.floor(houtou.length / 2)));
    // the same report encoded as GB18030
    execFileSync('python3', ['-c', `import sys; open(sys.argv[2],'wb').write(open(sys.argv[1],encoding='utf-8').read().encode('gb18030'))`, path.join(SEEDS, '003_3e29c1783746c98c.txt'), path.join(reports, 'gb18030.txt')]);
    // a 50 MB file (sparse: costs no disk)
    const fd = fs.openSync(path.join(reports, 'huge.txt'), 'w');
    fs.ftruncateSync(fd, 50 * 1024 * 1024);
    fs.closeSync(fd);
    // the same organ and year twice
    fs.copyFileSync(path.join(SEEDS, '004_0416b198e20bfbfb.txt'), path.join(reports, 'liulou-copy.txt'));
    const manifest = fs.readFileSync('data/manifest.csv', 'utf8').trimEnd() + '\nliulou-copy.txt,刘楼乡,河南省,商丘市,宁陵县,乡镇,2019,,\nmissing.txt,某某乡,,,,乡镇,2021,,\n';
    fs.writeFileSync(path.join(dir, 'manifest.csv'), manifest);
    summary = await buildDatabase({ reportsDir: reports, manifestPath: path.join(dir, 'manifest.csv'), outFile: out });
    db = await open(out);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('every input file is listed with its outcome and reason', () => {
    const files = rows(db, 'SELECT file, outcome, reason FROM source_files ORDER BY file');
    const by = new Map(files.map((f) => [f.file as string, f]));
    expect(files).toHaveLength(12);
    for (const f of ['empty.txt', 'binary.txt', 'not-a-report.txt', 'huge.txt']) {
      expect(by.get(f)?.outcome, f).toBe('failed');
      expect(String(by.get(f)?.reason).length, f).toBeGreaterThan(4);
    }
    expect(String(by.get('huge.txt')?.reason)).toContain('过大');
    expect(by.get('truncated.txt')?.outcome).toBe('partial');
    expect(summary.failed).toBe(4);
    expect(summary.failures.map((f) => f.file).sort()).toEqual(['binary.txt', 'empty.txt', 'huge.txt', 'not-a-report.txt']);
  });

  test('a GB18030 file reads the same as its UTF-8 original', () => {
    const a = reportByFile(db, '003_3e29c1783746c98c.txt');
    const b = reportByFile(db, 'gb18030.txt');
    for (const f of FACT_KEYS) expect(b[f.column], f.key).toEqual(a[f.column]);
    expect(rows(db, "SELECT encoding FROM source_files WHERE file = 'gb18030.txt'")[0].encoding).toBe('gb18030');
  });

  test('the good reports are untouched by the bad ones', () => {
    const houtou = reportByFile(db, '003_3e29c1783746c98c.txt');
    expect(houtou.s2_procurement_amount).toBe(190);
    expect(rows(db, "SELECT count(*) AS n FROM reports r JOIN source_files f USING (file_id) WHERE f.outcome != 'failed'")[0].n).toBe(8);
  });

  test('two reports of one organ and year are both kept and flagged', () => {
    expect(reportByFile(db, '004_0416b198e20bfbfb.txt').duplicate).toBe(1);
    expect(reportByFile(db, 'liulou-copy.txt').duplicate).toBe(1);
    // the GB18030 and truncated copies of 后头乡 2020 are duplicates too
    const dups = summary.duplicates.map((d) => `${d.year}:${[...d.files].sort().join(',')}`).sort();
    expect(dups).toEqual([
      '2019:004_0416b198e20bfbfb.txt,liulou-copy.txt',
      '2020:003_3e29c1783746c98c.txt,gb18030.txt,truncated.txt',
    ]);
  });

  test('manifest rows without a file and files without a manifest row are reported', () => {
    expect(summary.manifestWithoutFile).toEqual(['missing.txt']);
    expect(summary.filesWithoutManifest).toEqual(
      ['binary.txt', 'empty.txt', 'gb18030.txt', 'huge.txt', 'not-a-report.txt', 'truncated.txt'],
    );
  });
});

describe('saved web pages go through the same build', () => {
  const dir = tmpDir('html');
  const reports = path.join(dir, 'reports');
  const out = path.join(dir, 'gongkai.sqlite');
  const page = makeReport(7, '2021');
  let db: Database;
  beforeAll(async () => {
    fs.mkdirSync(reports);
    fs.writeFileSync(path.join(reports, 'page.html'), gbk(reportHtml(page, { chrome: true, charset: 'gbk', published: '2022-01-28', source: page.organ })));
    fs.writeFileSync(path.join(dir, 'manifest.csv'), 'file,organ,province,city,county,level,year,source_url,published\npage.html,,,,,县级部门,,https://example.gov.cn/page.html,\n');
    await buildDatabase({ reportsDir: reports, manifestPath: path.join(dir, 'manifest.csv'), outFile: out });
    db = await open(out);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('every figure of a GBK page with site chrome reaches the database', () => {
    const r = reportByFile(db, 'page.html');
    for (const [key, value] of Object.entries(page.facts)) expect(r[key.replaceAll('.', '_')], key).toBe(value);
    expect(r.year).toBe(page.year);
    expect(r.template).toBe('2021');
  });

  test("the page's own 发布日期 fills the manifest's empty date, and C28 can be assessed", () => {
    const r = reportByFile(db, 'page.html');
    expect(r.published).toBe('2022-01-28');
    expect(r.source_url).toBe('https://example.gov.cn/page.html');
    const c28 = rows(db, "SELECT status FROM findings WHERE report_id = ? AND check_id = 'C28'", [r.report_id as number])[0];
    expect(c28.status).not.toBe('na');
  });

  test('provenance names the table and row a reader can find', () => {
    const r = reportByFile(db, 'page.html');
    const p = rows(db, "SELECT line_text, locator FROM cell_provenance WHERE report_id = ? AND key = 's2.licensing.decisions'", [r.report_id as number])[0];
    expect(String(p.locator)).toMatch(/^表\d+ 第\d+行$/);
    expect(String(p.line_text)).toContain(String(page.facts['s2.licensing.decisions']));
  });
});
