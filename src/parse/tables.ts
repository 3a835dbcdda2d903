/**
 * The row specifications of tables 二, 三 and 四 for each template: which
 * printed labels identify a row and which fact keys its cells fill — all
 * derived from the template's row records in factKeys.ts.
 */
import { S2_ROWS, S3_COLS, S3_ROWS, S4_COLS, S4_GROUPS, s2Key, s3Key, s4Key, type FactKey, type S2Col, type S2Row, type Template } from './factKeys';
import { patternsOf, type RowSpec } from './rows';
import { GROUPS_OF_FIVE, SUM_LAST_7 } from './segment';

const SPECS: { [K in `${2 | 3}${Template}`]?: RowSpec[] } = {};

export function table2Specs(template: Template): RowSpec[] {
  return (SPECS[`2${template}`] ??= (S2_ROWS[template] as readonly S2Row[]).map((r): RowSpec => {
    const signed = new Set<number>();
    (r.cols as readonly string[]).forEach((c, i) => c === 'delta' && signed.add(i));
    return {
      id: `s2.${r.row}`,
      patterns: patternsOf(...r.patterns),
      keys: (r.cols as readonly S2Col[]).map((c) => s2Key(r, c)),
      ...(signed.size ? { signed } : {}),
    };
  }));
}

export function table3Specs(template: Template): RowSpec[] {
  return (SPECS[`3${template}`] ??= S3_ROWS.flatMap((r): RowSpec[] => {
    // in 2021 （六）其他处理 heads three rows of its own
    if (template === '2021' && r.row === 'other') return [{ id: 's3.other', patterns: patternsOf(...r.patterns), keys: [], group: true }];
    if (!r.templates.includes(template)) return [];
    return [
      {
        id: `s3.${r.row}`,
        patterns: patternsOf(...r.patterns),
        keys: S3_COLS.map((c) => s3Key(r.row, c.col)),
        check: SUM_LAST_7,
        ...('notAfter' in r ? { notAfter: r.notAfter } : {}),
      },
    ];
  }));
}

const S4_KEYS: FactKey[] = S4_GROUPS.flatMap((g) => S4_COLS.map((c) => s4Key(g.group, c.col)));

export function table4Spec(): RowSpec {
  return { id: 's4', patterns: [], keys: S4_KEYS, check: GROUPS_OF_FIVE };
}
