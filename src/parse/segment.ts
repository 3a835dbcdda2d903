/**
 * Stage "repair runs": every reading of one table row whose cells were printed
 * with no separator ('规范性文件7777166', '行政事业性收费35-15',
 * '政府集中采购39573802895.90元'). A reading is one way to cut the row's
 * tokens into the row's cells under the rules of printed numbers:
 *
 * - no leading zeros, except a lone 0 (or 0.5);
 * - a minus sign starts a cell, and only a cell that may be negative (本年增/减);
 * - a decimal part ends the run's last cell (decimals, and a unit 元/万元, end an amount);
 * - the row's own arithmetic holds (C13's 总计 = the six applicants; C15's groups of five),
 *   a dash counting as 0 (a blank may be a figure left unfilled: it weighs nothing).
 *
 * The caller keeps a reading only when it is the only one left once the
 * table's identities are applied (solve.ts).
 */
import type { Token } from './tokenise';

/** The arithmetic a row's own cells obey: for each total cell, the cells it sums. */
export type RowCheck = { totals: ReadonlyArray<readonly [total: number, parts: readonly number[]]> };

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** Table 三: the last cell (总计) is the sum of the six before it. */
export const SUM_LAST_7: RowCheck = { totals: [[6, range(0, 6)]] };

/** Table 四: three groups of five, each 总计 the sum of its four. */
export const GROUPS_OF_FIVE: RowCheck = {
  totals: [
    [4, range(0, 4)],
    [9, range(5, 9)],
    [14, range(10, 14)],
  ],
};

export interface Reading {
  values: (number | null)[];
  /** for each cell, the index (in the row's tokens) of the token it came from */
  from: number[];
  /** a run was cut into more than one cell */
  split: boolean;
}

export type RowReadings = { readings: Reading[] } | { overflow: string };

export interface SegmentLimits {
  maxRunDigits: number;
  maxRowSteps: number;
  maxRowReadings: number;
}

export interface RowShape {
  /** the cells that may be negative (2019 table 二's 本年增/减); a minus sign elsewhere fits no reading */
  signed?: ReadonlySet<number>;
}

