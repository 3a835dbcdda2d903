/** C24: a key figure changed more than ×5 or less than ÷5 from last year. */
import type { FactKey } from '../../parse/factKeys';
import { defineCheck } from '../defineCheck';
import { type FindingPart, fmt, fold, num } from '../finding';

/** The figures followed from year to year. */
export const KEY_FIGURES: readonly { key: FactKey; label: string }[] = [
  { key: 's3.new.total', label: '新收申请' },
  { key: 's3.total.total', label: '办理结果总计' },
  { key: 's2.licensing.decisions', label: '行政许可处理决定' },
  { key: 's2.punishment.decisions', label: '行政处罚处理决定' },
  { key: 's2.enforcement.decisions', label: '行政强制处理决定' },
  { key: 's4.review.total', label: '行政复议' },
  { key: 's1.proactive_total', label: '主动公开信息总数' },
];

export const JUMP_FACTOR = 5;

const oneDecimal = (x: number) => fmt(Math.round(x * 10) / 10);

export default defineCheck({
  id: 'C24',
  group: 'C',
  title: '关键数字较上年变化超过5倍',
  severity: 'info',
  scope: 'crossYear',
  against: 'yearBefore',
  run(report, last) {
    const parts: FindingPart[] = [];
    for (const { key, label } of KEY_FIGURES) {
      const a = num(last, key);
      const b = num(report, key);
      if (a === null || b === null) continue;
      if (a === 0 || b === 0) {
        if (a !== b) parts.push({ label, status: 'na', evidence: `${label}：上年 ${fmt(a)}，本年 ${fmt(b)}，含 0 无法计算倍数`, keys: [key] });
        else parts.push({ label, status: 'pass', evidence: `${label}：两年均为 0`, keys: [key] });
        continue;
      }
      const ratio = b / a;
      const jump = ratio > JUMP_FACTOR || ratio < 1 / JUMP_FACTOR;
      const times = ratio >= 1 ? `增至 ${oneDecimal(ratio)} 倍` : `降至 1/${oneDecimal(1 / ratio)}`;
      parts.push({ label, status: jump ? 'fail' : 'pass', evidence: `${label}：上年 ${fmt(a)} → 本年 ${fmt(b)}，${times}`, keys: [key] });
    }
    return fold(parts, 'lenient', (p) => `${p.length} 项关键数字变化均在 5 倍以内`, '两年没有共同的关键数字');
  },
});
