/**
 * Stages "read tables", "align rows" and "solve tables" for the three
 * template tables: rows found by label (rows.ts), loose rows placed by order
 * (align.ts, table 三), runs cut into every reading the row allows
 * (segment.ts), and the reading kept only when it is the only one the
 * table's identities leave (solve.ts).
 */
import type { Cell, CellRead, FactCells } from './types';
import type { Template } from './factKeys';
import { S3_ROWS } from './factKeys';
import { alignByOrder } from './align';
import { collectRows, dropStrays, missingCell, type RowContext, type RowSpec, type TokenStream } from './rows';
import { cellsOfReading, readRow, unitOf, type RowRead } from './rowCells';
import type { ParserSettings } from './settings';
import { solveTable, type Identity, type RowOptions } from './solve';
import { table2Specs, table3Specs, table4Spec } from './tables';
import type { Token } from './tokenise';

export interface TableRead {
  /** the unit printed with an amount cell's figure, by fact key */
  units: Map<string, '万元' | '元'>;
}

function note(ctx: RowContext, kind: string, message: string, stage: 'read-tables' | 'align-rows' | 'solve-tables', line?: number): void {
  ctx.notes.push({ kind, message, line, stage });
}

function withRead(cells: Cell[], read: CellRead): Cell[] {
  return cells.map((c) => (c.state === 'missing' ? c : { ...c, read }));
}

/**
 * A row's readings as the identities weigh them: a dash counts as 0 (as the
 * template's arithmetic reads it); a blank (maybe a figure left unfilled) or a
 * cell not in the text is unknown, and keeps its column out of the sums.
 */
function valuesOf(read: RowRead): (number | null)[][] | null {
  if (read.kind === 'cells') return [read.cells.map((c) => (c.state === 'dash' ? 0 : c.value))];
  if (read.kind === 'readings') return read.readings.map((r) => r.values.map((v, i) => (v === null && read.tokens[r.from[i]].kind !== 'empty' ? 0 : v)));
  return null;
}

/** the cells of a row from its decided reading (or null cells when none was decided) */
function decided(read: RowRead, reading: number | null, ctx: RowContext, ordered: boolean, spec: RowSpec): Cell[] {
  if (reading === null) return read.kind === 'unread' ? read.cells : spec.keys.map(() => missingCell());
  if (read.kind === 'cells') return ordered ? withRead(read.cells, 'ordered') : read.cells;
  if (read.kind === 'readings') return cellsOfReading(read.tokens, read.readings[reading], ctx.lines, ordered);
  return read.cells;
}

function store(spec: RowSpec, row: Cell[], cells: FactCells): void {
  spec.keys.forEach((k, i) => (cells[k] = row[i]));
}

/** The identities table 三 prints: C14 (results add up to 总计) and C12 (the carry balance), per column. */
function table3Identities(template: Template): Identity[] {
  const leaves = S3_ROWS.filter((r) => r.leaf && r.templates.includes(template)).map((r) => `s3.${r.row}`);
  return [
    { name: 'C14', plus: leaves, minus: ['s3.total'] },
    { name: 'C12', plus: ['s3.new', 's3.carried_over'], minus: ['s3.total', 's3.carried_forward'] },
  ];
}

export function readTable3(stream: TokenStream, template: Template, ctx: RowContext, settings: ParserSettings, cells: FactCells): void {
  const specs = table3Specs(template);
  const table = collectRows(stream, specs, true, true);
  const reads = new Map<string, { spec: RowSpec; read: RowRead; ordered: boolean; line: number }>();
  for (const [id, rt] of table.rows) reads.set(id, { spec: rt.spec, read: readRow(rt.spec, rt.tokens, ctx, rt.lastInText, rt.labelLine, settings), ordered: false, line: rt.labelLine + 1 });
  const alignment = alignByOrder(table, specs);
  for (const why of alignment.unplaced) note(ctx, 'rows-unaligned', why, 'align-rows');
  for (const p of alignment.placed) {
    reads.set(p.spec.id, { spec: p.spec, read: readRow(p.spec, p.row.tokens, ctx, false, p.row.line, settings), ordered: true, line: p.row.line + 1 });
  }
  if (alignment.placed.length) note(ctx, 'rows-by-order', `${alignment.placed.length} rows without their label placed by the template's order: ${alignment.placed.map((p) => p.spec.id).join(', ')}`, 'align-rows');

  const options = new Map<string, RowOptions>();
  for (const spec of specs) {
    if (spec.group) continue;
    const r = reads.get(spec.id);
    options.set(spec.id, { readings: r ? valuesOf(r.read) : null, ordered: r?.ordered ?? false });
  }
  const solution = solveTable(options, table3Identities(template), 7, settings);
  const cutRows = [...reads.values()].filter((r) => r.read.kind === 'readings' && r.read.readings.some((x) => x.split));
  if (solution.broken.length && cutRows.length) ctx.runs.misfit ??= { row: `${solution.broken.join('/')}`, line: cutRows[0].line };
  for (const b of solution.broken) note(ctx, 'identity-broken', `${b}: the printed figures do not satisfy it whatever the reading; not used to split runs`, 'solve-tables');
  for (const o of solution.overflowed) note(ctx, 'identity-overflow', `${o}: too many combinations to weigh; not used`, 'solve-tables');
  for (const [id, r] of reads) {
    const outcome = solution.rows.get(id) ?? { reading: null, confirmedBy: [] };
    const row = decided(r.read, outcome.reading, ctx, r.ordered, r.spec);
    if (outcome.reading === null && outcome.reason) note(ctx, r.ordered ? 'row-unconfirmed' : 'ambiguous-run', `${id}: ${outcome.reason}`, 'solve-tables', r.line);
    else if (outcome.confirmedBy.length && r.read.kind === 'readings' && r.read.readings.length > 1) {
      note(ctx, 'run-split', `${id}: of ${r.read.readings.length} ways to split the run, one satisfies ${outcome.confirmedBy.join(' and ')}`, 'solve-tables', r.line);
    }
    store(r.spec, row, cells);
  }
}

