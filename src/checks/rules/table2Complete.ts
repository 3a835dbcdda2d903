/** C06: table 二 has its 22 cells (2019 template) / 10 cells (2021 template). */
import { S2_ROWS_2019, S2_ROWS_2021, s2Key } from '../../parse/factKeys';
import { defineCheck } from '../defineCheck';
import { absent, fail, na, NO_TEMPLATE, pass } from '../finding';
import { cutNote, textEndsIn } from '../truncation';

export default defineCheck({
  id: 'C06',
  group: 'A',
  title: '表二完整',
  severity: 'error',
  scope: 'report',
  run(report) {
    if (report.template === null) return na(NO_TEMPLATE);
    const rows = report.template === '2019' ? S2_ROWS_2019 : S2_ROWS_2021;
    const keys = rows.flatMap((r) => r.cols.map((c) => s2Key(r, c)));
    const gone = keys.filter((k) => absent(report, k));
    const cut = textEndsIn(report);
    if (gone.length && cut !== null && cut <= 2) return na(`${cutNote(cut)}，表二缺 ${gone.length} 格，无法判断`, gone);
    if (gone.length) {
      const rowsHit = [...new Set(rows.filter((r) => r.cols.some((c) => gone.includes(s2Key(r, c)))).map((r) => r.label))];
      return fail(`表二应有 ${keys.length} 格，缺 ${gone.length} 格（${rowsHit.join('、')}）`, gone);
    }
    return pass(`表二 ${keys.length} 格齐全`);
  },
});
