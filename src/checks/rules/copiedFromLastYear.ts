/** C22: section 五 (and 一) nearly identical to the organ's previous report (copied text). */
import { COPY_THRESHOLD, MIN_SIMILARITY_CHARS, proseFor, SECTION_NAME } from '../copiedProse';
import { defineCheck } from '../defineCheck';
import { type FindingPart, fold } from '../finding';
import { compactText } from '../sectionText';
import { formatSimilarity, textSimilarity } from '../similarity';

export default defineCheck({
  id: 'C22',
  group: 'C',
  title: '文字与上年报告雷同',
  severity: 'warning',
  scope: 'crossYear',
  against: 'latestEarlier',
  run(report, earlier) {
    const parts: FindingPart[] = ([5, 1] as const).map((which) => {
      const name = SECTION_NAME[which];
      const a = proseFor(report, which);
      const b = proseFor(earlier, which);
      if (!a || !b) return { label: name, status: 'na', evidence: `${name}：${!a ? '本年' : '上年'}文字缺失或过短（少于 ${MIN_SIMILARITY_CHARS} 字）`, keys: [] };
      const sim = textSimilarity(a, b);
      const identical = compactText(a) === compactText(b) ? '（完全相同）' : '';
      return { label: name, status: sim >= COPY_THRESHOLD ? 'fail' : 'pass', evidence: `${name}与上年相似度 ${formatSimilarity(sim)}${identical}`, keys: [] };
    });
    const v = fold(parts, 'lenient', (p) => p.map((x) => x.evidence).join('；'));
    // a failure quotes both sections' similarity, not only the copied one's
    if (v.status === 'fail') v.evidence = parts.filter((p) => p.status !== 'na').map((p) => p.evidence).join('；');
    return v;
  },
});
