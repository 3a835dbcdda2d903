/**
 * C04: table 三 has every row of its template (23 rows in 2019, 25 in 2021, × 7
 * columns). A row whose applicant cells are left unfilled (only 总计 printed)
 * is there: it passes, noted; C13 then cannot assess it.
 */
import { S3_COLS, S3_ROWS, s3Key } from '../../parse/factKeys';
import { defineCheck } from '../defineCheck';
import { absent, fail, na, NO_TEMPLATE, pass } from '../finding';
import { cutNote, textEndsIn } from '../truncation';

export default defineCheck({
  id: 'C04',
  group: 'A',
  title: '表三完整',
  severity: 'error',
  scope: 'report',
  run(report) {
    if (report.template === null) return na(NO_TEMPLATE);
    const cut = textEndsIn(report);
    const rows = S3_ROWS.filter((r) => r.templates.includes(report.template!));
    const wholeRows: string[] = [];
    const partRows: string[] = [];
    const keys: string[] = [];
    for (const r of rows) {
      const rowKeys = S3_COLS.map((c) => s3Key(r.row, c.col));
      const gone = rowKeys.filter((k) => absent(report, k));
      const name = r.group && !r.group.startsWith('三、') ? `${r.group}${r.label}` : r.label;
      if (gone.length === rowKeys.length) wholeRows.push(name);
      else if (gone.length) partRows.push(`${name}缺 ${gone.length} 列`);
      keys.push(...gone);
    }
    const expected = `${rows.length} 行 × 7 列`;
    const partial = partRows.length ? `；${partRows.slice(0, 3).join('、')}${partRows.length > 3 ? ' 等' : ''}（行在，个别格未填）` : '';
    if (wholeRows.length && cut !== null && cut <= 3) return na(`${cutNote(cut)}，表三缺 ${wholeRows.length} 行，无法判断`, keys);
    if (wholeRows.length) {
      const shown = wholeRows.slice(0, 4).join('、') + (wholeRows.length > 4 ? ' 等' : '');
      return fail(`表三应有 ${expected}，缺 ${wholeRows.length} 行：${shown}${partial}`, keys);
    }
    return pass(`表三 ${rows.length} 行齐全${partial}`, keys);
  },
});
