/**
 * Every report's check results as one short string in reports.checks: one
 * character per check, at the position its number gives (C01 first, C12 the
 * twelfth):
 *   .  not applicable to this report's template or year (or no check has that number)
 *   p  pass
 *   n  not assessable (an operand is missing)
 *   E / W / I  fail, with severity error / warning / info
 * 28 bytes a report instead of 28 rows: the dashboard's matrix and pass rates
 * come from it; the evidence of every finding is in the detail files.
 *
 * The position comes from the id, never from a list, so stored strings stay
 * valid as checks are added: a new check takes the next number and appends a
 * character, and no check is renumbered (tests/unit/checkCodes.test.ts pins the
 * stored order). The format only: the build writes with the order of
 * src/checks (checkCatalogue.ts), the site reads with the ids of the database's
 * checks table, so no check's rule is bundled into the site.
 */
import type { Finding, FindingStatus, Severity } from '../parse/types';

const FAIL: Record<Severity, string> = { error: 'E', warning: 'W', info: 'I' };
const SEVERITY: Record<string, Severity> = { E: 'error', W: 'warning', I: 'info' };

/** 1-based position of a check in reports.checks (its number: C12 → 12), for SQL `substr(checks, i, 1)`. */
export function checkPosition(id: string): number {
  const m = /^C(\d+)$/.exec(id);
  if (!m) throw new Error(`检查项编号应为 C 加数字：${id}`);
  return Number(m[1]);
}

/** The check id at each position; null where no check has that number. */
export function codeOrderOf(ids: readonly string[]): (string | null)[] {
  const order: (string | null)[] = Array.from({ length: Math.max(0, ...ids.map(checkPosition)) }, () => null);
  for (const id of ids) order[checkPosition(id) - 1] = id;
  return order;
}

/** A report's findings as its string, one character for each position of `order` (codeOrderOf). */
export function encodeChecks(findings: readonly Finding[], order: readonly (string | null)[]): string {
  const by = new Map(findings.map((f) => [f.check, f]));
  return order
    .map((id) => {
      const f = id === null ? undefined : by.get(id);
      if (!f) return '.';
      return f.status === 'pass' ? 'p' : f.status === 'na' ? 'n' : FAIL[f.severity];
    })
    .join('');
}

export interface CheckCode {
  check: string;
  status: FindingStatus | null;
  severity: Severity | null;
}

/** The result of each of `ids` in a stored string ('.' or beyond its end: status null). */
export function decodeChecks(code: string, ids: readonly string[]): CheckCode[] {
  return ids.map((check) => {
    const ch = code[checkPosition(check) - 1] ?? '.';
    if (ch === 'p') return { check, status: 'pass', severity: null };
    if (ch === 'n') return { check, status: 'na', severity: null };
    if (ch in SEVERITY) return { check, status: 'fail', severity: SEVERITY[ch] };
    return { check, status: null, severity: null };
  });
}
