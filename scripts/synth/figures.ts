/**
 * The numbers of one synthetic report, consistent with the template's own
 * arithmetic (CHECKS.md C12–C15, C17): every row of table 三 sums to its 总计,
 * （七）总计 is the sum of the leaves, 新收 + 上年结转 = 总计 + 结转下年度 per column,
 * each group of table 四 sums to its 总计, 对外公开总数量 ≥ 本年新公开数量 and a
 * procurement count of 0 comes with an amount of 0.
 *
 * A cell printed blank or as a dash counts as 0 in that arithmetic; its truth is
 * null. Only cells whose value is 0 are ever printed blank or as a dash, so the
 * arithmetic holds whichever way a reader takes them.
 */
import { S2_ROWS_2019, S2_ROWS_2021, S3_COLS, S3_ROWS, S4_COLS, S4_GROUPS, type Template } from '../../src/parse/factKeys';
import type { Rng } from './prng';

export type Mark = 'number' | 'blank' | 'dash';

export type AmountUnit = '万元' | '元' | null;

export interface Amount {
  /** the number as printed, without unit or separators: "190", "12.3456", "251000" */
  digits: string;
  /** unit printed after the number in the cell */
  cellUnit: AmountUnit;
  /** the column header states 万元 (单位：万元…) */
  headerUnit: boolean;
  /** the truth: normalised to 万元 (元 ÷ 10000), or the number as printed when no unit is stated */
  value: number;
}

export interface Figures {
  template: Template;
  /** arithmetic values: a blank or dash cell holds 0 here */
  values: Record<string, number>;
  marks: Record<string, Mark>;
  /** s2.procurement.amount (2019) and s2.fees.amount (2021) */
  amounts: Record<string, Amount>;
  proactive: { value: number; approximate: boolean };
}

export interface FigureOptions {
  template: Template;
  /** share of free cells that are 0 */
  zeroShare: number;
  /** share of zero cells printed blank (needs a layout that can show an empty cell) */
  blankShare: number;
  /** share of zero cells printed as a dash (—, /, -) */
  dashShare: number;
  /** share of 'small' figures drawn at the next scale up (more multi-digit cells); none when absent */
  multiDigit?: number;
}

export const S3_APPLICANT_COLS = S3_COLS.filter((c) => c.col !== 'total').map((c) => c.col);

export function s3Rows(template: Template) {
  return S3_ROWS.filter((r) => r.templates.includes(template));
}

export function s2Rows(template: Template) {
  return template === '2019' ? S2_ROWS_2019 : S2_ROWS_2021;
}

/** a positive count of 1 to 4 digits, skewed small like real tables */
function count(rng: Rng, scale: 'small' | 'medium' | 'large'): number {
  const r = rng.next();
  if (scale === 'small') return r < 0.55 ? rng.int(1, 9) : r < 0.9 ? rng.int(10, 99) : r < 0.99 ? rng.int(100, 999) : rng.int(1000, 2500);
  if (scale === 'medium') return r < 0.3 ? rng.int(1, 9) : r < 0.7 ? rng.int(10, 99) : r < 0.93 ? rng.int(100, 999) : rng.int(1000, 9999);
  return r < 0.2 ? rng.int(1, 99) : r < 0.6 ? rng.int(100, 999) : r < 0.9 ? rng.int(1000, 9999) : rng.int(10000, 99999);
}

function maybe(rng: Rng, zeroShare: number, v: () => number): number {
  return rng.chance(zeroShare) ? 0 : v();
}

/** a decimal amount as printed, with 0 to 4 decimals */
function decimal(rng: Rng, intPart: number): string {
  const places = rng.weighted([[0, 2], [1, 2], [2, 3], [4, 1]] as const);
  if (places === 0) return String(intPart);
  let frac = '';
  for (let i = 0; i < places; i++) frac += String(rng.int(0, 9));
  if (frac.endsWith('0')) frac = frac.slice(0, -1) + String(rng.int(1, 9));
  return `${intPart}.${frac}`;
}

/** exact decimal division by 10 000 of a printed decimal, as a number */
export function yuanToWan(digits: string): number {
  const [i, f = ''] = digits.split('.');
  const all = (i + f).replace(/^0+(?=\d)/, '');
  const scale = f.length + 4;
  const padded = all.padStart(scale + 1, '0');
  return Number(`${padded.slice(0, -scale)}.${padded.slice(-scale)}`);
}

function procurementAmount(rng: Rng, n: number): Amount {
  const style = rng.weighted([['wan-cell', 3], ['yuan-cell', 2], ['wan-header', 2], ['none', 2]] as const);
  if (n === 0) {
    const headerUnit = style === 'wan-header';
    return { digits: '0', cellUnit: headerUnit ? null : rng.chance(0.3) ? '万元' : null, headerUnit, value: 0 };
  }
  if (style === 'yuan-cell') {
    const yuan = rng.chance(0.5) ? String(rng.int(1, 900) * 1000 + rng.int(0, 1) * rng.int(1, 999)) : decimal(rng, rng.int(1000, 9_999_999));
    return { digits: yuan, cellUnit: '元', headerUnit: false, value: yuanToWan(yuan) };
  }
  const digits = decimal(rng, count(rng, 'medium'));
  return { digits, cellUnit: style === 'wan-cell' ? '万元' : null, headerUnit: style === 'wan-header', value: Number(digits) };
}

