/** The template's own arithmetic (CHECKS.md C12–C17) over a generated report's values, for the generator's tests. */
import { expect } from 'vitest';
import { S3_COLS, S4_GROUPS } from '../../src/parse/factKeys';
import { arithmeticValues, type SynthReport } from '../../scripts/synth/index';
import { s3Rows } from '../../scripts/synth/figures';

const ALL_COLS = S3_COLS.map((c) => c.col);
const APPLICANTS = S3_COLS.filter((c) => c.col !== 'total').map((c) => c.col);

/** C12–C17 hold, blank and dash cells as 0 and unprinted cells as the arithmetic has them */
export function expectTemplateArithmetic(r: SynthReport): void {
  const v = arithmeticValues(r);
  const rows = s3Rows(r.template);
  const leaves = rows.filter((x) => x.leaf);
  expect(leaves.length).toBe(r.template === '2019' ? 19 : 21);
  for (const c of ALL_COLS) {
    // C12: 新收 + 上年结转 = （七）总计 + 结转下年度
    expect(v[`s3.new.${c}`] + v[`s3.carried_over.${c}`]).toBe(v[`s3.total.${c}`] + v[`s3.carried_forward.${c}`]);
    // C14: （七）总计 = sum of the leaves
    expect(leaves.reduce((s, x) => s + v[`s3.${x.row}.${c}`], 0)).toBe(v[`s3.total.${c}`]);
    // C17: 结转 ≤ 新收 + 上年结转
    expect(v[`s3.carried_forward.${c}`]).toBeLessThanOrEqual(v[`s3.new.${c}`] + v[`s3.carried_over.${c}`]);
  }
  // C13: every row's 总计 = the six applicant columns
  for (const x of rows) expect(APPLICANTS.reduce((s, c) => s + v[`s3.${x.row}.${c}`], 0)).toBe(v[`s3.${x.row}.total`]);
  // C15: each group of table 四
  for (const g of S4_GROUPS) {
    const p = `s4.${g.group}`;
    expect(v[`${p}.maintained`] + v[`${p}.corrected`] + v[`${p}.other`] + v[`${p}.pending`]).toBe(v[`${p}.total`]);
  }
  if (r.template === '2019') {
    for (const row of ['rules', 'normative']) expect(v[`s2.${row}.total`]).toBeGreaterThanOrEqual(v[`s2.${row}.published`]);
    if (v['s2.procurement.count'] === 0) expect(v['s2.procurement.amount']).toBe(0);
  }
  // C16: counts are non-negative integers, only 本年增/减 may be negative
  for (const [k, x] of Object.entries(v)) {
    if (k.endsWith('.amount')) expect(x).toBeGreaterThanOrEqual(0);
    else if (k.endsWith('.delta')) expect(Number.isInteger(x)).toBe(true);
    else expect(Number.isInteger(x) && x >= 0).toBe(true);
  }
}
