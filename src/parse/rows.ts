/**
 * Finding a table's rows by their printed labels in the token stream and
 * reading each row's cells. Labels are compared in compact form, so a label
 * broken across lines, written one character per line or split by a tab still
 * matches; a label is recognised by a distinctive prefix, so truncated or
 * mistyped tails ('无正当理由由大量反复申请') still match.
 */
import type { Cell, ParseNote } from './types';
import type { Token } from './tokenise';
import { compact } from './normalise';
import { splitRun } from './runs';

export interface RowSpec {
  /** row id for notes, e.g. 'denied.secret' */
  id: string;
  /** compact label prefixes, any of which identifies the row */
  patterns: string[];
  /** the fact keys of the row's cells, in column order */
  keys: string[];
  /** row arithmetic used to split a digit run */
  check?: (parts: number[]) => boolean;
  /** a group heading without cells of its own (2021 （六）其他处理) */
  group?: boolean;
  /** skip a match directly preceded by this text (the prefix is part of another row's label) */
  notAfter?: string;
}

export interface TokenStream {
  tokens: Token[];
  compact: string;
  /** token index of each compact character */
  owner: Int32Array;
}

const PLACEHOLDER = '\u0001';

export function buildStream(tokens: Token[]): TokenStream {
  const parts: string[] = new Array(tokens.length);
  let total = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const c = t.kind === 'text' ? compact(t.text) : PLACEHOLDER;
    parts[i] = c;
    total += c.length;
  }
  const owner = new Int32Array(total);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const len = parts[i].length;
    owner.fill(i, at, at + len);
    at += len;
  }
  return { tokens, compact: parts.join(''), owner };
}

export interface RowMatch {
  spec: RowSpec;
  /** first and last token of the label */
  startTok: number;
  endTok: number;
}

/** Locate the rows in order; a row not found is left out (its cells stay missing). */
export function locateRows(stream: TokenStream, specs: readonly RowSpec[]): RowMatch[] {
  const out: RowMatch[] = [];
  let cursor = 0;
  for (const spec of specs) {
    let best = -1;
    let bestLen = 0;
    for (const p of spec.patterns) {
      let i = stream.compact.indexOf(p, cursor);
      const na = spec.notAfter;
      while (na && i >= 0 && stream.compact.slice(Math.max(0, i - na.length), i) === na) i = stream.compact.indexOf(p, i + 1);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
        bestLen = p.length;
      }
    }
    if (best < 0) continue;
    out.push({ spec, startTok: stream.owner[best], endTok: stream.owner[best + bestLen - 1] });
    cursor = best + bestLen;
  }
  return out;
}

export interface RowContext {
  lines: readonly string[];
  notes: ParseNote[];
  /** the text ends inside this table (no later section): a short last row is read as far as it goes */
  truncated: boolean;
  /**
   * Table 三 in a Word table: an empty cell right after the label on its line
   * is a merged label column, not a blank figure (table 二 pads at the end instead).
   */
  labelPadFirst?: boolean;
}

/** the tokens of a row as a short string for a note */
function shown(T: readonly Token[]): string {
  const s = T.slice(0, 16).map((t) => t.text || '∅').join(' ');
  return T.length > 16 ? `${s} …` : s;
}

export function missingCell(): Cell {
  return { value: null, state: 'missing', raw: '', source: null };
}

function tokenCell(t: Token, lines: readonly string[]): Cell {
  const source = { line: t.line + 1, text: lines[t.line] ?? '' };
  if (t.kind === 'empty') return { value: null, state: 'blank', raw: '', source };
  if (t.kind === 'run') {
    const v = Number(t.text);
    return { value: v, state: 'number', raw: t.text, source };
  }
  const c = t.cell!;
  const cell: Cell = { value: c.value, state: c.state, raw: c.raw, source };
  if (c.approximate) cell.approximate = true;
  return cell;
}

/** The value tokens after a row's label: stop at text that follows a value (the next label or a header). */
export function rowTokens(tokens: readonly Token[], from: number, to: number): Token[] {
  const out: Token[] = [];
  let filled = false;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.kind === 'text') {
      if (filled) break;
      continue;
    }
    if (t.kind !== 'empty') filled = true;
    out.push(t);
  }
  return out;
}

/**
 * Cells for one row from its value tokens. Returns null cells (with a note)
 * whenever the reading is not certain.
 */
