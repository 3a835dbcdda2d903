import { describe, expect, test } from 'vitest';
import { runReportChecks } from '../../src/checks/index';
import { readLevel } from '../../src/checks/organLevel';
import { buildReport, get } from './fixtures';

const c28 = (published: string | null, level: string | null, organ?: string, year = 2021) =>
  get(runReportChecks(buildReport({ year, organ }), { manifest: { file: 'x.txt', published }, level }), 'C28');

describe('C28 published on time', () => {
  test('C28 passes for a county department publishing on 2022-01-30 for 2021', () => {
    expect(c28('2022-01-30', '县级部门')).toMatchObject({
      status: 'pass',
      evidence: '发布于 2022-01-30，县级以上政府部门（层级“县级部门”）时限为 2022-01-31，按时',
    });
  });
  test('C28 fails for a city department publishing on 2022-02-15, passes for a county government on 2022-03-31', () => {
    expect(c28('2022-02-15', '市级部门')).toMatchObject({ status: 'fail', severity: 'warning' });
    expect(c28('2022-03-31T10:00:00+08:00', '县级政府')).toMatchObject({ status: 'pass' });
    expect(c28('2022-04-01', '县级政府').evidence).toBe('发布于 2022-04-01，县级以上人民政府（层级“县级政府”）时限为 2022-03-31，逾期');
  });
  test('C28 infers the level from the organ name when none is given', () => {
    expect(c28('2022-02-10', null, '法库县自然资源局')).toMatchObject({ status: 'fail' });
    expect(c28('2022-02-10', null, '法库县自然资源局').evidence).toContain('按机关名称推断');
    expect(readLevel(null, '绥滨县人民政府')?.kind).toBe('government');
  });
  test('C28 is na without a publication date, and for townships (local deadlines)', () => {
    expect(c28(null, '县级部门')).toMatchObject({ status: 'na', evidence: '缺发布日期，无法判断是否按时发布' });
    expect(c28('2022-05-01', '乡镇')).toMatchObject({ status: 'na', evidence: '发布于 2022-05-01；乡镇按地方规定时限' });
    expect(c28('2022-05-01', null, '绥滨县连生乡人民政府').status).toBe('na');
  });
});
