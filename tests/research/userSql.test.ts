/**
 * A researcher's own SQL (查询) over the seed build: which tables SQLite's plan
 * reads (so the worker loads the parts and shards first), read-only enforced by
 * SQLite itself statement by statement, and the choice of shards to attach.
 */
import fs from 'node:fs';
import path from 'node:path';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDatabase } from '../../scripts/lib/buildDatabase';
import { readDataFile } from '../../scripts/lib/openBuilt';
import { attachShard, DETAIL_VIEWS, refreshDetailViews } from '../../src/db/detail';
import { detailNote, pickShards, readsDetail, readsMain, reportRangesIn, runReadOnly, tablesRead } from '../../src/db/userSql';
import { rows, tmpDir } from '../build/helpers';

const SEEDS = path.resolve('data/reports');
const MANIFEST = path.resolve('data/manifest.csv');

let SQL: SqlJsStatic;
let dir: string;
let splitDir: string;
let core: Database;
const count = () => Number(rows(core, 'SELECT COUNT(*) AS n FROM reports')[0].n);

beforeAll(async () => {
  SQL = await initSqlJs();
  dir = tmpDir('usersql');
  splitDir = tmpDir('usersql-split');
  await buildDatabase({ reportsDir: SEEDS, manifestPath: MANIFEST, outFile: path.join(dir, 'gongkai.sqlite'), builtAt: '2026-11-21' });
  await buildDatabase({ reportsDir: SEEDS, manifestPath: MANIFEST, outFile: path.join(splitDir, 'gongkai.sqlite'), builtAt: '2026-11-21', splitGzipBytes: 1 });
  core = new SQL.Database(fs.readFileSync(path.join(dir, 'gongkai.sqlite')));
}, 120_000);
afterAll(() => core?.close());

describe('tablesRead: what SQLite opens to answer the statements', () => {
  test('a join over reports and organs reads both, through whichever index the plan uses', () => {
    const r = tablesRead(core, 'SELECT o.province, COUNT(*) FROM reports r JOIN organs o USING (organ_id) GROUP BY 1', DETAIL_VIEWS);
    expect(r.tables).toEqual(['main.organs', 'main.reports']);
    expect(r.missingDetail).toBe(false);
    expect(readsMain(r, ['reports', 'failures'])).toBe(true);
  });

  test('organs alone, fact_keys or the checks read no report rows and no detail', () => {
    for (const sql of ['SELECT name FROM organs', 'SELECT * FROM fact_keys', 'SELECT title FROM checks WHERE check_id = ?']) {
      const r = tablesRead(core, sql, DETAIL_VIEWS);
      expect(readsMain(r, ['reports', 'failures']), sql).toBe(false);
      expect(readsDetail(r, DETAIL_VIEWS), sql).toBe(false);
    }
  });

  test('every statement of a script counts; a view is seen through to its table', () => {
    const r = tablesRead(core, 'SELECT 1; SELECT COUNT(*) FROM report_index; SELECT * FROM failures', DETAIL_VIEWS);
    expect(r.tables).toEqual(['main.failures', 'main.reports']);
  });

  test('findings before any shard is attached: the detail is needed (SQLite: no such table)', () => {
    const r = tablesRead(core, "SELECT * FROM findings WHERE status = 'fail'", DETAIL_VIEWS);
    expect(r.missingDetail).toBe(true);
    expect(readsDetail(r, DETAIL_VIEWS)).toBe(true);
  });

  test('a statement SQLite cannot prepare ends the look without an error (running it reports it)', () => {
    const r = tablesRead(core, 'SELECT 1 FROM organs; SELEC 1; SELECT * FROM reports', DETAIL_VIEWS);
    expect(r.tables).toEqual(['main.organs']);
    expect(r.missingDetail).toBe(false);
  });

  test('with a shard attached, findings and cell_provenance read the shard', () => {
    const db = new SQL.Database(fs.readFileSync(path.join(dir, 'gongkai.sqlite')));
    try {
      const [{ shard_id, file }] = rows(db, 'SELECT shard_id, file FROM shards ORDER BY shard_id LIMIT 1');
      attachShard(SQL, db, Number(shard_id), readDataFile(path.join(dir, 'public', 'data', String(file))));
      refreshDetailViews(db, [Number(shard_id)]);
      const f = tablesRead(db, 'SELECT check_id FROM findings WHERE report_id = 1', DETAIL_VIEWS);
      expect(f.tables).toEqual([`d${shard_id}.findings`]);
      expect(readsDetail(f, DETAIL_VIEWS)).toBe(true);
      const p = tablesRead(db, 'SELECT key, line_text FROM cell_provenance WHERE report_id = 1', DETAIL_VIEWS);
      expect(p.tables).toEqual([`d${shard_id}.cell_sources`, `d${shard_id}.fact_keys`, `d${shard_id}.source_lines`]);
      // the core's own fact_keys is not the detail
      expect(readsDetail(tablesRead(db, 'SELECT key FROM fact_keys', DETAIL_VIEWS), DETAIL_VIEWS)).toBe(false);
    } finally {
      db.close();
    }
  });

  test('in a split index, reports is empty but still read: the parts are needed; report_index is not', () => {
    const index = new SQL.Database(fs.readFileSync(path.join(splitDir, 'gongkai.sqlite')));
    try {
      expect(rows(index, 'SELECT COUNT(*) AS n FROM parts')[0].n).toBeGreaterThan(0);
      expect(readsMain(tablesRead(index, 'SELECT year, SUM(s3_new_total) FROM reports GROUP BY year', DETAIL_VIEWS), ['reports', 'failures'])).toBe(true);
      expect(readsMain(tablesRead(index, 'SELECT year, COUNT(*) FROM report_index GROUP BY year', DETAIL_VIEWS), ['reports', 'failures'])).toBe(false);
    } finally {
      index.close();
    }
  });
});

