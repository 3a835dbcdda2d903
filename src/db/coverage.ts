/**
 * How much of a report the checks could judge. A check that cannot be assessed
 * (an operand missing) is neither a pass nor a fail, so a report whose tables
 * were not read would otherwise rank as the least problematic: every count the
 * site ranks or bins by comes with how many checks it rests on, and a report
 * some of whose table checks could not be judged is marked 仅部分可判断.
 */
import type { Finding } from '../parse/types';

/** The checks that read the report's own tables 二, 三 and 四 (completeness, arithmetic, bounds). */
export const TABLE_CHECKS: readonly string[] = ['C04', 'C05', 'C06', 'C12', 'C13', 'C14', 'C15', 'C16', 'C17'];

export interface Coverage {
  /** applicable checks judged: passed or failed */
  assessed: number;
  passed: number;
  /** applicable checks that could not be assessed */
  unassessed: number;
  /** 1 when a check of TABLE_CHECKS could not be assessed: the badge 仅部分可判断 */
  partial: 0 | 1;
}

export function coverageOf(findings: readonly Finding[]): Coverage {
  let assessed = 0;
  let passed = 0;
  let unassessed = 0;
  let partial: 0 | 1 = 0;
  for (const f of findings) {
    if (f.status === 'na') {
      unassessed++;
      if (TABLE_CHECKS.includes(f.check)) partial = 1;
    } else {
      assessed++;
      if (f.status === 'pass') passed++;
    }
  }
  return { assessed, passed, unassessed, partial };
}

/** What the badge says, for its title and the CSV. */
export const PARTIAL_LABEL = '仅部分可判断';
export const PARTIAL_NOTE = '报告的表格未能完整读取，部分表格检查（表二、三、四的完整性与勾稽关系）无法判断；通过率只计可判断的检查。';
