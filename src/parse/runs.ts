/**
 * Cells printed with no separator ('规章007', '7777166'): split a digit run
 * into n numbers only when the split is certain — as many digits as cells, or
 * exactly one split that satisfies the row's own arithmetic.
 */

export type RunSplit = { ok: true; parts: number[] } | { ok: false; reason: string };

function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) {
    r = (r * (n - k + i)) / i;
    if (r > 1e9) return r;
  }
  return r;
}

const MAX_SPLITS = 200_000;

export function splitRun(digits: string, n: number, check?: (parts: number[]) => boolean): RunSplit {
  if (!/^\d+$/.test(digits)) return { ok: false, reason: `not a digit run: ${digits}` };
  if (digits.length === n) return { ok: true, parts: [...digits].map(Number) };
  if (digits.length < n) return { ok: false, reason: `${digits.length} digits for ${n} cells` };
  if (!check) return { ok: false, reason: `${digits.length} digits for ${n} cells and no total to decide the split` };
  if (binomial(digits.length - 1, n - 1) > MAX_SPLITS) return { ok: false, reason: `too many ways to split ${digits.length} digits` };
  const found: number[][] = [];
  const parts: number[] = [];
  const walk = (pos: number): void => {
    if (found.length > 1) return;
    const left = n - parts.length;
    if (left === 0) {
      if (pos === digits.length && check(parts)) found.push([...parts]);
      return;
    }
    const remaining = digits.length - pos;
    const maxLen = remaining - (left - 1);
    for (let len = 1; len <= maxLen; len++) {
      if (len > 1 && digits[pos] === '0') break; // a printed number has no leading zeros
      if (left === 1 && len !== remaining) continue;
      parts.push(Number(digits.slice(pos, pos + len)));
      walk(pos + len);
      parts.pop();
    }
  };
  walk(0);
  if (found.length === 1) return { ok: true, parts: found[0] };
  return { ok: false, reason: found.length ? `'${digits}' splits more than one way` : `'${digits}' has no split that adds up` };
}

/** Row arithmetic: the last cell is the sum of the others (table 三 rows). */
export const lastIsSum = (parts: number[]): boolean => {
  let s = 0;
  for (let i = 0; i < parts.length - 1; i++) s += parts[i];
  return s === parts[parts.length - 1];
};

/** Table 四: three groups of five, each ending with its total. */
export const groupsOfFiveSum = (parts: number[]): boolean => {
  for (let g = 0; g + 5 <= parts.length; g += 5) {
    if (parts[g] + parts[g + 1] + parts[g + 2] + parts[g + 3] !== parts[g + 4]) return false;
  }
  return true;
};
