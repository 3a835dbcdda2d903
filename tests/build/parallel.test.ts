/**
 * The build on file workers: the output is the same bytes whatever the number
 * of workers (results come back in input order), and a file that takes longer
 * than its time budget is ended and reported failed while every other report
 * is kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildDatabase, type BuildSummary } from '../../scripts/lib/buildDatabase';
import { openBuiltDatabase } from '../../scripts/lib/openBuilt';
import { sourceUrl } from '../../scripts/synth';
import { generateReport } from '../../scripts/synth/index';
import { rows, tmpDir } from './helpers';

const SEEDS = path.resolve('data/reports');

/** The seeds (every input format) and `n` generated reports, with a manifest. */
function corpus(n: number): string {
  const dir = tmpDir('parallel');
  const reports = path.join(dir, 'reports');
  fs.mkdirSync(reports);
  for (const f of fs.readdirSync(SEEDS)) fs.copyFileSync(path.join(SEEDS, f), path.join(reports, f));
  let manifest = fs.readFileSync('data/manifest.csv', 'utf8').trimEnd() + '\n';
  for (let i = 0; i < n; i++) {
    const r = generateReport(5_000 + i);
    const file = `g${String(i).padStart(4, '0')}.txt`;
    fs.writeFileSync(path.join(reports, file), r.text);
    manifest += `${[file, r.organ, r.province, r.city, r.county, r.level, r.year, sourceUrl(r, 5_000 + i), r.published].join(',')}\n`;
  }
  fs.writeFileSync(path.join(dir, 'manifest.csv'), manifest);
  return dir;
}

/** Every file a build wrote, name → bytes (the core, and the data folder). */
function written(out: string): Map<string, Buffer> {
  const data = path.join(out, 'public', 'data');
  const files = new Map([['gongkai.sqlite', fs.readFileSync(path.join(out, 'gongkai.sqlite'))]]);
  for (const f of fs.readdirSync(data).sort()) files.set(f, fs.readFileSync(path.join(data, f)));
  return files;
}

describe('the build on file workers', () => {
  const dir = corpus(240);
  const build = (out: string, workers: number, splitGzipBytes?: number) =>
    buildDatabase({
      reportsDir: path.join(dir, 'reports'),
      manifestPath: path.join(dir, 'manifest.csv'),
      outFile: path.join(dir, out, 'gongkai.sqlite'),
      builtAt: '2026-12-01',
      shardSize: 40,
      splitGzipBytes,
      pool: { workers },
    });
  let one: BuildSummary;
  let two: BuildSummary;
  beforeAll(async () => {
    one = await build('one', 1);
    two = await build('two', 2);
    await build('two-again', 2);
  }, 300_000);

  test('one worker and two write the same bytes, and two runs with two workers too', () => {
    expect(one.workers).toBe(1);
    expect(two.workers).toBe(2);
    const a = written(path.join(dir, 'one'));
    const b = written(path.join(dir, 'two'));
    const c = written(path.join(dir, 'two-again'));
    // 245 reports in shards of 40 input files: 7 shards
    expect([...a.keys()].filter((f) => f.startsWith('detail-'))).toHaveLength(7);
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect([...c.keys()]).toEqual([...a.keys()]);
    for (const [f, bytes] of a) {
      expect(b.get(f)!.equals(bytes), f).toBe(true);
      expect(c.get(f)!.equals(bytes), f).toBe(true);
    }
  });

  test('a report id is its file’s place in the sorted input, and every shard holds its batch', async () => {
    const db = await openBuiltDatabase(path.join(dir, 'two', 'gongkai.sqlite'));
    try {
      const ids = rows(db, 'SELECT r.report_id, s.file FROM reports r JOIN source_files s USING (file_id) ORDER BY r.report_id');
      expect(ids).toHaveLength(245);
      const files = [...ids.map((r) => r.file as string)].sort();
      expect(ids.map((r) => r.file)).toEqual(files);
      expect(ids[ids.length - 1].report_id).toBe(245);
      expect(rows(db, 'SELECT first_report_id AS f, last_report_id AS l FROM shards ORDER BY shard_id').map((r) => [r.f, r.l])).toEqual([
        [1, 40], [41, 80], [81, 120], [121, 160], [161, 200], [201, 240], [241, 245],
      ]);
      // every report's findings are in its shard, the collection's (C18…) among them
      expect(rows(db, 'SELECT COUNT(DISTINCT report_id) AS n FROM findings')[0].n).toBe(245);
      expect(rows(db, "SELECT COUNT(*) AS n FROM findings WHERE check_id = 'C23'")[0].n).toBe(rows(db, "SELECT COUNT(*) AS n FROM reports WHERE substr(checks, 23, 1) != '.'")[0].n);
    } finally {
      db.close();
    }
  });
});

describe('a file past its time budget', () => {
  test('is ended and reported failed with the reason; the other reports are all kept', async () => {
    const dir = tmpDir('budget');
    const reports = path.join(dir, 'reports');
    fs.mkdirSync(reports);
    for (const f of fs.readdirSync(SEEDS)) fs.copyFileSync(path.join(SEEDS, f), path.join(reports, f));
    // 150 reports run together as one text: the parser takes several seconds on it (it grows with the square of the length)
    fs.writeFileSync(path.join(reports, 'slow.txt'), generateReport(11).text.repeat(150));
    const summary = await buildDatabase({
      reportsDir: reports,
      manifestPath: path.resolve('data/manifest.csv'),
      outFile: path.join(dir, 'out', 'gongkai.sqlite'),
      pool: { workers: 2, budgetS: 1 },
    });
    expect(summary.failures).toEqual([{ file: 'slow.txt', reason: '处理超时（超过 1 秒）' }]);
    expect(summary.ok + summary.partial).toBe(5);
    const db = await openBuiltDatabase(path.join(dir, 'out', 'gongkai.sqlite'));
    try {
      expect(rows(db, 'SELECT COUNT(*) AS n FROM reports')[0].n).toBe(5);
      expect(rows(db, "SELECT outcome, reason FROM source_files WHERE file = 'slow.txt'")).toEqual([{ outcome: 'failed', reason: '处理超时（超过 1 秒）' }]);
    } finally {
      db.close();
    }
  }, 120_000);
});
