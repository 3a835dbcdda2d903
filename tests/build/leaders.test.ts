/**
 * The leaders file of a split build (src/db/leaders.ts), on 3,000 generated
 * reports — enough that each year's lists are longer than the limits, so the file
 * is a real subset: the national rankings, the 合规 matrix, its counts and its
 * failure list, read from the index and the leaders file alone, are what the
 * unsplit database answers, for every ranked column and several year and
 * template filters. And every column a view ranks by is one the leaders cover.
 */
import fs from 'node:fs';
import path from 'node:path';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDatabase } from '../../scripts/lib/buildDatabase';
import { readDataFile } from '../../scripts/lib/openBuilt';
import { ensureCorpus } from '../../scripts/bench/corpus';
import { PROACTIVE_MEASURES, measureColumns } from '../../src/app/shape/measures';
import { NO_FILTERS, type Filters } from '../../src/db/filters';
import { FAILURE_LIMIT, RANK_LIMIT, RANKED_COLUMNS } from '../../src/db/leaders';
import { loadPart, partsFor, readParts, reportFilesOf } from '../../src/db/parts';
import { PART_NEEDS, QUERIES, type Queryable } from '../../src/db/queries';
import { tableFromExec } from '../../src/db/table';
import { rows, tmpDir } from './helpers';

const COUNT = 3000;
const root = tmpDir('leaders');
const q = (db: Database): Queryable => ({ all: (sql, params) => tableFromExec(db.exec(sql, params ?? [])) });

describe('the leaders file answers the national lists as the whole database does', () => {
  let SQL: SqlJsStatic;
  let whole: Database;
  let index: Database;
  let loaded: string[];
  const splitDir = path.join(root, 'split');

  beforeAll(async () => {
    SQL = await initSqlJs();
    const corpus = ensureCorpus(root, COUNT, () => undefined);
    const opts = { reportsDir: corpus.reportsDir, manifestPath: corpus.manifest, builtAt: '2026-12-02' };
    await buildDatabase({ ...opts, outFile: path.join(root, 'whole', 'gongkai.sqlite'), splitGzipBytes: 1e12 });
    await buildDatabase({ ...opts, outFile: path.join(splitDir, 'gongkai.sqlite'), splitGzipBytes: 1 });
    // unsplit: every report in the core (the detail shards are not needed here)
    whole = new SQL.Database(fs.readFileSync(path.join(root, 'whole', 'gongkai.sqlite')));
    // the index with only what the national queries say they need: the leaders file
    index = new SQL.Database(fs.readFileSync(path.join(splitDir, 'gongkai.sqlite')));
    const parts = readParts(index);
    const needs = [
      PART_NEEDS.organValues({ filters: NO_FILTERS, columns: [RANKED_COLUMNS[0]], orderBy: RANKED_COLUMNS[0], limit: RANK_LIMIT }, q(index)),
      PART_NEEDS.compliance({ filters: NO_FILTERS, check: '' }, q(index)),
      PART_NEEDS.failureList({ filters: NO_FILTERS, check: '', limit: FAILURE_LIMIT }, q(index)),
    ];
    const files = [...new Set(needs.flatMap((n) => partsFor(parts, n, reportFilesOf(index))))];
    loaded = files.map((p) => p.kind);
    for (const p of files) loadPart(SQL, index, readDataFile(path.join(splitDir, 'public', 'data', p.file)));
  }, 300_000);
  afterAll(() => {
    whole?.close();
    index?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const FILTERS: Filters[] = [
    NO_FILTERS,
    { ...NO_FILTERS, from: 2020, to: 2022 },
    { ...NO_FILTERS, template: '2021' },
    { ...NO_FILTERS, template: '2019', from: 2019, to: 2020 },
    { ...NO_FILTERS, from: 2024, to: null },
  ];

  test('the national queries load the leaders file and nothing else; it holds a part of the reports', () => {
    expect(loaded).toEqual(['leaders']);
    const n = Number(rows(index, 'SELECT COUNT(*) AS n FROM reports')[0].n);
    const all = Number(rows(whole, 'SELECT COUNT(*) AS n FROM reports')[0].n);
    expect(all).toBeGreaterThan(2900);
    expect(n).toBeGreaterThan(RANK_LIMIT);
    expect(n).toBeLessThan(all * 0.8);
    expect(rows(index, 'SELECT reports FROM leaders')[0].reports).toBe(n);
  });

  test('every ranked column, every filter: the first 25 and their count as in the whole database', () => {
    for (const f of FILTERS) {
      for (const c of RANKED_COLUMNS) {
        const args = { filters: f, columns: [c], orderBy: c, limit: RANK_LIMIT };
        const got = QUERIES.organValues(q(index), args);
        expect(got, `${c} ${JSON.stringify(f)}`).toEqual(QUERIES.organValues(q(whole), args));
      }
    }
    // a real ranking: 25 rows of a column most reports state
    expect(QUERIES.organValues(q(index), { filters: NO_FILTERS, columns: ['s1_proactive_total'], orderBy: 's1_proactive_total', limit: RANK_LIMIT }).rows.length).toBe(RANK_LIMIT);
  });

  test('合规: the counts of every check, the pass-rate bins, the matrix and the first 500 failures as in the whole database', () => {
    for (const f of FILTERS) {
      const args = { filters: f, check: '' };
      expect(QUERIES.compliance(q(index), args), JSON.stringify(f)).toEqual(QUERIES.compliance(q(whole), args));
    }
    const all = QUERIES.compliance(q(whole), { filters: NO_FILTERS, check: '' });
    expect(all.failureTotal).toBeGreaterThan(FAILURE_LIMIT);
    expect(all.failures.length).toBe(FAILURE_LIMIT);
  });

  test('every column 主动公开 and 采购 rank by is a ranked column of the leaders', () => {
    const views = fs.readFileSync(path.resolve('src/app/views/ProcurementView.svelte'), 'utf8');
    const procurement = [...views.matchAll(/orderBy: '(\w+)'/g)].map((m) => m[1]);
    expect(procurement).toHaveLength(3);
    for (const c of [...measureColumns(PROACTIVE_MEASURES), ...procurement]) expect(RANKED_COLUMNS, c).toContain(c);
  });
});
