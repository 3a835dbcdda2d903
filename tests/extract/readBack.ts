/**
 * Reads the facts back out of extracted text by grid position alone — the row found
 * by its label, the value by its field index — so a test proves every number kept
 * its row and its column (no parser heuristics in between).
 */
import { S2_ROWS_2019, S2_ROWS_2021, S3_COLS, S3_ROWS, S4_COLS, S4_GROUPS, type Template } from '../../src/parse/factKeys.ts';

const value = (s: string | undefined): number | null | undefined => {
  if (s === undefined) return undefined;
  if (s === '' || s === '—') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
};

export interface ReadBack {
  facts: Record<string, number | null | undefined>;
  /** the line (fields) each fact was read from */
  lineOf: Record<string, number>;
}

/**
 * `width`: the grid width of table 三 rows (10 for a ruled table: three label
 * columns and seven numbers). Table 二 rows: label then values in order.
 */
export function readBack(text: string, template: Template, s3Width = 10): ReadBack {
  const rows = text.split('\n').map((l) => l.split('\t'));
  const facts: ReadBack['facts'] = {};
  const lineOf: ReadBack['lineOf'] = {};
  const find = (label: string, from = 0) => {
    for (let i = from; i < rows.length; i++) {
      const at = rows[i].indexOf(label);
      if (at >= 0) return { i, at };
    }
    return null;
  };
  const t3 = find('一、本年新收政府信息公开申请数量')?.i ?? 0;
  for (const r of template === '2019' ? S2_ROWS_2019 : S2_ROWS_2021) {
    const hit = find(r.label);
    if (!hit || hit.i > t3) continue;
    r.cols.forEach((col, k) => {
      facts[`s2.${r.row}.${col}`] = value(rows[hit.i][hit.at + 1 + k]);
      lineOf[`s2.${r.row}.${col}`] = hit.i;
    });
  }
  for (const r of S3_ROWS.filter((x) => x.templates.includes(template))) {
    const hit = find(r.label, t3);
    if (!hit || rows[hit.i].length !== s3Width) continue;
    S3_COLS.forEach((col, k) => {
      facts[`s3.${r.row}.${col.col}`] = value(rows[hit.i][s3Width - 7 + k]);
      lineOf[`s3.${r.row}.${col.col}`] = hit.i;
    });
  }
  const head = find('复议后起诉', t3);
  if (head) {
    const i = rows.findIndex((f, n) => n > head.i && f.length === 15 && f.every((x) => value(x) !== undefined));
    if (i >= 0) {
      S4_GROUPS.forEach((g, gi) =>
        S4_COLS.forEach((col, k) => {
          facts[`s4.${g.group}.${col.col}`] = value(rows[i][gi * 5 + k]);
          lineOf[`s4.${g.group}.${col.col}`] = i;
        }),
      );
    }
  }
  const s1 = /主动公开政府信息(\d+)条/.exec(text);
  facts['s1.proactive_total'] = s1 ? Number(s1[1]) : null;
  return { facts, lineOf };
}
