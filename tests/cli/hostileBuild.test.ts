/**
 * Issue 14, done-when 1: a build over the seeds plus the two hostile files, under
 * a 3 GB heap, finishes, names both as failed with their reasons, and keeps
 * every seed report. (Before the bounds, the Word file alone drove the build out
 * of memory after 50 s: no summary, nothing written.)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openBuiltDatabase } from '../../scripts/lib/openBuilt.ts';
import { rows } from '../build/helpers.ts';
import { docxBomb, spanBombHtml } from '../extract/hostile.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-hostile-'));
const out = path.join(dir, 'out', 'gongkai.sqlite');
let stdout = '';

beforeAll(async () => {
  const reports = path.join(dir, 'data', 'reports');
  fs.mkdirSync(reports, { recursive: true });
  for (const f of fs.readdirSync('data/reports')) fs.copyFileSync(path.join('data/reports', f), path.join(reports, f));
  fs.copyFileSync('data/manifest.csv', path.join(dir, 'data', 'manifest.csv'));
  fs.writeFileSync(path.join(reports, 'bomb.docx'), await docxBomb(300));
  fs.writeFileSync(path.join(reports, 'spans.html'), spanBombHtml());
  stdout = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-db.ts', '--data', path.join(dir, 'data'), '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=3072' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}, 180_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the build finishes and its summary names both hostile files as failed, with the bound each passed', () => {
  expect(stdout).toContain('报告文件 7 份：成功 3，部分 2，失败 2');
  expect(stdout).toContain('  失败 bomb.docx：Word 文件解压后超过 20 MB（word/document.xml），不是年度报告');
  expect(stdout).toContain('  失败 spans.html：表格展开后超过 20 万个单元格（合并单元格 rowspan/colspan 异常），不是年度报告');
});

test('every seed report is in the database; the hostile files are in source_files as failed, and are not reports', async () => {
  const db = await openBuiltDatabase(out);
  const files = rows(db, 'SELECT f.file, f.outcome, f.reason, r.report_id FROM source_files f LEFT JOIN reports r USING (file_id) ORDER BY f.file');
  const seeds = fs.readdirSync('data/reports').sort();
  expect(files.map((f) => f.file)).toEqual([...seeds, 'bomb.docx', 'spans.html']);
  for (const f of files) {
    if (seeds.includes(f.file as string)) expect(f.report_id, String(f.file)).not.toBeNull();
    else {
      expect(f.outcome).toBe('failed');
      expect(f.report_id).toBeNull();
    }
  }
  expect(rows(db, 'SELECT count(*) AS n FROM reports')[0].n).toBe(5);
});
