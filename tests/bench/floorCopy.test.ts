/**
 * The bench's floor page over a split build (the seeds with a 1-byte split
 * threshold): it copies the files the site fetched before its first chart —
 * the index and some directories, no part — and then, for the filter floor,
 * every part and directory it does not have yet. Each file is copied once and
 * the result holds every report and organ the unsplit build has. The 200,000-
 * report run of 2026-12-02 failed here (UNIQUE constraint failed: organs.organ_id:
 * a directory of the first chart copied again).
 */
import fs from 'node:fs';
import path from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { FLOOR_COPY_JS, type FloorCopy } from '../../scripts/bench/floorCopy';
import { buildDatabase } from '../../scripts/lib/buildDatabase';
import { readDataFile } from '../../scripts/lib/openBuilt';
import { rows, tmpDir } from '../build/helpers';

const lib = new Function(`return ${FLOOR_COPY_JS}`)() as FloorCopy;

describe('the floor page copies a split build’s files each once', () => {
  const whole = tmpDir('floor-whole');
  const split = tmpDir('floor-split');
  let SQL: SqlJsStatic;
  beforeAll(async () => {
    SQL = await initSqlJs();
    for (const [dir, splitGzipBytes] of [[whole, undefined], [split, 1]] as const) {
      await buildDatabase({ reportsDir: path.resolve('data/reports'), manifestPath: path.resolve('data/manifest.csv'), outFile: path.join(dir, 'gongkai.sqlite'), builtAt: '2026-12-02', splitGzipBytes });
    }
  }, 120_000);

  test('the first chart’s directories, then the rest: every report and organ, once', () => {
    const ref = new SQL.Database(fs.readFileSync(path.join(whole, 'gongkai.sqlite')));
    const db = new SQL.Database(fs.readFileSync(path.join(split, 'gongkai.sqlite')));
    const data = (f: string) => readDataFile(path.join(split, 'public', 'data', f.replace(/^data\//, '')));
    const dirs = rows(db, 'SELECT file FROM directories ORDER BY directory_id').map((r) => `data/${String(r.file)}`);
    expect(dirs.length).toBeGreaterThan(1);
    // a directory with a file read only in part: its source_files row is in the index too
    const partial = rows(db, "SELECT count(*) AS n FROM source_files WHERE outcome <> 'ok'")[0].n as number;
    expect(partial).toBeGreaterThan(0);
    // what the first chart fetched: the index and (for the report list) the directories
    const first = ['assets/gongkai.sqlite', ...dirs];
    for (const f of dirs) lib.copy(SQL, db, data(f));
    const rest = lib.rest(db, first);
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.some((f) => dirs.includes(f))).toBe(false);
    for (const f of rest) lib.copy(SQL, db, data(f));
    const count = (d: typeof db, sql: string) => Number(d.exec(sql)[0].values[0][0]);
    for (const t of ['reports', 'organs', 'failures', 'source_files']) {
      expect(count(db, `SELECT count(*) FROM ${t}`), t).toBe(count(ref, `SELECT count(*) FROM ${t}`));
    }
    expect(lib.rest(db, [...first, ...rest])).toEqual([]);
    db.close();
    ref.close();
  });
});
