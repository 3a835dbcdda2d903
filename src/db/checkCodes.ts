/**
 * Every report's check results as one short string in reports.checks: one
 * character per check of the catalogue, in id order (C01 first):
 *   .  not applicable to this report's template or year
 *   p  pass
 *   n  not assessable (an operand is missing)
 *   E / W / I  fail, with severity error / warning / info
 * 28 bytes a report instead of 28 rows: the dashboard's matrix and pass rates
 * come from it; the evidence of every finding is in the detail files.
 */
import type { Finding, FindingStatus, Severity } from '../parse/types';
import { CHECKS } from './checkCatalogue';

const FAIL: Record<Severity, string> = { error: 'E', warning: 'W', info: 'I' };
const SEVERITY: Record<string, Severity> = { E: 'error', W: 'warning', I: 'info' };

export function encodeChecks(findings: readonly Finding[]): string {
  const by = new Map(findings.map((f) => [f.check, f]));
  return CHECKS.map((c) => {
    const f = by.get(c.id);
    if (!f) return '.';
    return f.status === 'pass' ? 'p' : f.status === 'na' ? 'n' : FAIL[f.severity];
  }).join('');
}

export interface CheckCode {
  check: string;
  status: FindingStatus | null;
  severity: Severity | null;
}

export function decodeChecks(code: string): CheckCode[] {
  return CHECKS.map((c, i) => {
    const ch = code[i] ?? '.';
    if (ch === 'p') return { check: c.id, status: 'pass', severity: null };
    if (ch === 'n') return { check: c.id, status: 'na', severity: null };
    if (ch in SEVERITY) return { check: c.id, status: 'fail', severity: SEVERITY[ch] };
    return { check: c.id, status: null, severity: null };
  });
}

/** 1-based position of a check in reports.checks, for SQL `substr(checks, i, 1)`. */
export function checkPosition(id: string): number {
  const i = CHECKS.findIndex((c) => c.id === id);
  if (i < 0) throw new Error(`未知检查项：${id}`);
  return i + 1;
}
