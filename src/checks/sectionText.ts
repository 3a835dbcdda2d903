/**
 * The prose of sections 一, 五, 六 with line numbers, so that what a check
 * quotes can be found again in the report. Lines broken in the middle of a word
 * (text from PDF) are joined before matching.
 */
import type { ParsedReport } from '../parse/types';

export type ProseSection = 1 | 5 | 6;

export interface JoinedProse {
  /** the prose with line breaks removed (a space kept between two digits) */
  text: string;
  /** 1-based report line of the character at `offset`, or null when the section's position is unknown */
  lineAt(offset: number): number | null;
  /** the report line as printed, for provenance */
  lineText(offset: number): string;
}

function rawProse(report: ParsedReport, which: ProseSection): string | null {
  return which === 1 ? report.prose.s1 : which === 5 ? report.prose.s5 : report.prose.s6;
}

/**
 * The prose's first line in the report: the heading line when the prose repeats
 * the heading, else the line after it.
 */
function firstLine(report: ParsedReport, which: ProseSection, lines: string[]): number | null {
  const span = report.sections.find((s) => s.index === which);
  if (!span) return null;
  const first = (lines[0] ?? '').trim();
  const heading = span.heading.trim();
  return first && heading && (first === heading || first.startsWith(heading)) ? span.startLine : span.startLine + 1;
}

export function joinedProse(report: ParsedReport, which: ProseSection): JoinedProse | null {
  const raw = rawProse(report, which);
  if (raw === null) return null;
  const lines = raw.split(/\r?\n/);
  const start = firstLine(report, which, lines);
  let text = '';
  const starts: number[] = [];
  lines.forEach((l, i) => {
    const t = l.trim();
    if (/\d$/.test(text) && /^\d/.test(t)) text += ' ';
    starts.push(text.length);
    text += t;
    void i;
  });
  const indexAt = (offset: number) => {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1] <= offset) i++;
    return i;
  };
  return {
    text,
    lineAt: (offset) => (start === null ? null : start + indexAt(offset)),
    lineText: (offset) => (lines[indexAt(offset)] ?? '').trim(),
  };
}

/** Prose reduced to its words: no whitespace, no punctuation. */
export function compactText(s: string): string {
  return s.replace(/[\s\p{P}\p{S}]/gu, '');
}
