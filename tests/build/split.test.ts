/**
 * The split of a large core into per-year parts, forced on the seed reports
 * with a 1-byte threshold: the core becomes an index with empty reports and
 * failures, each part holds one year's rows exactly as an unsplit build has them.
 */
import fs from 'node:fs';
import path from 'node:path';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDatabase, DEFAULT_SPLIT_GZIP_BYTES, formatSummary, type BuildSummary } from '../../scripts/lib/buildDatabase';
import { openBuiltDatabase } from '../../scripts/lib/openBuilt';
import { loadPart, partsFor, readParts, type PartInfo } from '../../src/db/parts';
import { meta, overview, PART_NEEDS, reportList, type Queryable } from '../../src/db/queries';
import { SCHEMA_VERSION } from '../../src/db/schema';
import { NO_FILTERS } from '../../src/db/filters';
import { tableFromExec } from '../../src/db/table';
import { rows, tmpDir } from './helpers';

const SEEDS = path.resolve('data/reports');
const MANIFEST = path.resolve('data/manifest.csv');


async function build(dir: string, splitGzipBytes?: number): Promise<BuildSummary> {
  return buildDatabase({ reportsDir: SEEDS, manifestPath: MANIFEST, outFile: path.join(dir, 'gongkai.sqlite'), builtAt: '2026-11-21', splitGzipBytes });
}


const dataDir = (dir: string) => path.join(dir, 'public', 'data');
const listData = (dir: string) => fs.readdirSync(dataDir(dir)).sort();

