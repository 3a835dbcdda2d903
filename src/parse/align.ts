/**
 * Stage "align rows by order": table 三's rows come in the template's fixed
 * order, so a value line whose label went missing (detached by a PDF
 * converter, or never printed) belongs to the template row its position
 * gives. Labels that claimed their values anchor the alignment; the loose
 * lines between two anchors fill the rows between them, in order, only when
 * their counts are equal. The arithmetic must still confirm the placement
 * (solve.ts) before any of these values is given.
 */
import type { LooseRow, RowSpec, TableTokens } from './rows';

export interface Placement {
  spec: RowSpec;
  row: LooseRow;
}

export interface Alignment {
  placed: Placement[];
  /** why loose lines were left unplaced */
  unplaced: string[];
}

/** a line with fewer than half a row's cells filled is a stray number (a page number, a footnote mark), not a row */
function wideEnough(r: LooseRow, width: number): boolean {
  return r.tokens.filter((t) => t.kind !== 'empty').length * 2 >= width;
}

export function alignByOrder(table: TableTokens, specs: readonly RowSpec[]): Alignment {
  const placed: Placement[] = [];
  const unplaced: string[] = [];
  if (!table.loose.length) return { placed, unplaced };
  const rowsOnly = specs.filter((s) => !s.group);
  const width = rowsOnly[0]?.keys.length ?? 0;
  const index = new Map(rowsOnly.map((s, i) => [s.id, i]));
  // anchors: hits whose label claimed values, in text order (also template order: table 三 is located in order)
  const anchors: { hit: number; at: number }[] = [];
  table.hits.forEach((h, i) => {
    if (table.rows.has(h.spec.id)) anchors.push({ hit: i, at: index.get(h.spec.id)! });
  });
  // the gaps: before the first anchor, between anchors, after the last
  const bounds = [{ hit: -1, at: -1 }, ...anchors, { hit: Number.MAX_SAFE_INTEGER, at: rowsOnly.length }];
  for (let g = 0; g + 1 < bounds.length; g++) {
    const lo = bounds[g];
    const hi = bounds[g + 1];
    const lines = table.loose.filter((r) => r.after >= lo.hit && r.after < hi.hit && wideEnough(r, width));
    if (!lines.length) continue;
    const slots = rowsOnly.slice(lo.at + 1, hi.at).filter((s) => !table.rows.has(s.id));
    const between = `${lo.at >= 0 ? rowsOnly[lo.at].id : '表头'} 与 ${hi.at < rowsOnly.length ? rowsOnly[hi.at].id : '表尾'} 之间`;
    if (lines.length !== slots.length) {
      unplaced.push(`${between}：${lines.length} 行无标签的数字，模板在此有 ${slots.length} 行，无法按顺序对应`);
      continue;
    }
    lines.forEach((row, i) => placed.push({ spec: slots[i], row }));
  }
  return { placed, unplaced };
}