export function generateFigures(rng: Rng, opts: FigureOptions): Figures {
  const { template, zeroShare } = opts;
  const values: Record<string, number> = {};
  const amounts: Record<string, Amount> = {};
  const { multiDigit } = opts;
  const up = (scale: 'small' | 'medium' | 'large') => (multiDigit !== undefined && scale === 'small' && rng.chance(multiDigit) ? 'medium' : scale);
  const z = (scale: 'small' | 'medium' | 'large') => maybe(rng, zeroShare, () => count(rng, up(scale)));

  // Table 二
  if (template === '2019') {
    for (const row of ['rules', 'normative']) {
      const made = z('small');
      const published = rng.chance(0.7) ? made : z('small');
      values[`s2.${row}.new`] = made;
      values[`s2.${row}.published`] = published;
      values[`s2.${row}.total`] = published + z('medium');
    }
    for (const row of ['licensing', 'other_services', 'punishment', 'enforcement', 'fees']) {
      const prev = z('medium');
      let delta = z('small');
      if (delta !== 0 && rng.chance(0.45)) delta = -Math.min(delta, Math.max(prev, 1));
      values[`s2.${row}.prev`] = prev;
      values[`s2.${row}.delta`] = delta;
      if (row !== 'fees') values[`s2.${row}.decisions`] = z('large');
    }
    const n = z('small');
    values['s2.procurement.count'] = n;
    amounts['s2.procurement.amount'] = procurementAmount(rng, n);
    values['s2.procurement.amount'] = amounts['s2.procurement.amount'].value;
  } else {
    for (const row of ['rules', 'normative']) {
      const issued = z('small');
      const repealed = z('small');
      values[`s2.${row}.issued`] = issued;
      values[`s2.${row}.repealed`] = repealed;
      values[`s2.${row}.in_force`] = issued + z('medium');
    }
    for (const row of ['licensing', 'punishment', 'enforcement']) values[`s2.${row}.decisions`] = z('large');
    const fee = rng.chance(zeroShare) ? '0' : decimal(rng, rng.chance(0.3) ? 0 : count(rng, 'small'));
    amounts['s2.fees.amount'] = { digits: fee === '0.0' ? '0' : fee, cellUnit: null, headerUnit: true, value: Number(fee) };
    values['s2.fees.amount'] = Number(fee);
  }

  // Table 三: leaves per applicant column, then totals, then carry-overs.
  const rows = s3Rows(template);
  const leaves = rows.filter((r) => r.leaf);
  for (const c of S3_APPLICANT_COLS) {
    let sum = 0;
    for (const r of leaves) {
      const v = z('small');
      values[`s3.${r.row}.${c}`] = v;
      sum += v;
    }
    values[`s3.total.${c}`] = sum;
    const forward = rng.chance(0.5) ? 0 : z('small');
    const carried = rng.int(0, Math.min(sum + forward, rng.chance(0.5) ? 0 : 60));
    values[`s3.carried_forward.${c}`] = forward;
    values[`s3.carried_over.${c}`] = carried;
    values[`s3.new.${c}`] = sum + forward - carried;
  }
  for (const r of rows) {
    let t = 0;
    for (const c of S3_APPLICANT_COLS) t += values[`s3.${r.row}.${c}`];
    values[`s3.${r.row}.total`] = t;
  }

  // Table 四
  for (const g of S4_GROUPS) {
    let t = 0;
    for (const c of S4_COLS) {
      if (c.col === 'total') continue;
      const v = z('small');
      values[`s4.${g.group}.${c.col}`] = v;
      t += v;
    }
    values[`s4.${g.group}.total`] = t;
  }

  // Which zero cells are printed blank or as a dash. Amount cells always print.
  const marks: Record<string, Mark> = {};
  for (const [k, v] of Object.entries(values)) {
    let m: Mark = 'number';
    if (v === 0 && !(k in amounts) && k !== 's2.procurement.count') {
      const r = rng.next();
      if (r < opts.blankShare) m = 'blank';
      else if (r < opts.blankShare + opts.dashShare) m = 'dash';
    }
    marks[k] = m;
  }

  // Section 一: the total proactively disclosed, at least the documents of table 二.
  const approximate = rng.chance(0.12);
  let proactive = count(rng, 'medium') + 1;
  if (approximate) proactive = Math.max(10, Math.round(proactive / 10) * 10);
  return { template, values, marks, amounts, proactive: { value: proactive, approximate } };
}
