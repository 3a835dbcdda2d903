/** Line-level helpers the layouts share: cutting text into fixed-width pieces, wrapping prose, markdown rows, cell remarks. */
import type { Rng } from './prng';

/** s cut into pieces of `width` characters */
export function chunk(s: string, width: number): string[] {
  const chars = [...s];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out;
}

/** wrap prose at a width, never inside a number (typesetting keeps digit runs whole) */
export function wrapProse(p: string, width: number): string[] {
  const chars = [...p];
  const out: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = Math.min(start + width, chars.length);
    while (end < chars.length && /[0-9,.]/.test(chars[end]) && /[0-9,.]/.test(chars[end - 1])) end++;
    out.push(chars.slice(start, end).join(''));
    start = end;
  }
  return out;
}

/** the spaces PDF→text tools put between Chinese and a number: 2024 年, 34 件 */
export function spaceAroundNumbers(p: string): string {
  return p.replace(/([\u4e00-\u9fff])(?=[0-9])/g, '$1 ').replace(/([0-9])(?=[\u4e00-\u9fff])/g, '$1 ');
}

/** a markdown table rule for n columns: |---|---| */
export function mdRule(n: number): string {
  return `|${'---|'.repeat(Math.max(1, n))}`;
}

/** a markdown table row: | a | b | */
export function mdRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/**
 * A figure with a remark in its cell, as converted and OCR'd tables print them:
 * `22（其中修订 16 件）`. The remark's number is smaller than the figure; the
 * figure stays the cell's value. documents: a count of 规章 / 规范性文件; else of decisions.
 */
export function withNote(rng: Rng, cell: string, documents: boolean): string {
  if (!/^\d[\d,]*$/.test(cell)) return cell;
  const n = Number(cell.replace(/,/g, ''));
  if (n < 2) return cell;
  const k = rng.int(1, n - 1);
  const note = documents
    ? rng.pick([`（其中修订 ${k} 件）`, `（含部门规范性文件 ${k} 件）`, `(其中废止${k}件)`, `（其中新制定 ${k} 件）`])
    : rng.pick([`（其中简易程序 ${k} 件）`, `（含变更 ${k} 项）`]);
  return `${cell}${note}`;
}
