/** C05: table 四 has its 15 values (three groups × 维持, 纠正, 其他, 尚未审结, 总计). */
import { S4_COLS, S4_GROUPS, s4Key } from '../../parse/factKeys';
import { defineCheck } from '../defineCheck';
import { absent, fail, na, NO_TEMPLATE, pass } from '../finding';
import { cutNote, textEndsIn } from '../truncation';

export default defineCheck({
  id: 'C05',
  group: 'A',
  title: '表四完整（15项）',
  severity: 'error',
  scope: 'report',
  run(report) {
    if (report.template === null) return na(NO_TEMPLATE);
    const keys = S4_GROUPS.flatMap((g) => S4_COLS.map((c) => s4Key(g.group, c.col)));
    const gone = keys.filter((k) => absent(report, k));
    const cut = textEndsIn(report);
    if (gone.length && cut !== null && cut <= 4) return na(`${cutNote(cut)}，表四缺 ${gone.length} 项，无法判断`, gone);
    if (gone.length) return fail(`表四应有 15 项，缺 ${gone.length} 项`, gone);
    return pass('表四 15 项齐全');
  },
});
