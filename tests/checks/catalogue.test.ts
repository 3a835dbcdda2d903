/**
 * The catalogue derives from the checks' own definitions: which checks exist,
 * their severity, where each runs and which reports it applies to.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CATALOGUE, runCollectionChecks, runReportChecks } from '../../src/checks/index';
import type { CheckDefinition } from '../../src/checks/index';
import { CHECKS } from '../../src/db/checkCatalogue';
import { buildReport, type BuildOptions } from './fixtures';

const RULES = path.resolve(__dirname, '../../src/checks/rules');
const ids = (fs: readonly { check: string }[]) => fs.map((f) => f.check);
const CHECK_INFO = new Map(CHECKS.map((c) => [c.id, c]));

describe('each check is defined once', () => {
  test('the 28 rule files define C01 … C28, each one check, all in the catalogue', async () => {
    const files = fs.readdirSync(RULES).filter((f) => f.endsWith('.ts'));
    const defined: string[] = [];
    for (const f of files) defined.push(((await import(path.join(RULES, f))) as { default: CheckDefinition }).default.id);
    expect(files).toHaveLength(28);
    expect([...defined].sort()).toEqual(Array.from({ length: 28 }, (_, i) => `C${String(i + 1).padStart(2, '0')}`));
    expect(CATALOGUE.map((c) => c.id)).toEqual([...defined].sort());
    expect(CHECKS.map((c) => c.id)).toEqual([...defined].sort());
  });

  test('the checks table takes title, group and severity from the definition: C11 is 收费金额疑似以元填入万元栏, info, needs other reports', () => {
    expect(CHECK_INFO.get('C11')).toEqual({ id: 'C11', group: 'A', groupLabel: '结构与模板', title: '收费金额疑似以元填入万元栏', severity: 'info', scope: 'collection' });
    expect(CHECK_INFO.get('C12')).toMatchObject({ group: 'B', groupLabel: '报告内部勾稽', severity: 'error', scope: 'report' });
    expect(CHECK_INFO.get('C18')).toMatchObject({ group: 'C', severity: 'warning', scope: 'collection' });
    expect(CHECK_INFO.get('C28')).toMatchObject({ group: 'E', groupLabel: '外部数据', severity: 'warning', scope: 'report' });
  });
});

const REPORTS: BuildOptions[] = [
  { template: '2021', year: 2022 },
  { template: '2019', year: 2020, facts: { 's3.new.total': 99, 's4.review.total': 'blank' } },
  { template: '2019', year: 2022, sections: [1, 2, 3, 4, 5] },
  { template: '2021', year: 2019, facts: { 's2.fees.amount': 250000 } },
  { template: null, year: 2021 },
  { template: null, year: 2017 },
];

describe('a finding carries the severity its check declares', () => {
  test('every finding but C01 and C02 has its check’s severity, on six reports alone and together', () => {
    const reports = REPORTS.map((o) => buildReport(o));
    const together = runCollectionChecks(reports.map((report, i) => ({ id: String(i), report })));
    const all = reports.flatMap((r, i) => [...runReportChecks(r), ...together.get(String(i))!]);
    expect(all.length).toBeGreaterThan(100);
    const off = all.filter((f) => f.severity !== CHECK_INFO.get(f.check)!.severity).map((f) => `${f.check} ${f.severity}`);
    expect([...new Set(off)].sort()).toEqual(['C01 warning', 'C02 info']);
  });
});

describe('scope and appliesTo decide which checks a report gets', () => {
  test('a 2022 report on the 2021 template: report checks C01–C09, C11, C12–C17, C25–C28; with others C11, C18, C19, C21–C24', () => {
    const r = buildReport({ template: '2021', year: 2022 });
    expect(ids(runReportChecks(r))).toEqual(['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08', 'C09', 'C11', 'C12', 'C13', 'C14', 'C15', 'C16', 'C17', 'C25', 'C26', 'C27', 'C28']);
    expect(ids(runCollectionChecks([{ id: 'a', report: r }]).get('a')!)).toEqual(['C11', 'C18', 'C19', 'C21', 'C22', 'C23', 'C24']);
  });

  test('a 2020 report on the 2019 template has no C03, C09 (from 2021), C11, C26, C19 (2021 template); it gets C10 and C20', () => {
    const r = buildReport({ template: '2019', year: 2020 });
    expect(ids(runReportChecks(r))).toEqual(['C01', 'C02', 'C04', 'C05', 'C06', 'C07', 'C08', 'C10', 'C12', 'C13', 'C14', 'C15', 'C16', 'C17', 'C25', 'C27', 'C28']);
    expect(ids(runCollectionChecks([{ id: 'a', report: r }]).get('a')!)).toEqual(['C18', 'C20', 'C21', 'C22', 'C23', 'C24']);
  });

  test('a 2017 report without template tables has no C02 (from 2019), C03, C09, C19, C20; C10, C11 and C26 are na (无模板表格)', () => {
    const r = buildReport({ template: null, year: 2017 });
    const own = runReportChecks(r);
    expect(ids(own)).toEqual(['C01', 'C04', 'C05', 'C06', 'C07', 'C08', 'C10', 'C11', 'C12', 'C13', 'C14', 'C15', 'C16', 'C17', 'C25', 'C26', 'C27', 'C28']);
    for (const id of ['C10', 'C11', 'C26']) expect(own.find((f) => f.check === id)).toMatchObject({ status: 'na', evidence: '无模板表格' });
    expect(ids(runCollectionChecks([{ id: 'a', report: r }]).get('a')!)).toEqual(['C11', 'C18', 'C21', 'C22', 'C23', 'C24']);
  });
});
