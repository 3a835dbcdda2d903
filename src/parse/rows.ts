/**
 * Stage "read tables": finding a table's rows by their printed labels in the
 * token stream and collecting the tokens each row's cells come from.
 *
 * Labels are compared in compact form, so a label broken across lines, written
 * one character per line or split by a tab still matches; a label is
 * recognised by a distinctive prefix, so truncated or mistyped tails
 * ('无正当理由由大量反复申请') still match.
 *
 * A label claims the values that follow it — except in a delimited table
 * (pipes, tabs) whose value line holds no label text: such a label was
 * detached from its row (text converted from a PDF prints it above or below
 * the numbers), and the value lines it would claim are left as *loose rows*
 * for the alignment by order (align.ts).
 */
import type { Cell, FactKey, ParseNote } from './types';
import type { Token } from './tokenise';
import { compact } from './normalise';
import type { RowCheck } from './segment';

export interface RowSpec {
  /** row id for notes, e.g. 's3.denied.secret' */
  id: string;
  /** compact label prefixes, any of which identifies the row */
  patterns: string[];
  /** the fact keys of the row's cells, in column order */
  keys: FactKey[];
  /** the row's own arithmetic (C13, C15) */
  check?: RowCheck;
  /** the cells that may be negative (2019 table 二's 本年增/减) */
  signed?: ReadonlySet<number>;
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

export interface LabelHit {
  spec: RowSpec;
  /** first and last token of the label */
  startTok: number;
  endTok: number;
}

function findLabel(stream: TokenStream, spec: RowSpec, from: number): { at: number; len: number } | null {
  let best = -1;
  let bestLen = 0;
  for (const p of spec.patterns) {
    let i = stream.compact.indexOf(p, from);
    const na = spec.notAfter;
    while (na && i >= 0 && stream.compact.slice(Math.max(0, i - na.length), i) === na) i = stream.compact.indexOf(p, i + 1);
    if (i >= 0 && (best < 0 || i < best)) {
      best = i;
      bestLen = p.length;
    }
  }
  return best < 0 ? null : { at: best, len: bestLen };
}

/**
 * Locate the rows' labels. `ordered`: the rows are printed in template order
 * (table 三), so each label is looked for after the previous one; otherwise
 * (table 二, whose blocks some reports print out of order) each label is looked
 * for in template order first and, failing that, anywhere in the table.
 * Hits come back in the order they stand in the text.
 */
export function locateLabels(stream: TokenStream, specs: readonly RowSpec[], ordered: boolean): LabelHit[] {
  const out: (LabelHit & { at: number })[] = [];
  let cursor = 0;
  const taken: [number, number][] = [];
  const free = (at: number, len: number) => taken.every(([a, b]) => at + len <= a || at >= b);
  const pending: RowSpec[] = [];
  for (const spec of specs) {
    const f = findLabel(stream, spec, cursor);
    if (!f) {
      if (!ordered) pending.push(spec);
      continue;
    }
    out.push({ spec, startTok: stream.owner[f.at], endTok: stream.owner[f.at + f.len - 1], at: f.at });
    taken.push([f.at, f.at + f.len]);
    // a group heading (2021 （六）其他处理) has no cells; where its words stand says nothing of its rows' order
    if (!spec.group) cursor = f.at + f.len;
  }
  for (const spec of pending) {
    const f = findLabel(stream, spec, 0);
    if (!f || !free(f.at, f.len)) continue;
    out.push({ spec, startTok: stream.owner[f.at], endTok: stream.owner[f.at + f.len - 1], at: f.at });
    taken.push([f.at, f.at + f.len]);
  }
  out.sort((a, b) => a.at - b.at);
  return out.map(({ spec, startTok, endTok }) => ({ spec, startTok, endTok }));
}

/** The tokens a row's cells come from, and where its label stood. */
export interface RowTokens {
  spec: RowSpec;
  tokens: Token[];
  /** 0-based line of the label */
  labelLine: number;
  /** the last row found before the text ends (a short row may be cut off) */
  lastInText: boolean;
}

/** A delimited value line no label claims: a row whose label went missing. */
export interface LooseRow {
  tokens: Token[];
  line: number;
  /** index of the label hit it follows (-1: before the first) */
  after: number;
}

export interface TableTokens {
  hits: LabelHit[];
  /** the rows whose label claimed values, by spec id */
  rows: Map<string, RowTokens>;
  /** label hits that claimed nothing (detached or empty), by spec id */
  bare: Set<string>;
  loose: LooseRow[];
}

const isValue = (t: Token) => t.kind !== 'text';

/** Value tokens of [from, to) split into blocks: a block ends at text that follows a value. */
function valueBlocks(tokens: readonly Token[], from: number, to: number): { block: Token[]; textBefore: Token[] }[] {
  const out: { block: Token[]; textBefore: Token[] }[] = [];
  let block: Token[] = [];
  let text: Token[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.kind === 'text') {
      if (block.length) {
        out.push({ block, textBefore: text });
        block = [];
        text = [];
      }
      text.push(t);
      continue;
    }
    block.push(t);
  }
  if (block.length) out.push({ block, textBefore: text });
  return out;
}

/** The delimited lines of a block, each line's tokens. */
function byLine(block: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  for (const t of block) {
    const last = out[out.length - 1];
    if (last && last[0].line === t.line) last.push(t);
    else out.push([t]);
  }
  return out;
}

