import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';

interface Line {
  file: string;
  organ?: string;
  year?: number;
  template?: string | null;
  region?: { province: string | null; city: string | null; county: string | null; code: string | null };
  facts?: Record<string, number | null>;
  findings?: { check: string; status: string; severity: string; evidence: string }[];
  error?: string;
}

function parse(...files: string[]): Line[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/parse-cli.ts', ...files], { encoding: 'utf8' });
  return out.trim().split('\n').map((l) => JSON.parse(l) as Line);
}

describe('npm run parse: the JSON Lines contract', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli-'));
  let lines: Line[];
  beforeAll(() => {
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    lines = parse('data/reports/000_3d4bdaa64d37f60c.txt', path.join(dir, 'empty.txt'), 'data/reports/002_8d6632e4e8c36cd9.txt');
  }, 60_000);

  test('one line per file, in order, a broken file as {file, error} between good ones', () => {
    expect(lines.map((l) => path.basename(l.file))).toEqual(['000_3d4bdaa64d37f60c.txt', 'empty.txt', '002_8d6632e4e8c36cd9.txt']);
    expect(lines[1].error).toBeTruthy();
    expect(lines[1].facts).toBeUndefined();
  });

  test('metadata, region and facts of a report', () => {
    const l = lines[2];
    expect(l.year).toBe(2021);
    expect(l.template).toBe('2021');
    expect(l.region).toMatchObject({ province: '黑龙江省', city: '鹤岗市', county: '绥滨县' });
    expect(l.region?.code).toMatch(/^230422/);
    expect(l.facts?.['s1.proactive_total']).toBe(352);
    expect(l.facts?.['s3.total.total']).toBeNull();
  });

  test('findings carry every check, including the cross-year ones of the files given together', () => {
    const failed = lines[2].findings!.filter((f) => f.status === 'fail').map((f) => f.check);
    expect(failed).toContain('C04');
    expect(failed).toContain('C09');
    const c21 = lines[2].findings!.find((f) => f.check === 'C21');
    expect(c21?.evidence).toContain('2020');
    const ids = new Set(lines[0].findings!.map((f) => f.check));
    for (const id of ['C01', 'C04', 'C12', 'C13', 'C14', 'C15']) expect(ids.has(id)).toBe(true);
  });
});

test('every line stays whole when the reader is slower than the parser (a full pipe)', () => {
  const files = Array.from({ length: 8 }, () => fs.readdirSync('data/reports').map((f) => `data/reports/${f}`)).flat();
  // 40 reports ≈ 400 KB of JSON: more than a pipe holds while `sleep` keeps the reader away
  const out = execFileSync('bash', ['-c', `${JSON.stringify(process.execPath)} --import tsx scripts/parse-cli.ts "$@" | (sleep 1; cat)`, 'parse', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const lines = out.trim().split('\n');
  expect(lines).toHaveLength(40);
  for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
}, 60_000);
