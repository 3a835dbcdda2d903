/**
 * Stage "repair runs": every reading of one table row whose cells were printed
 * with no separator ('规范性文件7777166', '行政事业性收费35-15',
 * '政府集中采购39573802895.90元'). A reading is one way to cut the row's
 * tokens into the row's cells under the rules of printed numbers:
 *
 * - no leading zeros, except a lone 0 (or 0.5);
 * - a minus sign starts a cell, and only a cell that may be negative (本年增/减);
 * - a decimal part ends the run's last cell (decimals, and a unit 元/万元, end an amount);
 * - the row's own arithmetic holds (C13's 总计 = the six applicants; C15's groups of five).
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
  if (text.endsWith('万元')) return { body: text.slice(0, -2), unit: '万元' };
  if (text.endsWith('元')) return { body: text.slice(0, -1), unit: '元' };
  return { body: text, unit: null };
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * The cells that can start at `pos` of `body`, as [end, value] pairs: ending
 * before the next digit or minus sign, or ending the run (only the run's last
 * cell may carry a decimal part, which runs to the end).
 */
function cellEnds(body: string, pos: number, signed: boolean): [number, number][] {
  const out: [number, number][] = [];
  let i = pos;
  if (body[i] === '-') {
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
      units.push({ tok: i, fixed: undefined, body });
      runs++;
    } else if (t.kind === 'empty') units.push({ tok: i, fixed: null, body: '' });
    else if (t.kind === 'value') units.push({ tok: i, fixed: t.cell?.state === 'number' ? t.cell.value : null, body: '' });
  }
  if (units.length > n) return { readings: [] };

  const totalAt = new Map<number, readonly number[]>();
  for (const [t, parts] of check?.totals ?? []) if (t < n) totalAt.set(t, parts);

  const values: (number | null)[] = [];
  const from: number[] = [];
  const readings: Reading[] = [];
  let steps = 0;
  let over = false;

  const holds = (cell: number): boolean => {
    const parts = totalAt.get(cell);
    if (!parts) return true;
    const total = values[cell];
    let s = 0;
    for (const p of parts) {
      const v = values[p];
      if (v === null || total === null) return true; // a blank operand: the row's arithmetic says nothing
      s += v;
    }
    return Math.abs(s - (total as number)) < 1e-9;
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

  const allWeighed = (): boolean => {
    for (const [t, parts] of totalAt) {
      if (values[t] === null) return false;
      for (const p of parts) if (values[p] === null) return false;
    }
    return true;
  };

  const walk = (u: number, pos: number): void => {
    if (over) return;
    if (++steps > limits.maxRowSteps) {
      over = true;
      return;
    }
    const cell = values.length;
    if (u === units.length) {
      if (cell === n) {
        const split = readingSplit(from);
        // a cut run is trusted only where the row's arithmetic could weigh it (no blank operand)
        if (split && !allWeighed()) return;
        readings.push({ values: values.slice(), from: from.slice(), split });
        if (readings.length > limits.maxRowReadings) over = true;
      }
      return;
    }
    const unit = units[u];
    const unitsLeft = units.length - u - 1;
    if (unit.fixed !== undefined) {
      if (cell >= n) return;
      values.push(unit.fixed);
      from.push(unit.tok);
      if (holds(cell)) walk(u + 1, 0);
      values.pop();
      from.pop();
      return;
    }
    // a run: this cell starts at pos; the run may end here or go on
    const cellsLeft = n - cell;
    if (cellsLeft <= unitsLeft) return;
    for (const [end, v] of cellEnds(unit.body, pos, shape.signed?.has(cell) ?? false)) {
      const runEnds = end === unit.body.length;
      // each later unit needs a cell of its own
      if (!runEnds && cellsLeft - 1 <= unitsLeft) continue;
      values.push(v);
      from.push(unit.tok);
      if (holds(cell) && (runEnds || unitsLeft > 0 || roomForTotal(cell, unit.body.length - end))) {
        if (runEnds) walk(u + 1, 0);
        else walk(u, end);
      }
      values.pop();
      from.pop();
      if (over) return;
    }
  };
  walk(0, 0);
  if (over) return { overflow: `more readings than can be weighed (${runs} run${runs === 1 ? '' : 's'})` };
  return { readings };
}

/** whether two cells of the reading came from one token (a run was cut) */
function readingSplit(from: readonly number[]): boolean {
  for (let i = 1; i < from.length; i++) if (from[i] === from[i - 1]) return true;
  return false;
}
