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
  /** for a delimited cell: its column on the line (0 = the first cell) */
  col?: number;
}

export interface Position {
  line: number;
  col: number;
}

/** digits against label text: 规章007规范性文件, 收费24252.311082三、 */
const GLUED = /[\u4e00-\u9fff）)”]-?\d|\d[\u4e00-\u9fff（(]/;

/**
 * Figures printed with no separator: digits, dashes (a dash cell, or a minus
 * sign starting a cell), a decimal part, and the unit that ends an amount
 * ('39573802895.90元', '00—', '0/0'); dashes alone between two labels are dash cells.
 */
const RUN = /(?:[-—–/]*\d+(?:\.\d+)?)+(?:万元|元)?[-—–/]*|(?:^|(?<=[\u4e00-\u9fff）)]))[-—–/]+(?=[\u4e00-\u9fff（(]|$)/g;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** '2.没有现成…', '4、': a digit and a full stop (not a decimal point) number a label or a heading */
function numbersLabel(w: string, end: number): boolean {
  const next = w[end];
  return (next === '.' || next === '、' || next === '．') && !isDigit(w[end + 1]);
}

/**
 * A word where labels and figures run together ('规章007规范性文件7777166',
 * '…3100000312.没有现成信息'): label text and runs, split at each change. The
 * digit that numbers a label ('2.没有') stays with the label; digits inside
 * brackets ('保留4位小数') stay text.
 */
function pushGlued(out: Token[], w: string, line: number, delimited: boolean): void {
  RUN.lastIndex = 0;
  let last = 0;
  let m: RegExpExecArray | null;
  let depth = 0;
  let scanned = 0;
  while ((m = RUN.exec(w))) {
    for (; scanned < m.index; scanned++) {
      const ch = w[scanned];
      if (ch === '(' || ch === '（') depth++;
      else if ((ch === ')' || ch === '）') && depth > 0) depth--;
    }
    if (depth > 0) continue;
    const start = m.index;
    let text = m[0];
    let end = start + text.length;
    if (numbersLabel(w, end)) {
      // the last digit numbers the next label; the digits before it are the row's
      if (text.length === 1 || !isDigit(text[text.length - 1])) continue;
      text = text.slice(0, -1);
      end--;
      if (!isDigit(text[text.length - 1])) continue;
    }
    if (start > last) out.push({ kind: 'text', text: w.slice(last, start), line, delimited });
    out.push({ kind: 'run', text, line, delimited });
    last = end;
  }
  if (last < w.length) out.push({ kind: 'text', text: w.slice(last), line, delimited });
}

/** a dash cell against label text: '-规范性文件', '规章—规范性文件' */
const DASH_GLUED = /(?:^|[\u4e00-\u9fff）)])[-—–/]+(?:[\u4e00-\u9fff（(]|$)/;

/** a placeholder column header of an OCR'd table: 数据1 … 数据7, 列3 */
const PLACEHOLDER_HEADER = /^(?:数据|列|栏|字段)\s*\d{1,2}$/;

/** a word that starts with a unit: alone, or followed by a heading (三、), punctuation or a bracket */
const UNIT_APART = /^(万元|元)(?=$|[，。；：、,.;:）)（(]|[一二三四五六七八九十]+、|第)/;

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
    // a unit printed apart from its number: '190 万元', or glued to what follows
    // in flattened text: '1586267.18 元三、收到和处理…' (a heading, punctuation or a bracket next)
    const unit = UNIT_APART.exec(w)?.[1];
    if (unit) {
      const prev = out[out.length - 1];
      if (prev && prev.kind === 'value' && prev.cell && prev.cell.state === 'number' && !prev.cell.unit) {
        prev.cell = { ...prev.cell, unit: unit as '万元' | '元', raw: `${prev.cell.raw} ${unit}` };
        if (w.length > unit.length) pushWords(out, w.slice(unit.length), line, delimited);
        continue;
      }
    }
    if (PLACEHOLDER_HEADER.test(w)) {
      out.push({ kind: 'text', text: w, line, delimited });
      continue;
    }
    if ((/\d/.test(w) && (/^-?\d/.test(w) || /\d(?:万元|元)?$/.test(w) || GLUED.test(w))) || DASH_GLUED.test(w)) {
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
  const all = pipe ? pipeCells(text.replace(/\t/g, ' ')) : text.split('\t');
  let cells = all;
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
  const offset = all.length - cells.length;
  cells.forEach((c, i) => {
    const from = out.length;
    pushDelimitedCell(out, c, line);
    for (let k = from; k < out.length; k++) out[k].col = offset + i;
  });
  for (let k = first; k < out.length; k++) out[k].sep = pipe ? 'pipe' : 'tab';
}

/**
 * Lines that are not part of any table: a page footer inside a table ('— 4 —',
 * '- 4 -', '第 4 页 共 9 页', '4/9') and a table's rule ('|---|---|', or '------' once a
 * converter dropped the pipes).
 */
const PAGE_FURNITURE = /^\s*(?:[-=_]{4,}|[—–]{4,}|[-—–－_]{1,3}\s*\d{1,3}\s*[-—–－_]{1,3}|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?)\s*$/;

/**
 * A remark printed in a figure's cell, '22（其中修订 16 件）': the figure is the
 * number before it; the remark's own digits are not cells.
 */
const CELL_NOTE = /(\d)\s*[（(](?![一二三四五六七八九十]{1,2}[)）])([^（）()]*[\u4e00-\u9fff][^（）()]*)[)）]/g;

function stripCellNotes(text: string): string {
  if (text.indexOf('(') < 0 && text.indexOf('（') < 0) return text;
  return text.replace(CELL_NOTE, (all, d: string, inner: string) => (/^\s*(?:单位[:：]?\s*)?(?:万元|元)\s*$/.test(inner) ? all : `${d} `));
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
    if (PAGE_FURNITURE.test(text)) continue;
    tokeniseLine(out, stripCellNotes(text), l);
  }
  return out;
}
