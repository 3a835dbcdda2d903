/** The cells of tables 二, 三 and 四 as the arithmetic checks (C12–C17) walk and name them. */
import { S2_COL_LABELS, S2_ROWS, S2_ROWS_2019, S2_ROWS_2021, S3_COLS, S3_ROWS, S4_COLS, S4_GROUPS, s2Key, s3Key, s4Key, type FactKey, type S3Col, type S3RowId } from '../parse/factKeys';
import type { Template } from '../parse/types';

/** The six applicant columns of table 三 (every column but 总计). */
export const APPLICANTS = S3_COLS.filter((c) => c.col !== 'total');

export const k3 = (row: S3RowId, col: S3Col) => s3Key(row, col);

/** The rows of table 三 in this template. */
export function rowsOf(template: Template) {
  return S3_ROWS.filter((r) => r.templates.includes(template));
}

/** A row of table 三 named short, for evidence: 新收, 不予公开（三）法律行政法规禁止公开 … */
export function rowName(row: string): string {
  const r = S3_ROWS.find((x) => x.row === row);
  if (!r) return row;
  if ('short' in r) return r.short;
  return r.group && !r.group.startsWith('三、') ? `${r.group}${r.label.replace(/（区分处理的.*$/, '')}` : r.label.replace(/（区分处理的.*$/, '');
}

const keysOf = new Map<Template, readonly FactKey[]>();

/** Every cell key of the template's three tables: 二, then 三, then 四 (one frozen list a template, made once). */
export function templateKeys(template: Template): readonly FactKey[] {
  let keys = keysOf.get(template);
  if (!keys) keysOf.set(template, (keys = Object.freeze(listTemplateKeys(template))));
  return keys;
}

function listTemplateKeys(template: Template): FactKey[] {
  const s2 = (S2_ROWS[template] as readonly (typeof S2_ROWS_2019)[number][]).flatMap((r) => r.cols.map((c) => s2Key(r, c)));
  const s3 = rowsOf(template).flatMap((r) => S3_COLS.map((c) => k3(r.row, c.col)));
  const s4 = S4_GROUPS.flatMap((g) => S4_COLS.map((c) => s4Key(g.group, c.col)));
  return [...s2, ...s3, ...s4];
}

const names = new Map<string, string>();

/** A cell named as row · column: 新收 · 自然人, 行政复议 · 维持, 行政许可 · 上一年项目数量 (each name made once). */
export function cellName(key: string): string {
  let name = names.get(key);
  if (name === undefined) names.set(key, (name = nameCell(key)));
  return name;
}

function nameCell(key: string): string {
  if (key.startsWith('s3.')) {
    const parts = key.split('.');
    const col = parts.pop()!;
    const row = parts.slice(1).join('.');
    return `${rowName(row)} · ${S3_COLS.find((c) => c.col === col)?.label ?? col}`;
  }
  if (key.startsWith('s4.')) {
    const [, g, c] = key.split('.');
    return `${S4_GROUPS.find((x) => x.group === g)?.label ?? g} · ${S4_COLS.find((x) => x.col === c)?.label ?? c}`;
  }
  if (key.startsWith('s2.')) {
    const [, row, col] = key.split('.');
    const r = [...S2_ROWS_2019, ...S2_ROWS_2021].find((x) => x.row === row);
    return `${r?.label ?? row} · ${S2_COL_LABELS[col] ?? col}`;
  }
  return key;
}