const filled = (ts: readonly Token[]) => ts.some((t) => t.kind !== 'empty');

/**
 * Among a delimited table's row lines, a number printed on a line of its own
 * is not a cell of those rows (a page number, a footnote mark, a converter's
 * leftover): it is dropped.
 */
export function dropStrays<B extends { block: Token[] }>(b: B): B {
  const lines = byLine(b.block);
  if (!lines.some((l) => l.length > 1 && l[0].delimited)) return b;
  return { ...b, block: b.block.filter((t) => t.delimited) };
}

/**
 * Each label's tokens, and the loose value lines. `alignable`: the table's
 * rows may be placed by order (table 三), so delimited value lines no label
 * claims are kept as loose rows.
 */
export function collectRows(stream: TokenStream, specs: readonly RowSpec[], ordered: boolean, alignable: boolean): TableTokens {
  const tokens = stream.tokens;
  const hits = locateLabels(stream, specs, ordered);
  const rows = new Map<string, RowTokens>();
  const bare = new Set<string>();
  const loose: LooseRow[] = [];
  const addLoose = (lines: Token[][], after: number) => {
    if (!alignable) return;
    for (const l of lines) if (l.every(isValue) && l[0].delimited && filled(l)) loose.push({ tokens: l, line: l[0].line, after });
  };
  const firstFrom = 0;
  const firstTo = hits.length ? hits[0].startTok : tokens.length;
  for (const { block } of valueBlocks(tokens, firstFrom, firstTo)) addLoose(byLine(block), -1);

  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h];
    const to = h + 1 < hits.length ? hits[h + 1].startTok : tokens.length;
    const blocks = valueBlocks(tokens, hit.endTok + 1, to);
    const labelLine = tokens[hit.startTok].line;
    if (hit.spec.group) {
      for (const b of blocks) addLoose(byLine(b.block), h);
      continue;
    }
    if (!blocks.length) {
      bare.add(hit.spec.id);
      continue;
    }
    const [first, ...rest] = alignable ? blocks.map(dropStrays).filter((b) => b.block.length) : blocks;
    if (!first) {
      bare.add(hit.spec.id);
      continue;
    }
    let claimed: Token[] = first.block;
    const lines = byLine(first.block);
    // a delimited line of several cells is a table row; one cell per line (each its own line) is not
    if (alignable && first.block[0].delimited && lines[0].length > 1) {
      // the label's text (or its last words) on the first value line ties them together — not another row's label
      const onLine = first.textBefore.filter((t) => t.line === first.block[0].line);
      const otherLabel = onLine.some((t) => specs.some((o) => o !== hit.spec && !o.group && o.patterns.some((p) => compact(t.text).includes(p))));
      const labelOnLine = first.block[0].line === labelLine || (onLine.length > 0 && !otherLabel);
      if (!labelOnLine) {
        claimed = [];
        addLoose(lines, h);
      } else if (lines.length > 1) {
        claimed = lines[0];
        addLoose(lines.slice(1), h);
      }
    }
    if (alignable) for (const b of rest) if (b.block[0].delimited) addLoose(byLine(b.block), h);
    if (!claimed.length) {
      bare.add(hit.spec.id);
      continue;
    }
    rows.set(hit.spec.id, { spec: hit.spec, tokens: claimed, labelLine, lastInText: h === hits.length - 1 });
  }
  return { hits, rows, bare, loose: alignable ? loose.map((l) => withoutLabelColumns(l, hits, rows, specs.find((x) => !x.group)?.keys.length ?? 0)) : loose };
}

/**
 * A loose row keeps the empty label columns of its table ('|  |  | 0 |  | 0 |'
 * under '|  | 2.重复申请 | 0 |'): where the labelled row next to it has its
 * first figure in column k, the loose row's empty cells before column k are
 * label columns, not blank figures — as many as the row has cells too many.
 */
function withoutLabelColumns(l: LooseRow, hits: readonly LabelHit[], rows: ReadonlyMap<string, RowTokens>, width: number): LooseRow {
  if (l.tokens.length <= width) return l;
  const near = [hits[l.after], hits[l.after + 1]].map((h) => (h ? rows.get(h.spec.id)?.tokens[0] : undefined)).find((t) => t?.delimited && t.sep === l.tokens[0].sep && t.col !== undefined);
  const k = near?.col ?? 0;
  let drop = 0;
  while (l.tokens.length - drop > width && l.tokens[drop].kind === 'empty' && (l.tokens[drop].col ?? Infinity) < k) drop++;
  return drop ? { ...l, tokens: l.tokens.slice(drop) } : l;
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
  /** shared by the three tables of a report: whether runs are cut */
  runs: RunState;
}

/**
 * Whether runs are cut into several cells. Off once the report shows that
 * empty cells vanished from its runs (a run no reading fits): a run may then
 * hide a blank anywhere, and no cut is certain.
 */
export interface RunState {
  cut: boolean;
  /** the first row whose run fits no reading: the evidence that cells vanished */
  misfit?: { row: string; line: number };
}

export function missingCell(): Cell {
  return { value: null, state: 'missing', raw: '', source: null };
}

export function patternsOf(...labels: string[]): string[] {
  return labels.map(compact);
}
