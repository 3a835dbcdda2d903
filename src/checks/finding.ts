/**
 * Building blocks shared by every check: reading a cell without ever turning a
 * gap into 0, naming a cell in Chinese, and folding per-row / per-column
 * results into the one verdict a check returns.
 */
import { FACT_KEY_INFO, type FactKey } from '../parse/factKeys';
import type { Cell, Finding, FindingStatus, ParsedReport, Severity } from '../parse/types';

/** One row, column or pair a check looked at. */
export interface FindingPart {
  label: string;
  status: FindingStatus;
  evidence: string;
  keys: string[];
}

/** A Finding (the shared contract) with the sub-results behind it, for the site's detail view. */
export interface CheckFinding extends Finding {
  parts?: FindingPart[];
}

/**
 * What a check's run returns: its finding without the check id, and without a
 * severity unless this case departs from the one the check declares (C01, C02).
 */
export interface Verdict {
  status: FindingStatus;
  evidence: string;
  keys: string[];
  parts?: FindingPart[];
  severity?: Severity;
}

export const pass = (evidence: string, keys: string[] = []): Verdict => ({ status: 'pass', evidence, keys });
export const fail = (evidence: string, keys: string[] = []): Verdict => ({ status: 'fail', evidence, keys });
export const na = (evidence: string, keys: string[] = []): Verdict => ({ status: 'na', evidence, keys });

/** The cell's number, or null when blank, dash, text, missing or absent from the template. */
export function num(report: ParsedReport, key: FactKey): number | null {
  const c: Cell | undefined = report.cells[key];
  return c && c.state === 'number' && typeof c.value === 'number' && Number.isFinite(c.value) ? c.value : null;
}

/** The cell is not in the report at all — not even blank: its row or table is missing. */
export function absent(report: ParsedReport, key: FactKey): boolean {
  const c = report.cells[key];
  return !c || c.state === 'missing';
}

/** The Chinese label of a fact key as the template prints it. */
export function labelOf(key: string): string {
  return FACT_KEY_INFO.get(key)?.label ?? key;
}

const STATE_WORDS: Record<string, string> = {
  blank: '空白',
  dash: '填“—”或“无”',
  text: '为文字',
  missing: '未见',
};

/** `（七）总计 · 总计 空白` — why a cell cannot be used. */
export function whyMissing(report: ParsedReport, key: FactKey): string {
  const c = report.cells[key];
  if (!c) return `${labelOf(key)} 未见`;
  if (c.state === 'number' && c.value === null) return `${labelOf(key)} 无法读取（“${c.raw}”）`;
  const word = STATE_WORDS[c.state] ?? '无法读取';
  return c.state === 'text' && c.raw ? `${labelOf(key)} ${word}（“${c.raw}”）` : `${labelOf(key)} ${word}`;
}

/** Reads several keys at once; `missing` names the unusable ones. */
export function readAll(report: ParsedReport, keys: readonly FactKey[]): { values: number[]; missing: FactKey[] } {
  const values: number[] = [];
  const missing: FactKey[] = [];
  for (const k of keys) {
    const v = num(report, k);
    if (v === null) missing.push(k);
    else values.push(v);
  }
  return { values, missing };
}

export function naPart(report: ParsedReport, label: string, missing: FactKey[], keys: string[]): FindingPart {
  const shown = missing.slice(0, 3).map((k) => whyMissing(report, k));
  const more = missing.length > 3 ? `等 ${missing.length} 格` : '';
  const prefix = shown[0]?.startsWith(label) ? '' : `${label}：`;
  return { label, status: 'na', evidence: `${prefix}${shown.join('、')}${more}，无法核对`, keys };
}

/** Rounds away floating noise in sums of amounts (万元 with decimals). */
export function fmt(n: number): string {
  return String(Math.round(n * 10000) / 10000);
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export function same(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6;
}

/**
 * How parts fold into one status.
 * strict: the rule holds only if every part could be checked (C12–C15, C18–C20) —
 *   any unreadable part makes the whole finding na unless another part fails.
 * lenient: independent observations (C16, C17, C24, C25) — pass when at least one
 *   part passed and none failed.
 */
export type Fold = 'strict' | 'lenient';

/** The parts' keys, each once, in the order they first appear. */
function uniqueKeys(parts: readonly FindingPart[]): string[] {
  const seen = new Set<string>();
  for (const p of parts) for (const k of p.keys) seen.add(k);
  return [...seen];
}

export function fold(
  parts: FindingPart[],
  mode: Fold,
  passSummary: (passed: FindingPart[]) => string,
  emptyEvidence = '无可核对的数据',
): Verdict {
  const failed: FindingPart[] = [];
  const unassessable: FindingPart[] = [];
  const passed: FindingPart[] = [];
  for (const p of parts) (p.status === 'fail' ? failed : p.status === 'na' ? unassessable : passed).push(p);
  const keys = uniqueKeys(parts);
  const list = (ps: FindingPart[]) =>
    ps.slice(0, 3).map((p) => p.evidence).join('；') + (ps.length > 3 ? `；另有 ${ps.length - 3} 处` : '');
  if (failed.length) {
    return { status: 'fail', evidence: list(failed), keys: uniqueKeys(failed), parts };
  }
  if (passed.length === 0) {
    return { status: 'na', evidence: unassessable.length ? list(unassessable) : emptyEvidence, keys, parts };
  }
  if (unassessable.length && mode === 'strict') {
    return { status: 'na', evidence: `${passed.length} 处相符；${list(unassessable)}`, keys, parts };
  }
  const tail = unassessable.length ? `；${unassessable.length} 处无法核对` : '';
  return { status: 'pass', evidence: passSummary(passed) + tail, keys, parts };
}

/** Evidence for table checks on a report without template tables. */
export const NO_TEMPLATE = '无模板表格';