/** 2019 政府集中采购: no projects, no money — a reading with 0 projects and an amount is not a reading. */
function procurementFits(values: (number | null)[]): boolean {
  const [count, amount] = values;
  return !(count === 0 && amount !== null && amount !== 0);
}

export function readTable2(stream: TokenStream, template: Template, ctx: RowContext, settings: ParserSettings, cells: FactCells): TableRead {
  const units = new Map<string, '万元' | '元'>();
  const table = collectRows(stream, table2Specs(template), false, false);
  for (const [id, rt] of table.rows) {
    const read = readRow(rt.spec, rt.tokens, ctx, rt.lastInText, rt.labelLine, settings);
    let row: Cell[];
    if (read.kind === 'readings') {
      const fits = id === 's2.procurement' ? read.readings.filter((r) => procurementFits(r.values)) : read.readings;
      if (fits.length === 1) {
        row = cellsOfReading(read.tokens, fits[0], ctx.lines, false);
        rt.spec.keys.forEach((k, i) => {
          const u = unitOf(read.tokens, fits[0], i);
          if (u) units.set(k, u);
        });
      } else {
        note(ctx, 'ambiguous-run', `${id}: cells run together ('${read.tokens.map((t) => t.text).join(' ')}') split ${fits.length} ways; no identity of table 二 decides`, 'solve-tables', rt.labelLine + 1);
        row = rt.spec.keys.map(() => ({ value: null, state: 'text', raw: read.tokens.map((t) => t.text).join(' '), source: { line: read.tokens[0].line + 1, text: ctx.lines[read.tokens[0].line] ?? '' } }));
      }
    } else {
      row = read.cells;
      if (read.kind === 'cells') {
        rt.tokens.forEach((t, i) => {
          if (t.kind === 'value' && t.cell?.unit && i < rt.spec.keys.length) units.set(rt.spec.keys[i], t.cell.unit);
        });
      }
    }
    store(rt.spec, row, cells);
  }
  return { units };
}

/** Table 四: fifteen numbers in one row (or three rows of five) under a header of text. */
export function readTable4(tokens: readonly Token[], ctx: RowContext, settings: ParserSettings, cells: FactCells): void {
  const spec = table4Spec();
  // empty cells on a header line are the header's merged cells, not blank figures
  const textLines = new Set<number>();
  for (const t of tokens) if (t.kind === 'text') textLines.add(t.line);
  const vals: Token[] = [];
  let started = false;
  for (const t of tokens) {
    if (t.kind === 'text') {
      // prose after the numbers (a missing 五 heading), any text after a delimited row (the table ended),
      // or any text once all fifteen are in: stop
      if (started && (t.text.length > 15 || /[。；]/.test(t.text) || (vals.every((v) => v.delimited) && vals.length >= spec.keys.length) || vals.filter((v) => v.kind !== 'empty').length >= spec.keys.length)) break;
      continue;
    }
    if (t.kind === 'empty' && textLines.has(t.line)) continue;
    if (t.kind !== 'empty') started = true;
    vals.push(t);
  }
  if (!vals.length) return;
  // empty cells above the figures, separated from them by a blank line, are the header's (one cell per line)
  const first = vals.findIndex((t) => t.kind !== 'empty');
  let start = first;
  while (start > 0 && vals[start - 1].kind === 'empty' && vals[start].line - vals[start - 1].line <= 1) start--;
  if (vals.length - start >= spec.keys.length) vals.splice(0, start);
  const read = readRow(spec, dropStrays({ block: vals }).block, ctx, true, vals[0].line, settings);
  let row: Cell[];
  if (read.kind === 'readings') {
    if (read.readings.length === 1) row = cellsOfReading(read.tokens, read.readings[0], ctx.lines, false);
    else {
      note(ctx, 'ambiguous-run', `s4: cells run together split ${read.readings.length} ways that each satisfy C15`, 'solve-tables', vals[0].line + 1);
      row = spec.keys.map(() => missingCell());
    }
  } else row = read.cells;
  store(spec, row, cells);
}
