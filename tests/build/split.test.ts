/**
 * The split of a large core, forced on the seed reports with a 1-byte
 * threshold: the core becomes an index (rollups, organ counts, the lists of
 * files) with empty reports, failures and organs; each part holds one year's
 * rows of one province and each per-province directory one province's organs and report
 * list, exactly as an unsplit build has them; every query answers, with the
 * files it says it needs loaded, what the whole database answers.
 */
import fs from 'node:fs';
import path from 'node:path';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDatabase, DEFAULT_SPLIT_GZIP_BYTES, formatSummary, type BuildSummary } from '../../scripts/lib/buildDatabase';
import { openBuiltDatabase, readDataFile } from '../../scripts/lib/openBuilt';
import { loadPart, partsFor, readParts, reportFilesOf, type PartInfo, type PartNeed } from '../../src/db/parts';
import { PART_NEEDS, QUERIES, type QueryArgs, type QueryName, type Queryable } from '../../src/db/queries';
import { SCHEMA_VERSION } from '../../src/db/schema';
import { attachShard, refreshDetailViews } from '../../src/db/detail';
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

describe('a core over the threshold is split into per-year parts and per-province directories', () => {
  const whole = tmpDir('whole');
  const split = tmpDir('split');
  const again = tmpDir('split-again');
  let SQL: SqlJsStatic;
  let wholeSummary: BuildSummary;
  let splitSummary: BuildSummary;
  let index: Database;
  let reference: Database;
  let parts: PartInfo[];
  const q = (db: Database): Queryable => ({ all: (sql, params) => tableFromExec(db.exec(sql, params ?? [])) });

  beforeAll(async () => {
    SQL = await initSqlJs();
    wholeSummary = await build(whole);
    splitSummary = await build(split, 1);
    await build(again, 1);
    index = new SQL.Database(fs.readFileSync(path.join(split, 'gongkai.sqlite')));
    reference = await openBuiltDatabase(path.join(whole, 'gongkai.sqlite'));
    parts = readParts(index);
  }, 120_000);
  afterAll(() => {
    index?.close();
    reference?.close();
  });

  /** A query on a fresh copy of the index with the files it needs loaded; the file names it loaded. */
  function answer<K extends QueryName>(name: K, args: QueryArgs<K>): { result: unknown; loaded: string[] } {
    const db = new SQL.Database(fs.readFileSync(path.join(split, 'gongkai.sqlite')));
    try {
      const need = (PART_NEEDS[name] as (a: unknown, d: Queryable) => PartNeed)(args, q(db));
      const files = partsFor(parts, need, reportFilesOf(db));
      for (const p of files) loadPart(SQL, db, readDataFile(path.join(dataDir(split), p.file)));
      if (name === 'report') {
        const shards = rows(db, 'SELECT shard_id, file FROM shards');
        for (const s of shards) attachShard(SQL, db, s.shard_id as number, readDataFile(path.join(dataDir(split), s.file as string)));
        refreshDetailViews(db, shards.map((s) => s.shard_id as number));
      }
      return { result: (QUERIES[name] as (d: Queryable, a: unknown) => unknown)(q(db), args), loaded: files.map(label) };
    } finally {
      db.close();
    }
  }
  /** part-<year>-<directory> or dir-<n>: a file's name without its hash */
  const label = (p: PartInfo) => (p.kind === 'leaders' ? 'leaders' : p.file.split('-').slice(0, p.kind === 'part' ? 3 : 2).join('-'));
  /** the (year, province) cells of the whole database, as the parts should be */
  const cells = () =>
    rows(reference, 'SELECT r.year, o.province, COUNT(*) AS n FROM reports r JOIN organs o USING (organ_id) GROUP BY r.year, o.province ORDER BY r.year IS NULL, r.year, o.province');
  const expected = <K extends QueryName>(name: K, args: QueryArgs<K>) => (QUERIES[name] as (d: Queryable, a: unknown) => unknown)(q(reference), args);

  test('with the default threshold the seeds stay in one core, with no parts', () => {
    expect(DEFAULT_SPLIT_GZIP_BYTES).toBe(1024 * 1024);
    expect(wholeSummary.parts).toBe(0);
    expect(listData(whole).filter((f) => /^(part|dir)-/.test(f))).toEqual([]);
    expect(rows(reference, 'SELECT COUNT(*) AS n FROM parts')[0].n).toBe(0);
    expect(rows(reference, 'SELECT COUNT(*) AS n FROM directories')[0].n).toBe(0);
    expect(rows(reference, 'SELECT COUNT(*) AS n FROM reports')[0].n).toBe(5);
    expect(formatSummary(wholeSummary)).not.toMatch(/拆分/);
  });

  test('the index keeps the rollups and the lists; reports, failures, organs and their files move out', () => {
    // the seeds: 2019 in one province, 2020 in two, 2021 in one
    expect(cells().map((c) => c.year)).toEqual([2019, 2020, 2020, 2021]);
    expect(splitSummary.parts).toBe(4);
    const provinces = rows(reference, 'SELECT DISTINCT province FROM organs').length;
    expect(provinces).toBeGreaterThan(1);
    expect(splitSummary.directories).toBe(provinces);
    expect(formatSummary(splitSummary)).toMatch(new RegExp(`已拆分为 4 个分卷（每个一年一省）和 ${provinces} 个省份目录文件`));
    for (const t of ['reports', 'failures', 'organs', 'report_index', 'rollups']) expect(rows(index, `SELECT COUNT(*) AS n FROM ${t}`)[0].n, t).toBe(0);
    // the files not read in full stay in the index (the overview lists them)
    expect(rows(index, 'SELECT * FROM source_files ORDER BY file_id')).toEqual(rows(reference, "SELECT * FROM source_files WHERE outcome <> 'ok' ORDER BY file_id"));
    for (const t of ['fact_keys', 'checks', 'shards', 'build_info', 'rollups_province', 'organ_counts']) {
      expect(rows(index, `SELECT * FROM ${t}`), t).toEqual(rows(reference, `SELECT * FROM ${t}`));
    }
    expect(rows(index, 'PRAGMA user_version')[0].user_version).toBe(SCHEMA_VERSION);
  });

  test('parts list each year and province with reports, directories the provinces, and the gzipped files are there', () => {
    const ps = parts.filter((p) => p.kind === 'part');
    expect(ps.map((p) => [p.year, p.province, p.reports])).toEqual(cells().map((r) => [r.year, r.province, r.n]));
    const ds = parts.filter((p) => p.kind === 'directory');
    expect(ds.map((d) => [d.province, d.reports])).toEqual(
      rows(reference, 'SELECT o.province, COUNT(*) AS n FROM reports r JOIN organs o USING (organ_id) GROUP BY o.province ORDER BY o.province').map((r) => [r.province, r.n]),
    );
    // a part's name: its year, then its province's directory number
    for (const p of ps) expect(p.file).toMatch(new RegExp(`^part-${p.year}-${ds.find((d) => d.province === p.province)!.id}-[0-9a-f]{12}\\.sqlite\\.gz$`));
    for (const d of ds) expect(d.file).toMatch(/^dir-\d+-[0-9a-f]{12}\.sqlite\.gz$/);
    for (const p of parts) expect(fs.statSync(path.join(dataDir(split), p.file)).size).toBe(p.bytes);
    expect(listData(split).filter((f) => /^(part|dir|leaders)-/.test(f))).toEqual(parts.map((p) => p.file).sort());
    const leaders = parts.filter((p) => p.kind === 'leaders');
    expect(leaders).toHaveLength(1);
    expect(leaders[0].file).toMatch(/^leaders-[0-9a-f]{12}\.sqlite\.gz$/);
  });

  test("each part holds the unsplit build's rows of its year, each directory its province's organs and slim report rows", () => {
    for (const p of parts.filter((x) => x.kind !== 'leaders')) {
      const db = new SQL.Database(readDataFile(path.join(dataDir(split), p.file)));
      try {
        if (p.kind === 'part') {
          const ofCell = 'r.year IS ? AND r.organ_id IN (SELECT organ_id FROM organs WHERE province IS ?)';
          expect(rows(db, 'SELECT * FROM reports ORDER BY report_id')).toEqual(rows(reference, `SELECT r.* FROM reports r WHERE ${ofCell} ORDER BY report_id`, [p.year, p.province]));
          expect(rows(db, 'SELECT * FROM failures ORDER BY report_id, check_id')).toEqual(
            rows(reference, `SELECT f.* FROM failures f JOIN reports r USING (report_id) WHERE ${ofCell} ORDER BY f.report_id, f.check_id`, [p.year, p.province]),
          );
        } else {
          expect(rows(db, 'SELECT * FROM organs ORDER BY organ_id')).toEqual(rows(reference, 'SELECT * FROM organs WHERE province IS ? ORDER BY organ_id', [p.province]));
          expect(rows(db, 'SELECT * FROM report_index ORDER BY report_id')).toEqual(
            rows(
              reference,
              `SELECT r.report_id, r.organ_id, r.file_id, NULLIF(r.organ_name, o.name) AS organ_name, r.year, r.template, r.errors, r.warnings,
                 r.assessed, r.passed, r.unassessed, r.partial
               FROM reports r JOIN organs o USING (organ_id) WHERE o.province IS ? ORDER BY r.report_id`,
              [p.province],
            ),
          );
          expect(rows(db, 'SELECT COALESCE(SUM(reports), 0) AS n FROM rollups')[0].n).toBe(p.reports);
          expect(rows(db, 'SELECT * FROM source_files ORDER BY file_id')).toEqual(
            rows(reference, 'SELECT s.* FROM source_files s JOIN reports r USING (file_id) JOIN organs o USING (organ_id) WHERE o.province IS ? ORDER BY s.file_id', [p.province]),
          );
        }
      } finally {
        db.close();
      }
    }
  });

  test('loading every file into the index gives back the whole database', async () => {
    const db = await openBuiltDatabase(path.join(split, 'gongkai.sqlite'));
    try {
      for (const t of ['reports ORDER BY report_id', 'failures ORDER BY report_id, check_id', 'organs ORDER BY organ_id', 'source_files ORDER BY file_id']) {
        expect(rows(db, `SELECT * FROM ${t}`), t).toEqual(rows(reference, `SELECT * FROM ${t}`));
      }
      expect(rows(db, 'SELECT COUNT(*) AS n FROM cell_provenance')[0].n).toBe(rows(reference, 'SELECT COUNT(*) AS n FROM cell_provenance')[0].n);
    } finally {
      db.close();
    }
  });

  test('the overview, meta and 依申请公开 unfiltered or by province answer from the index alone, as from the whole database', () => {
    const columns = ['s3_new_total', 's3_granted_total', 's2_procurement_amount'];
    for (const f of [NO_FILTERS, { ...NO_FILTERS, province: '黑龙江省' }, { ...NO_FILTERS, level: '乡镇' }]) {
      const o = answer('overview', f);
      expect(o.loaded).toEqual([]);
      expect(o.result).toEqual(expected('overview', f));
      const y = answer('yearTotals', { filters: f, columns });
      expect(y.loaded).toEqual([]);
      expect(y.result).toEqual(expected('yearTotals', { filters: f, columns }));
    }
    const m = answer('meta', undefined);
    expect(m.loaded).toEqual([]);
    const r = expected('meta', undefined) as ReturnType<typeof QUERIES.meta>;
    const got = m.result as typeof r;
    expect([got.years, got.levels, got.regions, got.reports, got.files]).toEqual([r.years, r.levels, r.regions, r.reports, r.files]);
    expect(got.parts.length).toBe(4);
  });

  test('a page of the report list loads the directories of its provinces only, and matches the whole database', () => {
    const page = (f: typeof NO_FILTERS, offset: number, limit: number) => answer('reportList', { filters: f, limit, offset });
    for (const [f, offset, limit] of [[NO_FILTERS, 0, 50], [NO_FILTERS, 0, 2], [NO_FILTERS, 2, 2], [NO_FILTERS, 4, 2], [{ ...NO_FILTERS, from: 2020, to: 2021 }, 0, 50]] as const) {
      expect(page(f, offset, limit).result, `${JSON.stringify(f)} ${offset}`).toEqual(expected('reportList', { filters: f, limit, offset }));
    }
    const ds = parts.filter((p) => p.kind === 'directory');
    const hlj = ds.find((d) => d.province === '黑龙江省')!;
    expect(page({ ...NO_FILTERS, province: '黑龙江省' }, 0, 50).loaded).toEqual([label(hlj)]);
    expect((page({ ...NO_FILTERS, province: '黑龙江省' }, 0, 50).result as { total: number }).total).toBe(3);
  });

  test('the figures of one city, of one organ, the rankings and the compliance matrix load what they read and match', () => {
    const city = rows(reference, 'SELECT province, city FROM organs WHERE city IS NOT NULL LIMIT 1')[0] as { province: string; city: string };
    const organ = rows(reference, 'SELECT organ_id, province FROM organs LIMIT 1')[0] as { organ_id: number; province: string };
    const cols = ['s3_new_total', 's3_granted_total'];
    const cases: [QueryName, unknown][] = [
      ['yearTotals', { filters: { ...NO_FILTERS, ...city }, columns: cols }],
      ['yearTotals', { filters: { ...NO_FILTERS, province: organ.province, organ: `#${organ.organ_id}` }, columns: cols }],
      ['overview', { ...NO_FILTERS, from: 2020, to: 2020 }],
      ['organValues', { filters: NO_FILTERS, columns: cols, orderBy: 's3_new_total', limit: 5 }],
      ['compliance', { filters: { ...NO_FILTERS, from: 2020, to: 2021 }, check: '' }],
      ['organSearch', { text: '乡' }],
      ['sourceProblems', undefined],
    ];
    for (const [name, args] of cases) expect(answer(name, args as never).result, name).toEqual(expected(name, args as never));
    // a city's sums come from its province's directory (the fine rollups), no part
    expect(answer('yearTotals', { filters: { ...NO_FILTERS, ...city }, columns: cols }).loaded.every((f) => f.startsWith('dir-'))).toBe(true);
    const partsOf = (test: (p: PartInfo) => boolean) => parts.filter((p) => p.kind === 'part' && test(p)).map(label);
    // 合规 nationally reads the leaders file alone (its counts are in the index); with a check chosen, the years' parts
    expect(answer('compliance', { filters: { ...NO_FILTERS, from: 2020, to: 2021 }, check: '' }).loaded).toEqual(['leaders']);
    const oneCheck = { filters: { ...NO_FILTERS, from: 2020, to: 2021 }, check: 'C01' };
    expect(answer('compliance', oneCheck).loaded.filter((f) => f.startsWith('part-'))).toEqual(partsOf((p) => p.year === 2020 || p.year === 2021));
    expect(answer('compliance', oneCheck).result).toEqual(expected('compliance', oneCheck));
    expect(partsOf((p) => p.year === 2020 || p.year === 2021)).toHaveLength(3);
    // a province's ranking reads that province's parts only, and matches
    const twice = parts.find((p) => p.kind === 'part' && p.year === 2020 && p.province !== null)!.province!;
    const ranking = { filters: { ...NO_FILTERS, province: twice }, columns: cols, orderBy: 's3_new_total', limit: 5 };
    expect(answer('organValues', ranking).loaded.filter((f) => f.startsWith('part-'))).toEqual(partsOf((p) => p.province === twice));
    expect(answer('organValues', ranking).result).toEqual(expected('organValues', ranking));
    // 搜索机关 reads every organ: every directory
    expect(answer('organSearch', { text: '乡' }).loaded.filter((f) => f.startsWith('dir-'))).toHaveLength(parts.filter((p) => p.kind === 'directory').length);
    expect(answer('sourceProblems', undefined).loaded).toEqual([]);
  });

  test("one report loads its year's part of its province and its province directory, and reads as in the whole database", () => {
    for (const r of rows(reference, 'SELECT r.report_id, r.year, o.province FROM reports r JOIN organs o USING (organ_id)')) {
      const got = answer('report', { id: r.report_id as number });
      const dir = parts.find((p) => p.kind === 'directory' && p.province === r.province)!;
      expect(got.loaded).toEqual([`part-${r.year}-${dir.id}`, `dir-${dir.id}`]);
      expect(got.result).toEqual(expected('report', { id: r.report_id as number }));
    }
    // the reports without a year are read only when no year bound is set
    const withUnknown: PartInfo[] = [...parts, { id: 9, kind: 'part', year: null, province: null, file: 'part-unknown-000000000000.sqlite.gz', reports: 1, bytes: 1 }];
    expect(partsFor(withUnknown, { years: { from: null, to: null } }).map((p) => p.year)).toEqual([2019, 2020, 2020, 2021, null]);
    expect(partsFor(withUnknown, { years: { from: 2019, to: null } }).map((p) => p.year)).toEqual([2019, 2020, 2020, 2021]);
  });

  test('report_files holds two bytes of part id a report: more than 255 parts (years × provinces) are found', () => {
    const db = new SQL.Database();
    try {
      db.run('CREATE TABLE report_files (first_report_id INTEGER PRIMARY KEY, part BLOB NOT NULL, directory BLOB NOT NULL)');
      // reports 1…3: part 300 (0x012c) in directory 7, no report, part 2 in directory 1
      db.run('INSERT INTO report_files VALUES (1, ?, ?)', [new Uint8Array([0x2c, 0x01, 0, 0, 2, 0]), new Uint8Array([7, 0, 1])]);
      const where = reportFilesOf(db);
      expect([where(1), where(2), where(3), where(4)]).toEqual([{ part: 300, directory: 7 }, undefined, { part: 2, directory: 1 }, undefined]);
    } finally {
      db.close();
    }
  });

  test('the same inputs give the same bytes, index, parts and directories', () => {
    expect(fs.readFileSync(path.join(again, 'gongkai.sqlite')).equals(fs.readFileSync(path.join(split, 'gongkai.sqlite')))).toBe(true);
    expect(listData(again)).toEqual(listData(split));
    for (const f of listData(split)) expect(fs.readFileSync(path.join(dataDir(again), f)).equals(fs.readFileSync(path.join(dataDir(split), f))), f).toBe(true);
  });

  test('a rebuild without the split removes the stale parts and directories', async () => {
    const dir = tmpDir('resplit');
    await build(dir, 1);
    expect(listData(dir).some((f) => f.startsWith('part-'))).toBe(true);
    await build(dir);
    expect(listData(dir).some((f) => /^(part|dir)-/.test(f))).toBe(false);
    const db = new SQL.Database(fs.readFileSync(path.join(dir, 'gongkai.sqlite')));
    expect(rows(db, 'SELECT COUNT(*) AS n FROM reports')[0].n).toBe(5);
    db.close();
  }, 60_000);
});
