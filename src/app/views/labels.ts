/** How the views word check results, severities and coverage (the CSVs say the same). */
import { fmt, pct } from '../charts/format';

export const SEVERITY_TEXT: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

/** 通过 / 不通过·错误 / 不通过·警告 / 不通过·提示 / 无法判断 / 不适用 */
export function resultText(status: string | null | undefined, severity?: string | null): string {
  if (status === 'pass') return '通过';
  if (status === 'na') return '无法判断';
  if (status === 'fail') return `不通过·${SEVERITY_TEXT[severity ?? ''] ?? '错误'}`;
  return '不适用';
}

/** 可判断的检查：17/24 */
export const coverageText = (assessed: number, unassessed: number) => `${fmt(assessed)}/${fmt(assessed + unassessed)}`;

/** 94%（16/17）: the pass rate with the checks it rests on; — when none could be judged. */
export const passRateText = (passed: number, assessed: number) => (assessed > 0 ? `${pct(passed / assessed)}（${fmt(passed)}/${fmt(assessed)}）` : '—');

/** How a figure was read (Cell.read, cell_sources.read): the source panels of 报告详情 and 自查. */
export const READ_TEXT: Record<string, string> = {
  printed: '单独印在一个单元格中，原样读取',
  split: '原文数字连在一起（如“7777166”），按本行各列与表内合计唯一可能的拆分读取',
  ordered: '行名与数字分离，按模板行序放入本行，并经表内合计核对',
};

/** The same, as a CSV column says it. */
export const READ_SHORT: Record<string, string> = { printed: '单元格原样', split: '连写数字拆分', ordered: '按模板行序' };

const STATE_TEXT: Record<string, string> = {
  number: '数字',
  blank: '空白（不按 0 计）',
  dash: '横线或“无”（不按 0 计）',
  text: '文字（不是数字）',
  missing: '缺失（原文中未找到此行）',
};

/** A run of figures printed together that splits more than one way: stored as text, never guessed. */
export const isUndecided = (state: string, raw: string) => state === 'text' && /^[\d\s.]+$/.test(raw);

/** A cell's state as the source panel and the CSVs say it. */
export function cellStateText(state: string, raw: string): string {
  if (isUndecided(state, raw)) return '无法确定：原文数字连写，按本行与表内合计仍有不止一种拆法，不作猜测';
  return STATE_TEXT[state] ?? state;
}
