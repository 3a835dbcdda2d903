/**
 * Issue 14.8: nothing in data/reports/ is skipped silently. Symlinks, hidden
 * files and folders and other non-files are listed in the summary and in
 * source_files as skipped, with the reason; a file judged not to be a report is
 * a failure only, never also a report.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Database } from 'sql.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDatabase, type BuildSummary } from '../../scripts/lib/buildDatabase.ts';
import { openBuiltDatabase } from '../../scripts/lib/openBuilt.ts';
import { processFile } from '../../scripts/lib/pipeline.ts';
import { rows } from '../build/helpers.ts';

describe('a reports folder with a symlink, hidden entries, a pipe and a file that is not a report', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-folder-'));
  const reports = path.join(dir, 'reports');
  const out = path.join(dir, 'out', 'gongkai.sqlite');
  let summary: BuildSummary;
  let log = '';
  let db: Database;

  beforeAll(async () => {
    fs.mkdirSync(path.join(reports, 'sub'), { recursive: true });
    fs.copyFileSync('data/reports/000_3d4bdaa64d37f60c.txt', path.join(reports, 'a.txt'));
    fs.copyFileSync('data/reports/002_8d6632e4e8c36cd9.txt', path.join(reports, 'sub', 'b.txt'));
    // a link to a report elsewhere on the machine, and one to a file outside any report folder
    fs.symlinkSync(path.resolve('data/reports/001_230915953f1370e3.txt'), path.join(reports, 'linked.txt'));
    fs.symlinkSync('/etc/hostname', path.join(reports, 'sub', 'outside.txt'));
    fs.writeFileSync(path.join(reports, '.DS_Store'), Buffer.alloc(6148));
    fs.mkdirSync(path.join(reports, '.git', 'objects'), { recursive: true });
    fs.writeFileSync(path.join(reports, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    fs.writeFileSync(path.join(reports, '.git', 'objects', 'x'), 'x');
    execFileSync('mkfifo', [path.join(reports, 'pipe')]);
    fs.writeFileSync(path.join(reports, 'notice.txt'), '会议通知\n请各单位于下周一上午九点参加安全生产工作会议。\n');
    fs.writeFileSync(path.join(dir, 'manifest.csv'), 'file,organ,province,city,county,level,year,source_url,published\nlinked.txt,某某乡,,,,乡镇,2021,,\n');
    summary = await buildDatabase({ reportsDir: reports, manifestPath: path.join(dir, 'manifest.csv'), outFile: out, log: (l) => (log += l + '\n') });
    db = await openBuiltDatabase(out);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const SKIPPED = [
    ['.DS_Store', '隐藏文件（以“.”开头），未读取'],
    ['.git/', '隐藏文件夹（以“.”开头），其中 2 个文件未读取'],
    ['linked.txt', '符号链接，未读取（只读取报告文件夹中的普通文件）'],
    ['pipe', '不是普通文件（管道、套接字或设备），未读取'],
    ['sub/outside.txt', '符号链接，未读取（只读取报告文件夹中的普通文件）'],
  ];

  test('the summary lists each skipped entry with its reason', () => {
    expect(summary.skipped.map((s) => [s.file, s.reason])).toEqual(SKIPPED);
    expect(log).toContain('报告文件 3 份：成功 1，部分 1，失败 1；另有 5 项未读取');
    for (const [file, reason] of SKIPPED) expect(log).toContain(`  跳过 ${file}：${reason}`);
  });

  test('source_files holds them as skipped, unread (no hash), beside the files read', () => {
    const got = rows(db, 'SELECT file, outcome, reason, sha256, bytes FROM source_files ORDER BY file');
    expect(got.map((g) => [g.file, g.outcome])).toEqual([
      ['.DS_Store', 'skipped'],
      ['.git/', 'skipped'],
      ['a.txt', 'ok'],
      ['linked.txt', 'skipped'],
      ['notice.txt', 'failed'],
      ['pipe', 'skipped'],
      ['sub/b.txt', 'partial'],
      ['sub/outside.txt', 'skipped'],
    ]);
    for (const g of got.filter((x) => x.outcome === 'skipped')) expect(g.sha256).toBe('');
    expect(got.find((g) => g.file === '.DS_Store')!.bytes).toBe(6148);
    // a hidden folder is one entry: nothing inside it is listed, let alone read
    expect(rows(db, "SELECT count(*) AS n FROM source_files WHERE file LIKE '.git/_%'")[0].n).toBe(0);
  });

  test('the manifest row of a skipped file is not reported as a missing file', () => {
    expect(summary.manifestWithoutFile).toEqual([]);
  });

  test('the file judged not a report is a failure only: no report row', () => {
    expect(summary.failures).toEqual([{ file: 'notice.txt', reason: '不是年度报告：既无模板表格，也无报告标题、年度或章节' }]);
    const reports = rows(db, 'SELECT f.file FROM reports r JOIN source_files f USING (file_id) ORDER BY f.file');
    expect(reports.map((r) => r.file)).toEqual(['a.txt', 'sub/b.txt']);
  });
});

test('processFile: a file judged failed carries no report and no findings', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-notice-'));
  fs.writeFileSync(path.join(dir, 'n.txt'), '会议通知\n请各单位参加会议。\n');
  const p = await processFile(path.join(dir, 'n.txt'), 'n.txt');
  expect(p.outcome).toBe('failed');
  expect(p.report).toBeNull();
  expect(p.findings).toEqual([]);
  expect(p.encoding).toBe('utf-8');
  fs.rmSync(dir, { recursive: true });
});