export function assignRow(spec: RowSpec, vals: Token[], ctx: RowContext, lastInText: boolean, labelLine: number): Cell[] {
  const n = spec.keys.length;
  const T = vals.slice();
  if (ctx.labelPadFirst) while (T.length > n && T[0].kind === 'empty' && T[0].sep === 'tab' && T[0].line === labelLine) T.shift();
  while (T.length > n && T[T.length - 1].kind === 'empty') T.pop();
  while (T.length > n && T[0].kind === 'empty') T.shift();
  const line = labelLine + 1;
  const note = (kind: string, message: string) => ctx.notes.push({ kind, message: `${spec.id}: ${message}`, line });

  const runs = T.filter((t) => t.kind === 'run');
  if (runs.length) {
    if (T.length === 1) {
      const r = splitRun(T[0].text, n, spec.check);
      if (r.ok) {
        const source = { line: T[0].line + 1, text: ctx.lines[T[0].line] ?? '' };
        return r.parts.map((v) => ({ value: v, state: 'number', raw: T[0].text, source }) as Cell);
      }
      note('ambiguous-run', `cells run together '${T[0].text}': ${r.reason}`);
      return spec.keys.map(() => ({ value: null, state: 'text', raw: T[0].text, source: { line: T[0].line + 1, text: ctx.lines[T[0].line] ?? '' } }) as Cell);
    }
    const digitsTotal = T.reduce((s, t) => s + (t.kind === 'run' ? t.text.length : 1), 0);
    if (digitsTotal === n) {
      const out: Cell[] = [];
      for (const t of T) {
        if (t.kind === 'run') {
          const source = { line: t.line + 1, text: ctx.lines[t.line] ?? '' };
          for (const d of t.text) out.push({ value: Number(d), state: 'number', raw: t.text, source });
        } else out.push(tokenCell(t, ctx.lines));
      }
      return out;
    }
    if (T.length !== n) {
      note('ambiguous-run', `cells run together (${shown(T)}) cannot be split with certainty`);
      return spec.keys.map(() => missingCell());
    }
  }
  if (T.length === n) return T.map((t) => tokenCell(t, ctx.lines));
  if (T.length === 0) {
    if (!lastInText) note('row-empty', 'label found but no cells');
    return spec.keys.map(() => missingCell());
  }
  if (T.length < n) {
    // merged applicant cells printed as a few empty cells, the figures after them:
    // '(一) 予以公开→→→→→→0' — the figures belong to the last columns (总计)
    const lead = T.findIndex((t) => t.kind !== 'empty');
    if (lead > 0 && T.slice(lead).every((t) => t.kind !== 'empty') && T[0].delimited) {
      note('row-merged', `${T.length} cells for ${n} columns: merged cells, figures read into the last ${T.length - lead} columns`);
      const pad = n - T.length;
      return spec.keys.map((_, i) => (i < pad ? missingCell() : tokenCell(T[i - pad], ctx.lines)));
    }
    if (lastInText && ctx.truncated) {
      note('row-truncated', `text ends after ${T.length} of ${n} cells`);
      return spec.keys.map((_, i) => (i < T.length ? tokenCell(T[i], ctx.lines) : missingCell()));
    }
    note('row-short', `${T.length} cells for ${n} columns (${shown(T)}); which column each belongs to is not certain`);
    return spec.keys.map(() => missingCell());
  }
  note('row-long', `${T.length} cells for ${n} columns (${shown(T)})`);
  return spec.keys.map(() => missingCell());
}

/** Read every row of a table from its token stream into `cells`. */
export function readRows(stream: TokenStream, specs: readonly RowSpec[], ctx: RowContext, cells: Record<string, Cell>): RowMatch[] {
  const tokens = stream.tokens;
  const matches = locateRows(stream, specs);
  for (let m = 0; m < matches.length; m++) {
    const match = matches[m];
    if (match.spec.group) continue;
    const next = matches[m + 1];
    const to = next ? next.startTok : tokens.length;
    const vals = rowTokens(tokens, match.endTok + 1, to);
    const last = m === matches.length - 1;
    const row = assignRow(match.spec, vals, ctx, last, tokens[match.startTok].line);
    match.spec.keys.forEach((k, i) => (cells[k] = row[i]));
  }
  return matches;
}

export function patternsOf(...labels: string[]): string[] {
  return labels.map(compact);
}
