/**
 * Table text → a flat stream of tokens in reading order: label text, values,
 * empty delimited cells, and digit runs (cells printed with no separator).
 * Line structure is deliberately forgotten here: rows are found later by their
 * labels, so a label broken across lines, a row written one cell per line and
 * a whole table on one line all give the same stream.
 */
import { readCell, joinStraySpaces, type CellReading } from './cells';

export type TokenKind = 'text' | 'value' | 'empty' | 'run';

export interface Token {
  kind: TokenKind;
  /** text as printed in the (simplified) line */
  text: string;
  /** 0-based line index */
  line: number;
  /** for 'value' */
  cell?: CellReading;
  /** true when the token came from a pipe/tab delimited line */
  delimited: boolean;
  /** the delimiter of its line */
  sep?: 'tab' | 'pipe';
}

export interface Position {
  line: number;
  col: number;
}

/** digits between two labels: 规章007规范性文件 */
const GLUED = /[\u4e00-\u9fff）)”]\d+[\u4e00-\u9fff]/;

/**
 * A word where labels and figures run together ('规章007规范性文件7777166'):
 * label text and digit runs, split at each change. Digits that number a label
 * ('1.属于') and digits inside brackets ('保留4位小数') stay text.
 */
function pushGlued(out: Token[], w: string, line: number, delimited: boolean): void {
  const re = /\d+/g;
  let last = 0;
  let m: RegExpExecArray | null;
  let depth = 0;
  let scanned = 0;
  while ((m = re.exec(w))) {
    for (; scanned < m.index; scanned++) {
      const ch = w[scanned];
      if (ch === '(' || ch === '（') depth++;
      else if ((ch === ')' || ch === '）') && depth > 0) depth--;
    }
    const start = m.index;
    const end = start + m[0].length;
    const next = w[end];
    const numbering = next === '.' || next === '、' || next === '．';
    if (start === 0 || depth > 0 || numbering) continue;
    if (start > last) out.push({ kind: 'text', text: w.slice(last, start), line, delimited });
    out.push({ kind: 'run', text: m[0], line, delimited });
    last = end;
  }
  if (last < w.length) out.push({ kind: 'text', text: w.slice(last), line, delimited });
}

function pushWords(out: Token[], piece: string, line: number, delimited: boolean): void {
  const words = piece.split(/\s+/);
  for (const w of words) {
    if (!w) continue;
    const cell = readCell(w);
    if (cell.state === 'number') {
      if (cell.leadingZeros) out.push({ kind: 'run', text: w, line, delimited });
      else out.push({ kind: 'value', text: w, line, cell, delimited });
      continue;
    }
    if (cell.state === 'dash') {
      out.push({ kind: 'value', text: w, line, cell, delimited });
      continue;
    }
    // a unit printed apart from its number: '190 万元'
    if (w === '万元' || w === '元') {
      const prev = out[out.length - 1];
      if (prev && prev.kind === 'value' && prev.cell && prev.cell.state === 'number' && !prev.cell.unit) {
        prev.cell = { ...prev.cell, unit: w, raw: `${prev.cell.raw} ${w}` };
        continue;
      }
    }
    const lc = w.charCodeAt(w.length - 1);
    if ((lc >= 48 && lc <= 57 && /\D/.test(w)) || GLUED.test(w)) {
      pushGlued(out, w, line, delimited);
      continue;
    }
    out.push({ kind: 'text', text: w, line, delimited });
  }
}

function pushDelimitedCell(out: Token[], cellText: string, line: number): void {
  const t = cellText.trim();
  if (t === '') {
    out.push({ kind: 'empty', text: '', line, delimited: true });
    return;
  }
  const joined = joinStraySpaces(t);
  const cell = readCell(joined ?? t);
  if (cell.state === 'number' || cell.state === 'dash') {
    if (cell.leadingZeros) out.push({ kind: 'run', text: joined ?? t, line, delimited: true });
    else out.push({ kind: 'value', text: t, line, cell: { ...cell, raw: t }, delimited: true });
    return;
  }
  pushWords(out, t, line, true);
}

/** Cells of a pipe row: a '|' in the first column opens the row, a final '|' closes the last cell. */
function pipeCells(s: string): string[] {
  const parts = s.split('|');
  if (s[0] === '|') parts.shift();
  if (parts.length && parts[parts.length - 1].trim() === '') parts.pop();
  return parts;
}

function isTextCell(c: string): boolean {
  const r = readCell(joinStraySpaces(c) ?? c);
  return r.state === 'text';
}

export function tokeniseLine(out: Token[], text: string, line: number): void {
  const pipe = text.indexOf('|') >= 0;
  if (!pipe && text.indexOf('\t') < 0) {
    pushWords(out, text, line, false);
    return;
  }
  let cells = pipe ? pipeCells(text.replace(/\t/g, ' ')) : text.split('\t');
  const filled = cells.filter((c) => c.trim() !== '');
  if (!pipe && text[0] === '\t' && filled.length <= 1) {
    // one cell per line, indented by a tab: '\t0', or '\t' for an empty cell
    cells = cells.slice(1);
    if (filled.length === 0 && cells.length > 1) return;
  } else if (filled.length === 0) {
    // filler ('| |||') — but ' |' and ' | ||' (no row opener) print one empty cell
    if (!pipe || text[0] === '|' || cells.length === 0) return;
    cells = cells.slice(0, 1);
  } else {
    // empty cells before a label are merged label columns; before a value they are blank cells
    let i = 0;
    while (i < cells.length && cells[i].trim() === '') i++;
    if (i < cells.length && isTextCell(cells[i])) cells = cells.slice(i);
  }
  const first = out.length;
  for (const c of cells) pushDelimitedCell(out, c, line);
  for (let k = first; k < out.length; k++) out[k].sep = pipe ? 'pipe' : 'tab';
}

/** Tokens of lines[from .. to) (positions are 0-based line and column; `to` exclusive). */
export function tokenise(lines: readonly string[], from: Position, to: Position): Token[] {
  const out: Token[] = [];
  for (let l = from.line; l <= to.line && l < lines.length; l++) {
    let text = lines[l];
    const end = l === to.line ? to.col : text.length;
    const start = l === from.line ? from.col : 0;
    if (start >= end) continue;
    if (start > 0 || end < text.length) text = text.slice(start, end);
    if (text.trim() === '' && text.indexOf('\t') < 0) continue;
    tokeniseLine(out, text, l);
  }
  return out;
}
