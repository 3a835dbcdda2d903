/**
 * The checks on the five seed reports as the parser reads them, against their
 * hand-checked truth (`violations`). Skipped when the shared corpus is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCollectionChecks, runReportChecks } from '../../src/checks/index';
import { parseReport } from '../../src/parse/index';
import type { ManifestRow } from '../../src/parse/types';
import { get } from './fixtures';

const DIR = '/work/shared/corpus/seeds';
const present = fs.existsSync(DIR);

interface Truth {
  file: string;
  organ: string;
  year: number;
  province: string | null;
  city: string | null;
  county: string | null;
  violations?: string[];
}

function seeds() {
  return fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const truth = JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as Truth;
      const text = fs.readFileSync(path.join(DIR, truth.file), 'utf8');
      const manifest: ManifestRow = { file: truth.file, province: truth.province, city: truth.city, county: truth.county };
      const report = parseReport(text, { file: truth.file, manifest });
      return { truth, text, manifest, report, findings: runReportChecks(report, { manifest, text }) };
    });
}

const ARITH = ['C12', 'C13', 'C14', 'C15'];

describe.skipIf(!present)('seed reports', () => {
  const all = present ? seeds() : [];

  test('seed 002 (连生乡 2021) fails C04 (table 三 stops after 无法提供 1) and C09 (section 六 says only 无)', () => {
    const s = all.find((x) => x.truth.file.startsWith('002'))!;
    expect(s.truth.violations).toEqual(['C04', 'C09']);
    const c04 = get(s.findings, 'C04');
    expect(c04.status).toBe('fail');
    expect(c04.evidence).toContain('缺 12 行');
    expect(get(s.findings, 'C09')).toMatchObject({ status: 'fail', evidence: '第六部分写作“无。”，未说明是否收取信息处理费' });
  });

  test('every seed fails each check its truth lists', () => {
    for (const s of all) {
      for (const id of s.truth.violations ?? []) expect(get(s.findings, id).status, `${s.truth.file} ${id}`).toBe('fail');
    }
  });

  test('no seed fails an arithmetic check (C12–C15) its truth does not list', () => {
    for (const s of all) {
      const extra = s.findings.filter((f) => ARITH.includes(f.check) && f.status === 'fail' && !(s.truth.violations ?? []).includes(f.check));
      expect(extra.map((f) => `${s.truth.file} ${f.check}: ${f.evidence}`)).toEqual([]);
    }
  });

  test('seed 002 quotes its 未收到依申请 line exactly when given the text (C27)', () => {
    const s = all.find((x) => x.truth.file.startsWith('002'))!;
    const line = s.text.split(/\r?\n/).findIndex((l) => l.includes('未收到依申请公开事项')) + 1;
    expect(get(s.findings, 'C27')).toMatchObject({ status: 'pass' });
    expect(get(s.findings, 'C27').evidence).toContain(`第一部分第 ${line} 行称“未收到依申请`);
  });

  test('连生乡 2020 (000) and 绥滨县连生乡人民政府 2021 (002) are compared as one organ', () => {
    const items = all.map((s) => ({ id: s.truth.file, report: s.report, manifest: s.manifest }));
    const out = runCollectionChecks(items);
    const f002 = out.get(all.find((x) => x.truth.file.startsWith('002'))!.truth.file)!;
    expect(get(f002, 'C21').status).toBe('fail');
    expect(get(f002, 'C21').evidence).toMatch(/^与 2020 年报告（连生乡，按机关名称\+所属县区匹配）比较/);
    expect(get(f002, 'C18').status).toBe('pass');
  });
});
