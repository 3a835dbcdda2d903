/** C23: section 五 or 一 nearly identical to another organ's report of the same year. */
import { COPY_THRESHOLD, SECTION_NAME } from '../copiedProse';
import { defineCheck } from '../defineCheck';
import { type FindingPart, fold, na, type Verdict } from '../finding';
import type { GroupedItem } from '../organGroups';
import { sameYearMatches } from '../sameYearMatches';
import { formatSimilarity } from '../similarity';

function organName(g: GroupedItem): string {
  return g.report.organ ?? g.report.organSimplified ?? g.manifest?.organ ?? g.id;
}

export default defineCheck({
  id: 'C23',
  group: 'C',
  title: '文字与同年其他机关雷同',
  severity: 'info',
  scope: 'collection',
  run(items) {
    const matches = { 5: sameYearMatches(items, 5), 1: sameYearMatches(items, 1) };
    const out = new Map<string, Verdict>();
    for (const g of items) {
      if (g.report.year === null) {
        out.set(g.id, na('报告年度不详，无法与同年报告比较'));
        continue;
      }
      const parts: FindingPart[] = ([5, 1] as const).map((which) => {
        const name = SECTION_NAME[which];
        const map = matches[which];
        if (!map.has(g.id)) return { label: name, status: 'na', evidence: `${name}文字缺失或过短`, keys: [] };
        const best = map.get(g.id);
        if (!best || best.sim < COPY_THRESHOLD) {
          const near = best ? `，最接近的是${organName(best.other)}（${formatSimilarity(best.sim)}）` : '';
          return { label: name, status: 'pass', evidence: `${name}未见与同年其他机关雷同${near}`, keys: [] };
        }
        const evidence = `${name}与${organName(best.other)}（${g.report.year} 年）相似度 ${formatSimilarity(best.sim)}`;
        return { label: name, status: 'fail', evidence, keys: [] };
      });
      out.set(g.id, fold(parts, 'lenient', (p) => p.map((x) => x.evidence).join('；')));
    }
    return out;
  },
});