describe('runReadOnly: SQLite refuses every write, whatever the statements do', () => {
  test('a SELECT returns exactly what sql.js returns, with its columns', () => {
    const sql = 'SELECT report_id, year, s3_new_total FROM reports ORDER BY report_id';
    const r = runReadOnly(core, sql, 1_000_000);
    const want = core.exec(sql)[0];
    expect(r.columns).toEqual(['report_id', 'year', 's3_new_total']);
    expect(r.rows).toEqual(want.values);
    expect(r.rowCount).toBe(5);
    expect(r.truncated).toBe(false);
    expect(r.statements).toBe(1);
  });

  test('DELETE, UPDATE, CREATE, DROP, a TEMP table and VACUUM INTO are refused; the rows are all still there', () => {
    for (const sql of [
      'DELETE FROM reports',
      'UPDATE reports SET year = 1900',
      'CREATE TABLE x (a)',
      'CREATE TEMP TABLE x (a)',
      'DROP TABLE failures',
      "VACUUM INTO '/copy.sqlite'",
      'PRAGMA user_version = 99',
    ]) {
      expect(() => runReadOnly(core, sql, 1000), sql).toThrow('attempt to write a readonly database');
    }
    expect(count()).toBe(5);
    expect(rows(core, 'PRAGMA user_version')[0].user_version).not.toBe(99);
  });

  test('turning query_only off in one statement does not let the next one write', () => {
    expect(() => runReadOnly(core, 'PRAGMA query_only = 0; DELETE FROM reports', 1000)).toThrow('attempt to write a readonly database');
    expect(() => runReadOnly(core, 'PRAGMA query_only = OFF; BEGIN; INSERT INTO checks SELECT * FROM checks; COMMIT', 1000)).toThrow(
      'attempt to write a readonly database',
    );
    expect(count()).toBe(5);
  });

  test('afterwards the connection is writable again for the worker (query_only off, no transaction left open)', () => {
    runReadOnly(core, 'BEGIN; SELECT COUNT(*) FROM reports', 1000);
    core.run('CREATE TEMP TABLE worker_own (a)');
    core.run('INSERT INTO worker_own VALUES (1)');
    expect(rows(core, 'SELECT COUNT(*) AS n FROM worker_own')[0].n).toBe(1);
    core.run('DROP TABLE worker_own');
  });

  test("a syntax error is SQLite's own message", () => {
    expect(() => runReadOnly(core, 'SELEC year FROM reports', 1000)).toThrow('near "SELEC": syntax error');
    expect(() => runReadOnly(core, 'SELECT nope FROM reports', 1000)).toThrow('no such column: nope');
  });

  test('of several statements, the last that returns columns is the result', () => {
    const r = runReadOnly(core, "SELECT 1 AS a; SELECT check_id FROM checks WHERE grp = 'E'; PRAGMA query_only = 1", 1000);
    expect(r.columns).toEqual(['check_id']);
    expect(r.rows).toEqual([['C28']]);
    expect(r.statements).toBe(3);
  });

  test('past maxCells the rows are counted, not kept', () => {
    const r = runReadOnly(core, 'SELECT key, unit FROM fact_keys', 20);
    expect(r.rows.length).toBe(10);
    expect(r.rowCount).toBe(Number(rows(core, 'SELECT COUNT(*) AS n FROM fact_keys')[0].n));
    expect(r.truncated).toBe(true);
  });

  test('an ATTACH is allowed (it writes nothing) but marks the connection as changed', () => {
    const db = new SQL.Database(fs.readFileSync(path.join(dir, 'gongkai.sqlite')));
    try {
      expect(runReadOnly(db, 'SELECT 1', 10).connectionChanged).toBe(false);
      expect(runReadOnly(db, "ATTACH ':memory:' AS scratch", 10).connectionChanged).toBe(true);
      expect(() => runReadOnly(db, 'CREATE TABLE scratch.t (a)', 10)).toThrow('attempt to write a readonly database');
    } finally {
      db.close();
    }
  });
});

