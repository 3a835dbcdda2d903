/**
 * The checks of CHECKS.md as the site and the database label them. The ids are
 * stable: the database, the site and the tests all use them.
 */
export interface CheckInfo {
  id: string;
  group: 'A' | 'B' | 'C' | 'D' | 'E';
  groupLabel: string;
  title: string;
  /** the usual severity; C01 and C02 vary by case (the finding carries its own) */
  severity: 'error' | 'warning' | 'info';
  scope: 'report' | 'collection';
}

const A = '结构与模板';
const B = '报告内部勾稽';
const C = '跨年度比对';
const D = '文字与表格一致';
const E = '外部数据';

export const CHECKS: readonly CheckInfo[] = [
  { id: 'C01', group: 'A', groupLabel: A, title: '六个部分齐全且顺序正确', severity: 'error', scope: 'report' },
  { id: 'C02', group: 'A', groupLabel: A, title: '模板与年度相符', severity: 'error', scope: 'report' },
  { id: 'C03', group: 'A', groupLabel: A, title: '2021年后报告不含旧模板栏目', severity: 'error', scope: 'report' },
  { id: 'C04', group: 'A', groupLabel: A, title: '表三完整', severity: 'error', scope: 'report' },
  { id: 'C05', group: 'A', groupLabel: A, title: '表四完整（15项）', severity: 'error', scope: 'report' },
  { id: 'C06', group: 'A', groupLabel: A, title: '表二完整', severity: 'error', scope: 'report' },
  { id: 'C07', group: 'A', groupLabel: A, title: '总体情况涵盖五方面', severity: 'warning', scope: 'report' },
  { id: 'C08', group: 'A', groupLabel: A, title: '存在问题及改进情况有实质内容', severity: 'warning', scope: 'report' },
  { id: 'C09', group: 'A', groupLabel: A, title: '说明是否收取信息处理费', severity: 'warning', scope: 'report' },
  { id: 'C10', group: 'A', groupLabel: A, title: '采购金额注明单位', severity: 'warning', scope: 'report' },
  { id: 'C11', group: 'A', groupLabel: A, title: '收费金额疑似以元填入万元栏', severity: 'info', scope: 'collection' },
  { id: 'C12', group: 'B', groupLabel: B, title: '新收+上年结转=总计+结转下年度', severity: 'error', scope: 'report' },
  { id: 'C13', group: 'B', groupLabel: B, title: '各行总计=六类申请人之和', severity: 'error', scope: 'report' },
  { id: 'C14', group: 'B', groupLabel: B, title: '办理结果总计=各项之和', severity: 'error', scope: 'report' },
  { id: 'C15', group: 'B', groupLabel: B, title: '复议诉讼总计=各结果之和', severity: 'error', scope: 'report' },
  { id: 'C16', group: 'B', groupLabel: B, title: '数量为非负整数', severity: 'error', scope: 'report' },
  { id: 'C17', group: 'B', groupLabel: B, title: '隐含上下限', severity: 'warning', scope: 'report' },
  { id: 'C18', group: 'C', groupLabel: C, title: '上年结转=上年报告结转下年度', severity: 'warning', scope: 'collection' },
  { id: 'C19', group: 'C', groupLabel: C, title: '现行有效件数逐年衔接', severity: 'warning', scope: 'collection' },
  { id: 'C20', group: 'C', groupLabel: C, title: '上一年项目数量逐年衔接', severity: 'warning', scope: 'collection' },
  { id: 'C21', group: 'C', groupLabel: C, title: '模板变更，存量数据不可比', severity: 'info', scope: 'collection' },
  { id: 'C22', group: 'C', groupLabel: C, title: '文字与上年报告雷同', severity: 'warning', scope: 'collection' },
  { id: 'C23', group: 'C', groupLabel: C, title: '文字与同年其他机关雷同', severity: 'info', scope: 'collection' },
  { id: 'C24', group: 'C', groupLabel: C, title: '关键数字较上年变化超过5倍', severity: 'info', scope: 'collection' },
  { id: 'C25', group: 'D', groupLabel: D, title: '总体情况所述数字与表格一致', severity: 'warning', scope: 'report' },
  { id: 'C26', group: 'D', groupLabel: D, title: '称未收费但有逾期未缴费处理', severity: 'warning', scope: 'report' },
  { id: 'C27', group: 'D', groupLabel: D, title: '“未收到申请”与表格一致', severity: 'warning', scope: 'report' },
  { id: 'C28', group: 'E', groupLabel: E, title: '按时发布', severity: 'warning', scope: 'report' },
];

export const CHECK_INFO: ReadonlyMap<string, CheckInfo> = new Map(CHECKS.map((c) => [c.id, c]));
