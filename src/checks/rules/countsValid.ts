/** C16: counts are non-negative integers (本年增/减 may be negative; amounts may have decimals). */
import { defineCheck } from '../defineCheck';
import { type FindingPart, fmt, fold, na, NO_TEMPLATE, num } from '../finding';
import { cellName, templateKeys } from '../tableCells';

function rule(key: string): 'count' | 'delta' | 'amount' {
  if (key.endsWith('.delta')) return 'delta';
  if (key.endsWith('.amount')) return 'amount';
  return 'count';
}

const WANT = { count: '应为非负整数', delta: '应为整数', amount: '不应为负' };

function bad(kind: 'count' | 'delta' | 'amount', v: number): boolean {
  if (kind === 'count') return v < 0 || !Number.isInteger(v);
  return kind === 'delta' ? !Number.isInteger(v) : v < 0;
}

export default defineCheck({
  id: 'C16',
  group: 'B',
  title: '数量为非负整数',
  severity: 'error',
  scope: 'report',
  run(report) {
    if (report.template === null) return na(NO_TEMPLATE);
    const parts: FindingPart[] = [];
    for (const key of templateKeys(report.template)) {
      const v = num(report, key);
      if (v === null) continue;
      const kind = rule(key);
      const label = cellName(key);
      parts.push({ label, status: bad(kind, v) ? 'fail' : 'pass', evidence: `${label} 为 ${fmt(v)}，${WANT[kind]}`, keys: [key] });
    }
    return fold(parts, 'lenient', (p) => `${p.length} 个数均为合法数量`, '表格中没有可读的数字');
  },
});
