import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { newestInputDate } from '../../scripts/lib/buildDate';
import { tmpDir } from './helpers';

const git = (cwd: string, args: string[], date?: string) =>
  execFileSync('git', args, {
    cwd,
    stdio: 'ignore',
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' },
  });
const touch = (file: string, iso: string) => fs.utimesSync(file, new Date(iso), new Date(iso));
const NO_EPOCH = {} as NodeJS.ProcessEnv;

describe('构建日期: the date of the newest input', () => {
  test('committed inputs: their last commit, not the time of the checkout', () => {
    const dir = tmpDir('date-git');
    fs.mkdirSync(path.join(dir, 'reports'));
    fs.writeFileSync(path.join(dir, 'reports', 'a.txt'), 'a');
    fs.writeFileSync(path.join(dir, 'manifest.csv'), 'file\n');
    git(dir, ['init', '-q']);
    git(dir, ['add', '.']);
    git(dir, ['commit', '-q', '-m', 'data'], '2024-03-05T10:00:00Z');
    for (const f of ['reports/a.txt', 'manifest.csv']) touch(path.join(dir, f), '2025-01-01T00:00:00Z');
    const inputs = [path.join(dir, 'reports'), path.join(dir, 'manifest.csv')];
    expect(newestInputDate(inputs, NO_EPOCH)).toBe('2024-03-05');

    // a report added and not committed: its own date, the newest
    fs.writeFileSync(path.join(dir, 'reports', 'b.txt'), 'b');
    touch(path.join(dir, 'reports', 'b.txt'), '2024-06-07T12:00:00Z');
    expect(newestInputDate(inputs, NO_EPOCH)).toBe('2024-06-07');

    // an older uncommitted file does not make the build older than the commit
    touch(path.join(dir, 'reports', 'b.txt'), '2023-01-01T12:00:00Z');
    expect(newestInputDate(inputs, NO_EPOCH)).toBe('2024-03-05');

    // an edited manifest counts by its own time
    fs.appendFileSync(path.join(dir, 'manifest.csv'), 'b.txt\n');
    touch(path.join(dir, 'manifest.csv'), '2024-08-09T08:00:00Z');
    expect(newestInputDate(inputs, NO_EPOCH)).toBe('2024-08-09');
  });

  test('outside git: the newest modification time; SOURCE_DATE_EPOCH overrides; no inputs: none', () => {
    const dir = tmpDir('date-plain');
    fs.mkdirSync(path.join(dir, 'reports'));
    for (const [f, d] of [['a.txt', '2022-02-02T00:00:00Z'], ['b.txt', '2022-05-06T23:00:00Z']]) {
      fs.writeFileSync(path.join(dir, 'reports', f), f);
      touch(path.join(dir, 'reports', f), d);
    }
    expect(newestInputDate([path.join(dir, 'reports')], NO_EPOCH)).toBe('2022-05-06');
    expect(newestInputDate([path.join(dir, 'reports')], { SOURCE_DATE_EPOCH: '1700000000' })).toBe('2023-11-14');
    expect(newestInputDate([path.join(dir, 'missing')], NO_EPOCH)).toBeNull();
  });
});
