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