/** A run as printed: its numeric body and the unit that ends it. */
export function runBody(text: string): { body: string; unit: '万元' | '元' | null } {
  const t = text.replace(/[—–/]/g, '-');
  if (t.endsWith('万元')) return { body: t.slice(0, -2), unit: '万元' };
  if (t.endsWith('元')) return { body: t.slice(0, -1), unit: '元' };
  return { body: t, unit: null };
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * The cells that can start at `pos` of `body`, as [end, value] pairs: ending
 * before the next digit or minus sign, or ending the run (only the run's last
 * cell may carry a decimal part, which runs to the end).
 */
function cellEnds(body: string, pos: number, signed: boolean): [number, number | null][] {
  const out: [number, number | null][] = [];
  let i = pos;
  if (body[i] === '-') {
    // a dash by itself is a dash cell (nothing to report); before digits it may also be a minus sign
    if (pos + 1 === body.length || isDigit(body[pos + 1]) || body[pos + 1] === '-') out.push([pos + 1, null]);
    if (!signed) return out;
    i++;
  }
  if (!isDigit(body[i])) return out;
  const ends: number[] = [];
  if (body[i] === '0') ends.push(i + 1);
  else {
    let j = i;
    while (isDigit(body[j])) ends.push(++j);
  }
  for (const e of ends) {
    const next = body[e];
    if (next === '.') {
      let f = e + 1;
      if (!isDigit(body[f])) continue;
      while (isDigit(body[f])) f++;
      if (f !== body.length) continue;
      out.push([f, Number(body.slice(pos, f))]);
      continue;
    }
    // the run ends, or the next cell starts with a digit or a minus sign
    if (next === undefined || next === '-' || isDigit(next)) out.push([e, Number(body.slice(pos, e))]);
  }
  return out;
}

interface Unit {
  /** index in the row's tokens */
  tok: number;
  /** a fixed cell (value, dash, blank) or a run to cut */
  fixed: number | null | undefined;
  /** an empty delimited cell */
  blank: boolean;
  body: string;
}

/**
 * Every reading of `tokens` (value, empty and run tokens, in order) as `n` cells
 * that satisfies `check`. `overflow` when the search would exceed the limits.
 */
export function rowReadings(tokens: readonly Token[], n: number, check: RowCheck | null, limits: SegmentLimits, shape: RowShape = {}): RowReadings {
  const units: Unit[] = [];
  let runs = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'run') {
      const { body } = runBody(t.text);
      if (body.replace(/\D/g, '').length > limits.maxRunDigits) return { overflow: `a run of ${body.length} characters is longer than any row prints` };
      units.push({ tok: i, fixed: undefined, blank: false, body });
      runs++;
    } else if (t.kind === 'empty') units.push({ tok: i, fixed: null, blank: true, body: '' });
    else if (t.kind === 'value') units.push({ tok: i, fixed: t.cell?.state === 'number' ? t.cell.value : null, blank: false, body: '' });
  }
  if (units.length > n) return { readings: [] };

  const totalAt = new Map<number, readonly number[]>();
  for (const [t, parts] of check?.totals ?? []) if (t < n) totalAt.set(t, parts);

  const values: (number | null)[] = [];
  /** the cells printed blank (an empty delimited cell) */
  const blank: boolean[] = [];
  const from: number[] = [];
  const readings: Reading[] = [];
  let steps = 0;
  let over = false;

  // a dash counts as 0, as the template's arithmetic reads it; a blank cell may
  // be a figure left unfilled, so a sum with one says nothing
  const holds = (cell: number): boolean => {
    const parts = totalAt.get(cell);
    if (!parts) return true;
    if (blank[cell] || parts.some((p) => blank[p])) return true;
    let s = 0;
    for (const p of parts) s += values[p] ?? 0;
    return Math.abs(s - (values[cell] ?? 0)) < 1e-9;
  };

  // the row's last run holds the rest of the row: a total still to come needs at
  // least as many digits as the non-negative sum of its parts so far
  const totalAfter = (cell: number): [number, readonly number[]] | null => {
    for (const [t, parts] of totalAt) if (t > cell && parts.includes(cell)) return [t, parts];
    return null;
  };
  const roomForTotal = (cell: number, charsLeft: number): boolean => {
    const t = totalAfter(cell);
    if (!t) return true;
    let s = 0;
    for (const p of t[1]) {
      if (p > cell) break;
      const v = values[p];
      if (v === null || v < 0) return true;
      s += v;
    }
    return charsLeft >= t[0] - cell - 1 + String(Math.trunc(s)).length;
  };


  /**
   * A total cell whose parts are all known can only be their sum as printed:
   * its one end, without trying every length (or a dash, which says nothing).
   */
  const totalEnds = (body: string, pos: number, cell: number): [number, number | null][] | null => {
    const parts = totalAt.get(cell);
    if (!parts || shape.signed?.has(cell) || parts.some((p) => blank[p])) return null;
    let sum = 0;
    for (const p of parts) {
      const v = values[p] ?? 0;
      if (!Number.isInteger(v)) return null;
      sum += v;
    }
    const out: [number, number | null][] = [];
    if (body[pos] === '-') {
      // a dash total reads as 0
      if (sum === 0 && (pos + 1 === body.length || isDigit(body[pos + 1]) || body[pos + 1] === '-')) out.push([pos + 1, null]);
      return out;
    }
    if (sum < 0) return out;
    const printed = String(sum);
    const end = pos + printed.length;
    const next = body[end];
    if (body.startsWith(printed, pos) && (next === undefined || next === '-' || isDigit(next))) out.push([end, sum]);
    return out;
  };

  // target mode (see below): the cells before the total, their sum bounded by it
  let cellsWanted = n;
  let target: number | null = null;
  let targetDigits = 0;
  let partSum = 0;

  const walk = (u: number, pos: number): void => {
    if (over) return;
    if (++steps > limits.maxRowSteps) {
      over = true;
      return;
    }
    const cell = values.length;
    if (u === units.length) {
      if (target !== null) {
        if (cell === cellsWanted && Math.abs(partSum - target) < 1e-9) {
          if (blank.some(Boolean)) return; // a blank part: the total does not weigh it
          values.push(target);
          from.push(lastTok);
          readings.push({ values: values.slice(), from: from.slice(), split: readingSplit(from) });
          values.pop();
          from.pop();
          if (readings.length > limits.maxRowReadings) over = true;
        }
        return;
      }
      if (cell === n) {
        readings.push({ values: values.slice(), from: from.slice(), split: readingSplit(from) });
        if (readings.length > limits.maxRowReadings) over = true;
      }
      return;
    }
    const unit = units[u];
    const unitsLeft = units.length - u - 1;
    if (unit.fixed !== undefined) {
      if (cell >= cellsWanted) return;
      if (target !== null && unit.fixed !== null && partSum + unit.fixed > target + 1e-9) return;
      values.push(unit.fixed);
      blank.push(unit.blank);
      from.push(unit.tok);
      partSum += unit.fixed ?? 0;
      if (holds(cell)) walk(u + 1, 0);
      partSum -= unit.fixed ?? 0;
      values.pop();
      blank.pop();
      from.pop();
      return;
    }
    // a run: this cell starts at pos; the run may end here or go on
    const cellsLeft = cellsWanted - cell;
    if (cellsLeft <= unitsLeft) return;
    for (const [end, v] of totalEnds(unit.body, pos, cell) ?? cellEnds(unit.body, pos, shape.signed?.has(cell) ?? false)) {
      const runEnds = end === unit.body.length;
      // each later unit needs a cell of its own
      if (!runEnds && cellsLeft - 1 <= unitsLeft) continue;
      // the cells before the total cannot add up to more than it (none is negative in target mode),
      // and what is left of the last run must fit the cells left and be able to reach it
      if (target !== null && v !== null) {
        if (partSum + v > target + 1e-9) break;
        if (unitsLeft === 0 && !runEnds) {
          const chars = unit.body.length - end;
          const cellsAfter = cellsWanted - cell - 1;
          if (chars > cellsAfter * targetDigits) continue;
          // the most k cells can hold from c digits: one of c−k+1 digits and k−1 nines
          if (partSum + v + 10 ** (chars - cellsAfter + 1) - 1 + 9 * (cellsAfter - 1) < target) continue;
        }
      }
      values.push(v);
      blank.push(false);
      from.push(unit.tok);
      partSum += v ?? 0;
      if (holds(cell) && (target !== null || runEnds || unitsLeft > 0 || roomForTotal(cell, unit.body.length - end))) {
        if (runEnds) walk(u + 1, 0);
        else walk(u, end);
      }
      partSum -= v ?? 0;
      values.pop();
      blank.pop();
      from.pop();
      if (over) return;
    }
  };

  /*
   * Target mode, for a row whose last cell totals all the others and whose last
   * token is a run (table 三 printed flat): choose the total first — a tail of
   * the run — and cut the rest only into cells that do not exceed it. Same
   * readings as the plain walk, far fewer steps.
   */
  const last = units[units.length - 1];
  const lastTok = last?.tok ?? 0;
  const sumLast = totalAt.get(n - 1);
  const plainTotal = sumLast && sumLast.length === n - 1 && last && last.fixed === undefined && !shape.signed?.size && !last.body.includes('.') && !last.body.endsWith('-');
  if (plainTotal) {
    const body = last.body;
    cellsWanted = n - 1;
    for (let cut = body.length - 1; cut >= 0 && !over; cut--) {
      const tail = body.slice(cut);
      if (!/^(?:0|[1-9]\d*)$/.test(tail)) continue;
      const head = body.slice(0, cut);
      if (head && !/^[\d-]*$/.test(head)) continue;
      target = Number(tail);
      targetDigits = tail.length;
      const saved = units[units.length - 1];
      if (head) units[units.length - 1] = { ...saved, body: head };
      else units.pop();
      walk(0, 0);
      if (head) units[units.length - 1] = saved;
      else units.push(saved);
    }
  } else walk(0, 0);
  if (over) return { overflow: `more readings than can be weighed (${runs} run${runs === 1 ? '' : 's'})` };
  return { readings };
}

/** whether two cells of the reading came from one token (a run was cut) */
function readingSplit(from: readonly number[]): boolean {
  for (let i = 1; i < from.length; i++) if (from[i] === from[i - 1]) return true;
  return false;
}
