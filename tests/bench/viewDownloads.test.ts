/**
 * BENCHMARKS.md's table of what each view downloads at 10 Mbit/s, and the
 * issue-16 goal row read from it: a view over 10 MB is marked and named, a
 * failed step shows its reason, and results without the new field (an older
 * results.json, --render-only) still render.
 */
import { describe, expect, test } from 'vitest';
import type { BrowserResult } from '../../scripts/bench/browser';
import { renderReport, type Machine, type SizeRun } from '../../scripts/bench/report';
import type { ViewStep } from '../../scripts/bench/views';

const MB = 2 ** 20;
const machine: Machine = { cpu: 'test', cores: 2, ramGB: 8, node: 'v20', chromium: 'x', os: 'linux', date: '2026-12-02 00:00 UTC', commit: 'abc' };
const opts = { coldRuns: 1, changes: 4, parseLimit: 100, carried: '' };

function browser(viewDownloads?: ViewStep[]): BrowserResult {
  return { coldLoads: [1000], coldBytes: [2 * MB], coldFiles: ['assets/gongkai-x.sqlite'], dbOpen: [800], floor: [500], views: [], filterFloor: [10], errors: [], ...(viewDownloads ? { viewDownloads } : {}) };
}
const cold = (step: string, mb: number, files: string[], extra: Partial<ViewStep> = {}): ViewStep => ({ step, how: '', kind: 'cold', ms: 3000, bytes: mb * MB, dbBytes: mb * MB, files, ...extra });
const run = (size: number, b: BrowserResult): SizeRun => ({ size, errors: {}, load: {}, browser: b });

const section = (md: string) => {
  const at = md.indexOf('## What each view downloads at 10 Mbit/s');
  return at < 0 ? '' : md.slice(at, md.indexOf('\n## ', at + 1));
};
const goalRow = (md: string) => md.split('\n').find((l) => l.startsWith('| largest download of any view at 10 Mbit/s')) ?? '';

describe('what each view downloads at 10 Mbit/s', () => {
  test('a view over 10 MB is marked in the table and named by the goal row', () => {
    const small = [cold('概览', 2.5, ['gongkai-a.sqlite', 'dir-1-aa.sqlite.gz']), cold('合规', 4, ['gongkai-a.sqlite', 'part-2021-bb.sqlite.gz'])];
    const big = [
      cold('概览', 3, ['gongkai-a.sqlite']),
      { ...cold('概览 → 省份', 0.5, ['dir-3-cc.sqlite.gz']), kind: 'action' as const, sessionBytes: 3.5 * MB },
      cold('合规', 40, ['gongkai-a.sqlite', 'part-2021-bb.sqlite.gz', 'part-2022-dd.sqlite.gz', 'dir-1-aa.sqlite.gz']),
      { ...cold('合规 → 省份', 0, []), kind: 'action' as const, sessionBytes: 40 * MB },
    ];
    const md = renderReport(machine, [run(20_000, browser(small)), run(200_000, browser(big))], null, opts);
    const s = section(md);
    expect(s).toContain('| view | 20,000 reports | 200,000 reports | over 10 MB |');
    const row = s.split('\n').find((l) => l.startsWith('| 合规 |'))!;
    expect(row).toContain('40.0 MB **> 10 MB**');
    expect(row).toContain('4 database files (gongkai ×1, part ×2, dir ×1)');
    expect(row.endsWith('| 200k |')).toBe(true);
    // an action: its own bytes, then with its view
    expect(s).toContain('| ↳ 概览 → 省份 |');
    expect(s).toContain('+512.0 KB (3.5 MB)');
    // a step that added nothing to a view over the limit is not marked again
    const after = s.split('\n').find((l) => l.startsWith('| ↳ 合规 → 省份 |'))!;
    expect(after).toContain('+0 (40.0 MB) · no database file');
    expect(after).not.toContain('**> 10 MB**');
    expect(goalRow(md)).toContain('40.0 MB: 合规');
    expect(goalRow(md)).toContain('**MISS**');
  });

  test('every view under 10 MB passes; a failed step shows its reason and fails the goal', () => {
    const ok = [cold('概览', 3, ['gongkai-a.sqlite']), cold('数据说明', 9, ['gongkai-a.sqlite'])];
    expect(goalRow(renderReport(machine, [run(200_000, browser(ok))], null, opts))).toMatch(/9\.0 MB: 数据说明.*\| ≤ 10 MB \| \*\*pass\*\* \|$/);
    const failed = [...ok, cold('查询', 0.1, [], { ms: null, error: 'not settled within 600 s' })];
    const md = renderReport(machine, [run(200_000, browser(failed))], null, opts);
    expect(section(md)).toContain('FAILED: not settled within 600 s');
    expect(goalRow(md)).toContain('**MISS**: failed: 查询 (not settled within 600 s)');
  });

  test('results without viewDownloads still render, the goal row not measured', () => {
    const md = renderReport(machine, [run(200_000, browser())], null, opts);
    expect(section(md)).toBe('');
    expect(goalRow(md)).toContain('| — | ≤ 10 MB | not measured |');
  });
});
