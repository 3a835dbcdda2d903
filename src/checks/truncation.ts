/**
 * Text that stops early. Many reports reach us cut off — the page or the PDF
 * extraction ends in the middle of section 一 or of a table — and what is
 * missing after the cut says nothing about the report itself. A check that
 * would fail only because of the cut is na instead.
 */
import type { ParsedReport } from '../parse/types';

/**
 * The section the text ends in, when it looks cut off: the last section found
 * runs to the end of the text, it is not 六, and no later section was found.
 * null when the text reaches section 六 (or has no sections at all).
 */
export function textEndsIn(report: ParsedReport): number | null {
  if (!report.sections.length) return null;
  const last = report.sections.reduce((a, b) => (b.startLine > a.startLine ? b : a));
  const highest = Math.max(...report.sections.map((s) => s.index));
  if (last.index >= 6 || highest !== last.index) return null;
  return last.endLine >= report.lineCount ? last.index : null;
}

/** Section numbers as printed: NUMERALS[3] = 三. */
export const NUMERALS = ['', '一', '二', '三', '四', '五', '六'];

/** 文本在第二部分中断 */
export function cutNote(index: number): string {
  return `文本在第${NUMERALS[index]}部分中断（可能不完整）`;
}
