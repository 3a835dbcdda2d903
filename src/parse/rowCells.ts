/**
 * One row's tokens → its cells, or the readings a digit run allows. A row
 * printed cell by cell is read as printed; a row with runs comes back as its
 * readings for the table solver; anything uncertain comes back unread, with a
 * note, its cells null — never a guess.
 */
import type { Cell, CellRead, Provenance } from './types';
import type { Token } from './tokenise';
import type { RowContext, RowSpec } from './rows';
import { missingCell } from './rows';
import { rowReadings, runBody, type Reading, type SegmentLimits } from './segment';

export type RowRead =
  | { kind: 'cells'; cells: Cell[] }
  | { kind: 'readings'; tokens: Token[]; readings: Reading[] }
  | { kind: 'unread'; cells: Cell[] };

/** the tokens of a row as a short string for a note */
function shown(T: readonly Token[]): string {
  const s = T.slice(0, 16).map((t) => t.text || '∅').join(' ');
  return T.length > 16 ? `${s} …` : s;
}

function sourceOf(t: Token, lines: readonly string[]): Provenance {
  const at: Provenance = { line: t.line + 1, text: lines[t.line] ?? '' };
  if (t.delimited && t.col !== undefined) at.field = t.col;
  return at;
}

export function tokenCell(t: Token, lines: readonly string[], read: CellRead = 'printed'): Cell {
  const source = sourceOf(t, lines);
  if (t.kind === 'empty') return { value: null, state: 'blank', raw: '', source, read };
  if (t.kind === 'run') return { value: Number(runBody(t.text).body), state: 'number', raw: t.text, source, read };
  const c = t.cell!;
  const cell: Cell = { value: c.value, state: c.state, raw: c.raw, source, read };
  if (c.approximate) cell.approximate = true;
  return cell;
}

/** a space-separated integer that may be several cells run together ('7777166' for three cells) */
function spacedRun(t: Token): boolean {
  return t.kind === 'value' && !t.delimited && t.cell?.state === 'number' && /^-?\d+(?:\.\d+)?(?:万元|元)?$/.test(t.text);
}

/**
 * The cells of a reading. `ordered`: the row was placed by order. A cell cut
 * from a run is 'split'; a run that is one cell is as printed.
 */
export function cellsOfReading(tokens: readonly Token[], reading: Reading, lines: readonly string[], ordered: boolean): Cell[] {
  const count = new Map<number, number>();
  for (const f of reading.from) count.set(f, (count.get(f) ?? 0) + 1);
  return reading.values.map((v, i) => {
    const t = tokens[reading.from[i]];
    const read: CellRead = ordered ? 'ordered' : t.kind === 'run' && count.get(reading.from[i])! > 1 ? 'split' : 'printed';
    if (t.kind !== 'run') return tokenCell(t, lines, read);
    if (v === null) return { value: null, state: 'dash', raw: t.text, source: sourceOf(t, lines), read };
    return { value: v, state: 'number', raw: t.text, source: sourceOf(t, lines), read };
  });
}

/** the unit printed with a cell's figure (a run's unit belongs to its last cell) */
export function unitOf(tokens: readonly Token[], reading: Reading, cell: number): '万元' | '元' | undefined {
  const t = tokens[reading.from[cell]];
  if (t.kind === 'value') return t.cell?.unit;
  if (t.kind !== 'run') return undefined;
  const lastOfRun = cell === reading.from.length - 1 || reading.from[cell + 1] !== reading.from[cell];
  return lastOfRun ? (runBody(t.text).unit ?? undefined) : undefined;
}

export function readRow(spec: RowSpec, vals: readonly Token[], ctx: RowContext, lastInText: boolean, labelLine: number, limits: SegmentLimits): RowRead {
  const n = spec.keys.length;
  let T = vals.slice();
  if (ctx.labelPadFirst) while (T.length > n && T[0].kind === 'empty' && T[0].sep === 'tab' && T[0].line === labelLine) T.shift();
  const line = labelLine + 1;
  const note = (kind: string, message: string) => ctx.notes.push({ kind, message: `${spec.id}: ${message}`, line, stage: 'read-tables' });
  while (T.length > n && T[T.length - 1].kind === 'empty') T.pop();
  while (T.length > n && T[0].kind === 'empty') T.shift();
  const unread = (state: 'missing' | 'text' = 'missing'): RowRead => ({
    kind: 'unread',
    cells: spec.keys.map(() => (state === 'missing' || !T.length ? missingCell() : { value: null, state: 'text', raw: T[0].text, source: sourceOf(T[0], ctx.lines) })),
  });

  const cutShort = lastInText && ctx.truncated && T.length < n;
  const hasRun = T.some((t) => t.kind === 'run');
  if (hasRun || (T.length < n && !cutShort && T.some(spacedRun))) {
    // fewer tokens than cells: any space-separated number may be several cells run together
    const units = T.length < n && !cutShort ? T.map((t) => (spacedRun(t) ? { ...t, kind: 'run' as const } : t)) : T;
    const r = rowReadings(units, n, spec.check ?? null, limits, { signed: spec.signed });
    if ('overflow' in r) {
      note('ambiguous-run', `cells run together (${shown(T)}): ${r.overflow}`);
      return unread('text');
    }
    // no cut fits at all: a cell vanished from the run
    if (!r.readings.length && hasRun) ctx.runs.misfit ??= { row: spec.id, line };
    const cut = r.readings.filter((x) => x.split);
    if (cut.length && !ctx.runs.cut) {
      note('vanished-blanks', `cells run together (${shown(T)}): not cut, since this report's runs lose empty cells (${ctx.runs.misfit?.row ?? 'a row'} fits no reading)`);
      return unread('text');
    }
    if (r.readings.length) return { kind: 'readings', tokens: units, readings: r.readings };
    if (hasRun) {
      note('ambiguous-run', `cells run together (${shown(T)}): no split into ${n} cells fits the row`);
      return unread('text');
    }
  }
  if (T.length === n) return { kind: 'cells', cells: T.map((t) => tokenCell(t, ctx.lines)) };
  if (T.length === 0) {
    if (!lastInText) note('row-empty', 'label found but no cells');
    return unread();
  }
  if (T.length < n) {
    // merged applicant cells printed as a few empty cells, the figures after them:
    // '(一) 予以公开→→→→→→0' — the figures belong to the last columns (总计); table 三 only
    const lead = T.findIndex((t) => t.kind !== 'empty');
    if (n === 7 && lead > 0 && T.slice(lead).every((t) => t.kind !== 'empty') && T[0].delimited) {
      note('row-merged', `${T.length} cells for ${n} columns: merged cells, figures read into the last ${T.length - lead} columns`);
      const pad = n - T.length;
      return { kind: 'cells', cells: spec.keys.map((_, i) => (i < pad ? missingCell() : tokenCell(T[i - pad], ctx.lines))) };
    }
    if (cutShort) {
      note('row-truncated', `text ends after ${T.length} of ${n} cells`);
      return { kind: 'cells', cells: spec.keys.map((_, i) => (i < T.length ? tokenCell(T[i], ctx.lines) : missingCell())) };
    }
    note('row-short', `${T.length} cells for ${n} columns (${shown(T)}); which column each belongs to is not certain`);
    return unread();
  }
  note('row-long', `${T.length} cells for ${n} columns (${shown(T)})`);
  return unread();
}
