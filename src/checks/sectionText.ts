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

/**
 * The prose of a section, joined. With the report's decoded text, line numbers are
 * exact (found in the section's span); without it they assume the prose starts on
 * the heading line or the line after it (the parser trims leading blank lines, so
 * they may then be early by the number of blank lines after the heading).
 */
export function joinedProse(report: ParsedReport, which: ProseSection, sourceText?: string | null): JoinedProse | null {
  const raw = rawProse(report, which);
  if (raw === null) return null;
  const lines = raw.split(/\r?\n/);
  const start = firstLine(report, which, lines);
  const span = report.sections.find((x) => x.index === which);
  const locate = sourceText && span ? spanLocator(sourceText, span.startLine, span.endLine) : null;
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
    lineAt: (offset) => {
      if (locate) {
        const exact = locate(text, offset);
        if (exact !== null) return exact;
      }
      return start === null ? null : start + indexAt(offset);
    },
    lineText: (offset) => (lines[indexAt(offset)] ?? '').trim(),
  };
}

/** Finds the report line holding the prose at `offset` by searching the section's lines for the words around it. */
function spanLocator(sourceText: string, startLine: number, endLine: number) {
  const all = sourceText.split(/\r?\n/);
  let joined = '';
  const starts: number[] = [];
  for (let n = startLine; n <= Math.min(endLine, all.length); n++) {
    starts.push(joined.length);
    joined += (all[n - 1] ?? '').trim();
  }
  const squash = (x: string) => x.replace(/\s+/g, '');
  const flat = squash(joined);
  // offsets in `flat` back to offsets in `joined`
  const back: number[] = [];
  for (let i = 0; i < joined.length; i++) if (!/\s/.test(joined[i])) back.push(i);
  return (text: string, offset: number): number | null => {
    for (const [before, after] of [[6, 10], [0, 8], [0, 4]]) {
      const frag = squash(text.slice(Math.max(0, offset - before), offset + after));
      if (!frag) continue;
      const at = flat.indexOf(frag);
      if (at < 0) continue;
      const lead = squash(text.slice(Math.max(0, offset - before), offset)).length;
      const pos = back[at + lead] ?? back[at];
      let i = 0;
      while (i + 1 < starts.length && starts[i + 1] <= pos) i++;
      return startLine + i;
    }
    return null;
  };
}

/** Prose reduced to its words: no whitespace, no punctuation. */
export function compactText(s: string): string {
  return s.replace(/[\s\p{P}\p{S}]/gu, '');
}

/** The first `max` characters of a text, with … when cut: for quoting prose in evidence. */
export function quote(text: string, max = 24): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
