/**
 * The part of a long source line a figure came from. A flattened page text can
 * hold a whole report on one line; the source panel then shows the stretch
 * around the figure's row label, not thousands of characters. Display only:
 * no figure is read from this.
 */
export interface Excerpt {
  /** text before the row label (after the cut) */
  before: string;
  /** the row label as found in the line ('' when not found) */
  mark: string;
  /** text after it, up to the cut */
  after: string;
  /** characters left out at the start and at the end */
  cutStart: number;
  cutEnd: number;
}

/** Lines up to this length are shown whole. */
export const WHOLE_LINE = 240;

/** The words of a row label that a report prints: its last part, without its enumerator (（一）, 1., 一、). */
export function labelNeedle(rowLabel: string): string {
  const last = rowLabel.trim().split(/\s+/).pop() ?? '';
  return last.replace(/^[（(]?[一二三四五六七八九十\d]+[）)、.．]\s*/, '').replace(/（.*$/, '');
}

/** The enumerator a row label starts its last part with: （一）, 1., 一、 ('' when none). */
function enumeratorOf(rowLabel: string): string {
  const last = rowLabel.trim().split(/\s+/).pop() ?? '';
  return /^[（(]?[一二三四五六七八九十\d]+[）)、.．]/.exec(last)?.[0] ?? '';
}

/**
 * Where in `line` the row labelled `rowLabel` is: the place most like a table
 * row — the label's enumerator just before it, figures just after it (past a
 * note in parentheses) — the first such on ties; -1 when the label is absent.
 */
function findLabel(line: string, rowLabel: string, needle: string): number {
  if (!needle) return -1;
  const en = enumeratorOf(rowLabel);
  let best = -1;
  let bestScore = -1;
  for (let at = line.indexOf(needle); at >= 0; at = line.indexOf(needle, at + 1)) {
    const next = line.slice(at + needle.length).replace(/^（[^）]*）/, '').trimStart();
    const score = (en && line.slice(0, at).trimEnd().endsWith(en) ? 2 : 0) + (/^[\d—–-]/.test(next) ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [at, score];
  }
  return best;
}

export function excerptOf(line: string, rowLabel: string, before = 30, after = 160): Excerpt {
  const text = line.trim();
  if (text.length <= WHOLE_LINE) return { before: text, mark: '', after: '', cutStart: 0, cutEnd: 0 };
  const needle = labelNeedle(rowLabel);
  const at = findLabel(text, rowLabel, needle);
  if (at < 0) {
    return { before: text.slice(0, before + after), mark: '', after: '', cutStart: 0, cutEnd: text.length - (before + after) };
  }
  const start = Math.max(0, at - before);
  const end = Math.min(text.length, at + needle.length + after);
  return {
    before: text.slice(start, at),
    mark: needle,
    after: text.slice(at + needle.length, end),
    cutStart: start,
    cutEnd: text.length - end,
  };
}
