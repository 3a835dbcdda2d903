/**
 * C28: published on time. Departments of county-level and higher governments
 * publish by 31 January of the following year; the consolidated report of a
 * county-or-higher government by 31 March; townships follow local deadlines.
 * Needs the publication date from the manifest.
 */
import { defineCheck } from '../defineCheck';
import { fail, na, pass } from '../finding';
import { readLevel } from '../organLevel';

/** YYYY-MM-DD of an ISO date or date-time, or null. */
function isoDay(s: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec((s ?? '').trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

export default defineCheck({
  id: 'C28',
  group: 'E',
  title: '按时发布',
  severity: 'warning',
  scope: 'report',
  run(report, { manifest, level }) {
    const published = isoDay(manifest?.published);
    const year = report.year ?? manifest?.year ?? null;
    if (!published) return na('缺发布日期，无法判断是否按时发布');
    if (year === null) return na(`发布于 ${published}，但报告年度不详`);
    const onTime = (deadline: string, rule: string) => {
      const ok = published <= deadline;
      return (ok ? pass : fail)(`发布于 ${published}，${rule}时限为 ${deadline}${ok ? '，按时' : '，逾期'}`);
    };
    // the 2008 regulation (Art. 31): every organ by 31 March
    if (year < 2019) return onTime(`${year + 1}-03-31`, '原条例');
    const lv = readLevel(level ?? manifest?.level, report.organSimplified ?? report.organ ?? manifest?.organ);
    if (!lv) return na(`发布于 ${published}，机关层级不详，无法确定时限`);
    if (lv.kind === 'township') return na(`发布于 ${published}；乡镇按地方规定时限`);
    const how = lv.from === 'level' ? `层级“${lv.text}”` : `按机关名称推断`;
    if (lv.kind === 'department') return onTime(`${year + 1}-01-31`, `县级以上政府部门（${how}）`);
    return onTime(`${year + 1}-03-31`, `县级以上人民政府（${how}）`);
  },
});