describe('a core over the threshold is split into per-year parts', () => {
  const whole = tmpDir('whole');
  const split = tmpDir('split');
  const again = tmpDir('split-again');
  let SQL: SqlJsStatic;
  let wholeSummary: BuildSummary;
  let splitSummary: BuildSummary;
  let index: Database;
  let reference: Database;
  let parts: PartInfo[];

  beforeAll(async () => {
    SQL = await initSqlJs();
    wholeSummary = await build(whole);
    splitSummary = await build(split, 1);
    await build(again, 1);
    index = new SQL.Database(fs.readFileSync(path.join(split, 'gongkai.sqlite')));
    reference = await openBuiltDatabase(path.join(whole, 'gongkai.sqlite'));
    parts = readParts(index);
  });
  afterAll(() => {
    index?.close();
    reference?.close();
  });

  test('with the default threshold the seeds stay in one core, with no parts', () => {
    expect(DEFAULT_SPLIT_GZIP_BYTES).toBe(25 * 1024 * 1024);
    expect(wholeSummary.parts).toBe(0);
    expect(listData(whole).filter((f) => f.startsWith('part-'))).toEqual([]);
    expect(rows(reference, 'SELECT COUNT(*) AS n FROM parts')[0].n).toBe(0);
    expect(rows(reference, 'SELECT COUNT(*) AS n FROM reports')[0].n).toBe(5);
    expect(formatSummary(wholeSummary)).not.toMatch(/拆分/);
  });

  test('the index keeps every table but reports and failures, which are empty', () => {
    expect(splitSummary.parts).toBe(3);
    expect(formatSummary(splitSummary)).toMatch(/已按年度拆分为 3 个分卷文件/);
    expect(rows(index, 'SELECT COUNT(*) AS n FROM reports')[0].n).toBe(0);
    expect(rows(index, 'SELECT COUNT(*) AS n FROM failures')[0].n).toBe(0);
    for (const t of ['organs', 'source_files', 'fact_keys', 'checks', 'shards', 'build_info']) {
      expect(rows(index, `SELECT * FROM ${t}`), t).toEqual(rows(reference, `SELECT * FROM ${t}`));
    }
    expect(rows(index, "PRAGMA user_version")[0].user_version).toBe(SCHEMA_VERSION);
  });

  test("the index keeps every report's slim row in report_index, a table there and a view in a whole core", () => {
    const type = (db: Database) => rows(db, "SELECT type FROM sqlite_schema WHERE name = 'report_index'")[0].type;
    expect(type(index)).toBe('table');
    expect(type(reference)).toBe('view');
    const want = rows(
      reference,
      `SELECT r.report_id, r.organ_id, r.file_id, NULLIF(r.organ_name, o.name) AS organ_name, r.year, r.template, r.errors, r.warnings,
         r.assessed, r.passed, r.unassessed, r.partial
       FROM reports r JOIN organs o USING (organ_id) ORDER BY r.report_id`,
    );
    expect(want).toHaveLength(5);
    expect(rows(index, 'SELECT * FROM report_index ORDER BY report_id')).toEqual(want);
    // the name as the report writes it is kept only where it is not the organ row's (连生乡's manifest names it in full)
    expect(want.filter((r) => r.organ_name !== null).map((r) => r.organ_name)).toEqual(['连生乡']);
    expect(rows(reference, 'SELECT o.name FROM reports r JOIN organs o USING (organ_id) WHERE r.report_id = ?', [want.find((r) => r.organ_name)!.report_id as number])[0].name).not.toBe('连生乡');
  });

  test('the overview and the report list answer from the index alone, as from the whole database', () => {
    const q: Queryable = { all: (sql, params) => tableFromExec(index.exec(sql, params ?? [])) };
    const refQ: Queryable = { all: (sql, params) => tableFromExec(reference.exec(sql, params ?? [])) };
    for (const f of [NO_FILTERS, { ...NO_FILTERS, province: '黑龙江省' }, { ...NO_FILTERS, from: 2020, to: 2021, template: '2021' as const }]) {
      expect(overview(q, f)).toEqual(overview(refQ, f));
      expect(reportList(q, { filters: f, limit: 50, offset: 0 })).toEqual(reportList(refQ, { filters: f, limit: 50, offset: 0 }));
    }
    expect(overview(q, NO_FILTERS).totals.columns.reports).toEqual([5]);
    expect(reportList(q, { filters: { ...NO_FILTERS, province: '黑龙江省' }, limit: 50, offset: 0 }).total).toBe(3);
  });

  test('parts lists 2019, 2020 and 2021 with their report counts, and the files are there', () => {
    const expected = rows(reference, 'SELECT year, COUNT(*) AS n FROM reports GROUP BY year ORDER BY year');
    expect(expected.map((r) => r.year)).toEqual([2019, 2020, 2021]);
    expect(parts.map((p) => [p.year, p.reports])).toEqual(expected.map((r) => [r.year, r.n]));
    for (const p of parts) {
      expect(p.file).toMatch(new RegExp(`^part-${p.year}-[0-9a-f]{12}\\.sqlite$`));
      expect(fs.statSync(path.join(dataDir(split), p.file)).size).toBe(p.bytes);
    }
    expect(listData(split).filter((f) => f.startsWith('part-'))).toEqual(parts.map((p) => p.file).sort());
  });

  test("each part's rows are the unsplit build's rows of its year, every column", () => {
    for (const p of parts) {
      const db = new SQL.Database(fs.readFileSync(path.join(dataDir(split), p.file)));
      try {
        expect(rows(db, 'SELECT * FROM reports ORDER BY report_id')).toEqual(rows(reference, 'SELECT * FROM reports WHERE year IS ? ORDER BY report_id', [p.year]));
        expect(rows(db, 'SELECT * FROM failures ORDER BY report_id, check_id')).toEqual(
          rows(reference, 'SELECT f.* FROM failures f JOIN reports r USING (report_id) WHERE r.year IS ? ORDER BY f.report_id, f.check_id', [p.year]),
        );
        for (const t of ['organs', 'source_files', 'shards', 'parts']) expect(rows(db, `SELECT COUNT(*) AS n FROM ${t}`)[0].n, t).toBe(0);
      } finally {
        db.close();
      }
    }
  });

  test('loading every part into the index gives back the whole database', async () => {
    const db = await openBuiltDatabase(path.join(split, 'gongkai.sqlite'));
    try {
      for (const t of ['reports ORDER BY report_id', 'failures ORDER BY report_id, check_id']) {
        expect(rows(db, `SELECT * FROM ${t}`), t).toEqual(rows(reference, `SELECT * FROM ${t}`));
      }
      // the detail shards are not split: provenance still answers
      expect(rows(db, 'SELECT COUNT(*) AS n FROM cell_provenance')[0].n).toBe(rows(reference, 'SELECT COUNT(*) AS n FROM cell_provenance')[0].n);
    } finally {
      db.close();
    }
  });

  test('meta lists every year and report from the index alone, without loading a part', () => {
    const q: Queryable = { all: (sql, params) => tableFromExec(index.exec(sql, params ?? [])) };
    const refQ: Queryable = { all: (sql, params) => tableFromExec(reference.exec(sql, params ?? [])) };
    const m = meta(q);
    const r = meta(refQ);
    expect(m.years).toEqual(r.years);
    expect(m.reports).toBe(r.reports);
    expect(m.parts.length).toBe(3);
    expect(r.parts.length).toBe(0);
  });

  test('a view filtered to 2020 needs only the 2020 part; open ranges need all of them; a report only its own', () => {
    const yearOf = (id: number) => {
      const r = rows(index, 'SELECT year FROM report_index WHERE report_id = ?', [id]);
      return r.length ? (r[0].year as number | null) : undefined;
    };
    const years = (need: ReturnType<(typeof PART_NEEDS)['report']>) => partsFor(parts, need, yearOf).map((p) => p.year);
    const f2020 = { ...NO_FILTERS, from: 2020, to: 2020 };
    expect(years(PART_NEEDS.yearTotals({ filters: f2020, columns: [] }))).toEqual([2020]);
    expect(years(PART_NEEDS.organValues({ filters: { ...NO_FILTERS, from: 2020, to: null }, columns: [], orderBy: 's3_new_total', limit: 5 }))).toEqual([2020, 2021]);
    expect(years(PART_NEEDS.compliance({ filters: { ...NO_FILTERS, from: null, to: 2019 }, check: '' }))).toEqual([2019]);
    expect(years(PART_NEEDS.yearTotals({ filters: NO_FILTERS, columns: [] }))).toEqual([2019, 2020, 2021]);
    // the overview and the report list read only the index
    expect(years(PART_NEEDS.overview(NO_FILTERS))).toEqual([]);
    expect(years(PART_NEEDS.reportList({ filters: f2020, limit: 50, offset: 0 }))).toEqual([]);
    // one report: the part of its year, found in the index; an unknown id falls back to every part
    for (const r of rows(reference, 'SELECT report_id, year FROM reports')) {
      expect(years(PART_NEEDS.report({ id: r.report_id as number }))).toEqual([r.year]);
    }
    expect(years(PART_NEEDS.report({ id: 999 }))).toEqual([2019, 2020, 2021]);
    expect(years(PART_NEEDS.meta(undefined))).toEqual([]);
    expect(years(PART_NEEDS.organSearch({ text: '乡' }))).toEqual([]);
    // the reports without a year are read only when no year bound is set
    const withUnknown: PartInfo[] = [...parts, { year: null, file: 'part-unknown-000000000000.sqlite', reports: 1, bytes: 1 }];
    expect(partsFor(withUnknown, { from: null, to: null }).map((p) => p.year)).toEqual([2019, 2020, 2021, null]);
    expect(partsFor(withUnknown, { from: 2019, to: null }).map((p) => p.year)).toEqual([2019, 2020, 2021]);
  });

  test('loading one part fills in only its year', () => {
    const db = new SQL.Database(fs.readFileSync(path.join(split, 'gongkai.sqlite')));
    try {
      const p2020 = parts.find((p) => p.year === 2020)!;
      loadPart(SQL, db, fs.readFileSync(path.join(dataDir(split), p2020.file)));
      expect(rows(db, 'SELECT DISTINCT year FROM reports').map((r) => r.year)).toEqual([2020]);
      expect(rows(db, 'SELECT COUNT(*) AS n FROM reports')[0].n).toBe(p2020.reports);
    } finally {
      db.close();
    }
  });

  test('the same inputs give the same bytes, index and parts', () => {
    expect(fs.readFileSync(path.join(again, 'gongkai.sqlite')).equals(fs.readFileSync(path.join(split, 'gongkai.sqlite')))).toBe(true);
    expect(listData(again)).toEqual(listData(split));
    for (const f of listData(split)) expect(fs.readFileSync(path.join(dataDir(again), f)).equals(fs.readFileSync(path.join(dataDir(split), f))), f).toBe(true);
  });

  test('a rebuild without the split removes the stale parts', async () => {
    const dir = tmpDir('resplit');
    await build(dir, 1);
    expect(listData(dir).some((f) => f.startsWith('part-'))).toBe(true);
    await build(dir);
    expect(listData(dir).some((f) => f.startsWith('part-'))).toBe(false);
    const db = new SQL.Database(fs.readFileSync(path.join(dir, 'gongkai.sqlite')));
    expect(rows(db, 'SELECT COUNT(*) AS n FROM reports')[0].n).toBe(5);
    db.close();
  });
});
