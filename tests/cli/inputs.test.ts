/**
 * Issue 14.5: the parse CLI takes folders and a file list on standard input
 * (`npm run parse -- DIR/*.txt` with 10,000 files overflowed the command line:
 * exit 249, nothing printed), and a usage error says what is wrong.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractFile } from '../../scripts/lib/nodeExtract.ts';

const CLI = ['--import', 'tsx', 'scripts/parse-cli.ts'];
const SEEDS = fs.readdirSync('data/reports').sort().map((f) => `data/reports/${f}`);

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8', input, maxBuffer: 256 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.trim() ? r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; error?: string; facts?: object }) : [] };
}

describe('a folder stands for its report files', () => {
  test('the seeds folder gives the same lines as the seeds named one by one', () => {
    const byName = run(SEEDS);
    const byFolder = run(['data/reports']);
    expect(byFolder.code).toBe(0);
    expect(byFolder.lines.map((l) => l.file)).toEqual(SEEDS);
    expect(byFolder.stdout).toBe(byName.stdout);
  }, 60_000);

  test('symlinks and hidden files in a folder are skipped, and stderr says so', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli-dir-'));
    fs.copyFileSync(SEEDS[0], path.join(dir, 'a.txt'));
    fs.symlinkSync(path.resolve(SEEDS[1]), path.join(dir, 'link.txt'));
    fs.writeFileSync(path.join(dir, '.hidden.txt'), 'x');
    const r = run([dir]);
    expect(r.lines.map((l) => l.file)).toEqual([`${dir}/a.txt`]);
    expect(r.stderr).toContain(`parse: 跳过 ${dir}/.hidden.txt：隐藏文件（以“.”开头），未读取`);
    expect(r.stderr).toContain(`parse: 跳过 ${dir}/link.txt：符号链接，未读取`);
    fs.rmSync(dir, { recursive: true });
  }, 60_000);
});

describe('10,000 files, more than a command line holds', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli-many-'));
  const files: string[] = [];
  beforeAll(() => {
    for (let i = 0; i < 10_000; i++) {
      const f = path.join(dir, `${String(i).padStart(5, '0')}-某某乡人民政府政府信息公开工作年度报告.txt`);
      fs.writeFileSync(f, `会议通知 ${i}\n`);
      files.push(f);
    }
    // the list alone is far over Linux's 128 KiB limit for one argument string
    expect(files.join(' ').length).toBeGreaterThan(128 * 1024);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }), 120_000);

  test('--files-from - reads them from standard input: one line each, in order', () => {
    const r = run(['--files-from', '-'], files.join('\n') + '\n');
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(10_000);
    expect(r.lines.map((l) => l.file)).toEqual(files);
    expect(r.lines[9_999].error).toContain('不是年度报告');
  }, 120_000);

  test('a NUL-separated list (find -print0) and a list file work alike', () => {
    const list = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli-list-')), 'list');
    fs.writeFileSync(list, files.slice(0, 50).join('\0'));
    expect(run(['--files-from', list]).lines.map((l) => l.file)).toEqual(files.slice(0, 50));
    fs.rmSync(path.dirname(list), { recursive: true });
    const piped = execFileSync('bash', ['-c', `find ${JSON.stringify(dir)} -name '0000*' -print0 | sort -z | ${JSON.stringify(process.execPath)} ${CLI.join(' ')} --files-from -`], { encoding: 'utf8' });
    expect(piped.trim().split('\n').map((l) => JSON.parse(l).file)).toEqual(files.slice(0, 10));
  }, 120_000);

  test('the folder gives the same 10,000 lines', () => {
    const r = run([dir]);
    expect(r.lines.map((l) => l.file)).toEqual(files);
  }, 120_000);
});

describe('usage errors say what is wrong (exit 2, nothing on stdout)', () => {
  const cases: [string, string[], string][] = [
    ['no file', [], 'parse: 没有给出报告文件'],
    ['an unknown option', ['--bogus', SEEDS[0]], 'parse: 未知选项：--bogus'],
    ['an option without its value', [SEEDS[0], '--files-from'], 'parse: --files-from 后缺少参数'],
    ['a list file that does not exist', ['--files-from', '/nonexistent/list.txt'], 'parse: 无法读取文件列表 /nonexistent/list.txt：'],
  ];
  for (const [name, args, message] of cases) {
    test(name, () => {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain('用法：npm run --silent parse -- [选项] 文件或文件夹…');
    });
  }

  test('a file that does not exist is a line with its error, not a usage error', () => {
    const r = run([SEEDS[0], '/nonexistent/report.txt']);
    expect(r.code).toBe(0);
    expect(r.lines[1]).toEqual({ file: '/nonexistent/report.txt', error: expect.stringContaining('无法读取文件') });
  }, 60_000);
});

test('--extract prints the text the parser reads, as src/extract gives it', async () => {
  const r = run(['--extract', SEEDS[2]]);
  const own = await extractFile(SEEDS[2], fs.readFileSync(SEEDS[2]));
  expect(r.lines).toEqual([{ file: SEEDS[2], ...own }]);
});