describe('pickShards: every shard when they fit in one attach, else the ones the SQL pins', () => {
  // 20 shards of 50 reports: 1–50, 51–100, …
  const shards = Array.from({ length: 20 }, (_, i) => ({ id: i + 1, first: i * 50 + 1, last: (i + 1) * 50 }));

  test('reportRangesIn reads report_id = / IN / BETWEEN literals, and nothing else', () => {
    expect(reportRangesIn('SELECT * FROM findings WHERE report_id = 120')).toEqual([{ from: 120, to: 120 }]);
    expect(reportRangesIn('… WHERE f.report_id IN (1, 420) OR report_id BETWEEN 60 AND 180')).toEqual([
      { from: 1, to: 1 },
      { from: 420, to: 420 },
      { from: 60, to: 180 },
    ]);
    expect(reportRangesIn("SELECT * FROM findings WHERE check_id = 'C12'")).toBeNull();
  });

  test('eight or fewer shards are all attached, with nothing to say', () => {
    expect(pickShards(shards.slice(0, 8), null, 8)).toEqual({ shards: shards.slice(0, 8), note: '' });
  });

  test('more than fit: the shards of the pinned reports', () => {
    expect(pickShards(shards, [{ from: 120, to: 120 }], 8).shards.map((s) => s.id)).toEqual([3]);
    expect(pickShards(shards, [{ from: 1, to: 1 }, { from: 420, to: 420 }, { from: 60, to: 180 }], 8).shards.map((s) => s.id)).toEqual([1, 2, 3, 4, 9]);
  });

  test('more than fit and nothing pinned, or pinned across too many: a Chinese error saying what to write', () => {
    expect(() => pickShards(shards, null, 8)).toThrow('明细分为 20 个文件，一次查询最多附加 8 个：请在条件中写明 report_id');
    expect(() => pickShards(shards, [{ from: 1, to: 1000 }], 8)).toThrow('条件中的报告分布在 20 个文件中');
  });

  test('detailNote names the reports whose detail is in the result when not all are', () => {
    expect(detailNote(shards, shards)).toBe('');
    expect(detailNote(shards, [shards[8], shards[0]])).toBe('明细表（findings 等）只含报告 1–50、401–450 的明细（共 20 个明细文件，本次附加 2 个）。');
  });
});
