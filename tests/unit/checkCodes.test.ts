import { describe, expect, test } from 'vitest';
import { CHECKS, CODE_ORDER } from '../../src/db/checkCatalogue';
import { checkPosition, codeOrderOf, decodeChecks, encodeChecks } from '../../src/db/checkCodes';
import type { Finding } from '../../src/parse/types';

const f = (check: string, status: Finding['status'], severity: Finding['severity']): Finding => ({ check, status, severity, evidence: '', keys: [] });

/**
 * reports.checks as every database built so far stores it: the check at each
 * position and what it tests. A new check appends; none moves or changes meaning.
 */
const STORED: readonly [string, string][] = [
  ['C01', '六个部分齐全且顺序正确'],
  ['C02', '模板与年度相符'],
  ['C03', '2021年后报告不含旧模板栏目'],
  ['C04', '表三完整'],
  ['C05', '表四完整（15项）'],
  ['C06', '表二完整'],
  ['C07', '总体情况涵盖五方面'],
  ['C08', '存在问题及改进情况有实质内容'],
  ['C09', '说明是否收取信息处理费'],
  ['C10', '采购金额注明单位'],
  ['C11', '收费金额疑似以元填入万元栏'],
  ['C12', '新收+上年结转=总计+结转下年度'],
  ['C13', '各行总计=六类申请人之和'],
  ['C14', '办理结果总计=各项之和'],
  ['C15', '复议诉讼总计=各结果之和'],
  ['C16', '数量为非负整数'],
  ['C17', '隐含上下限'],
  ['C18', '上年结转=上年报告结转下年度'],
  ['C19', '现行有效件数逐年衔接'],
  ['C20', '上一年项目数量逐年衔接'],
  ['C21', '模板变更，存量数据不可比'],
  ['C22', '文字与上年报告雷同'],
  ['C23', '文字与同年其他机关雷同'],
  ['C24', '关键数字较上年变化超过5倍'],
  ['C25', '总体情况所述数字与表格一致'],
  ['C26', '称未收费但有逾期未缴费处理'],
  ['C27', '“未收到申请”与表格一致'],
  ['C28', '按时发布'],
];

describe('reports.checks: one character per check', () => {
  test('every stored position keeps its check and its meaning; new checks only append', () => {
    expect(CODE_ORDER.slice(0, STORED.length)).toEqual(STORED.map(([id]) => id));
    expect(CHECKS.slice(0, STORED.length).map((c) => [c.id, c.title])).toEqual(STORED);
    expect(checkPosition('C12')).toBe(12);
    expect(checkPosition('C28')).toBe(28);
  });

  test('the position is the check number: a number no check has stays a gap, later ones keep their place', () => {
    expect(codeOrderOf(['C02', 'C01', 'C04'])).toEqual(['C01', 'C02', null, 'C04']);
    expect(decodeChecks('p..E', ['C01', 'C04', 'C05'])).toEqual([
      { check: 'C01', status: 'pass', severity: null },
      { check: 'C04', status: 'fail', severity: 'error' },
      { check: 'C05', status: null, severity: null },
    ]);
    expect(() => checkPosition('12')).toThrow('检查项编号应为 C 加数字：12');
  });

  test('pass, na, fail by severity, and not applicable', () => {
    const code = encodeChecks([f('C01', 'pass', 'warning'), f('C04', 'fail', 'error'), f('C09', 'fail', 'warning'), f('C21', 'fail', 'info'), f('C28', 'na', 'warning')], CODE_ORDER);
    expect(code).toBe('p..E....W...........I......n');
    expect(code).toHaveLength(28);
  });

  test('decoding gives back status and severity per check id', () => {
    const back = decodeChecks('p..E....W...........I......n', CHECKS.map((c) => c.id));
    expect(back).toHaveLength(28);
    expect(back[0]).toEqual({ check: 'C01', status: 'pass', severity: null });
    expect(back[3]).toEqual({ check: 'C04', status: 'fail', severity: 'error' });
    expect(back[20]).toEqual({ check: 'C21', status: 'fail', severity: 'info' });
    expect(back[27]).toEqual({ check: 'C28', status: 'na', severity: null });
    expect(back[1].status).toBeNull();
  });
});
