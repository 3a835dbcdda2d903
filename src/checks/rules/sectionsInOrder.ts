/** C01: all six sections present and in order. */
import { defineCheck } from '../defineCheck';
import { fail, na, pass } from '../finding';
import { cutNote, NUMERALS, textEndsIn } from '../truncation';

export default defineCheck({
  id: 'C01',
  group: 'A',
  title: '六个部分齐全且顺序正确',
  severity: 'error',
  scope: 'report',
  run(report) {
    if (report.year !== null && report.year < 2019) {
      return { ...na(`${report.year} 年报告早于 2019 年模板，无统一的六部分格式`), severity: 'warning' };
    }
    const present = new Set(report.sections.map((s) => s.index));
    const cut = textEndsIn(report);
    const all = [1, 2, 3, 4, 5, 6].filter((i) => !present.has(i));
    // sections after the cut may well be in the report
    const missing = cut === null ? all : all.filter((i) => i < cut);
    const unseen = cut === null ? [] : all.filter((i) => i > cut);
    const ordered = [...report.sections].sort((a, b) => a.startLine - b.startLine).map((s) => s.index);
    const problems: string[] = [];
    if (missing.length) problems.push(`缺第${missing.map((i) => NUMERALS[i]).join('、')}部分`);
    for (let i = 1; i < ordered.length; i++) {
      if (ordered[i] < ordered[i - 1]) problems.push(`第${NUMERALS[ordered[i]]}部分出现在第${NUMERALS[ordered[i - 1]]}部分之后`);
    }
    // a missing table section (二, 三, 四) is an error; any other gap or disorder a warning
    if (problems.length) return { ...fail(problems.join('；')), severity: missing.some((i) => i >= 2 && i <= 4) ? 'error' : 'warning' };
    if (unseen.length) return na(`${cutNote(cut!)}，未见第${unseen.map((i) => NUMERALS[i]).join('、')}部分，无法判断`);
    return pass('六个部分齐全，顺序正确');
  },
});
