/**
 * C23: prose nearly identical to another organ's report of the same year.
 * MinHash + LSH per year and section: each report meets only the few reports
 * sharing a band with it, so 200,000 reports a year cost about linear time.
 * Candidates are confirmed with the exact shingle Jaccard.
 */
import { COPY_THRESHOLD, proseFor } from './crossYear';
import { type CheckFinding, finding, fold, type FindingPart } from './finding';
import type { GroupedItem } from './organGroups';
import { estimateJaccard, formatSimilarity, jaccard, LshIndex, minhash, shingles } from './similarity';

/** Candidates whose estimated similarity is below this are not verified. */
const ESTIMATE_FLOOR = 0.6;
/** At most this many candidates are verified exactly per report and section. */
const VERIFY_LIMIT = 8;

interface Entry {
  item: GroupedItem;
  sig: Uint32Array;
}

function bestMatches(items: readonly GroupedItem[], which: 1 | 5): Map<string, { other: GroupedItem; sim: number } | null> {
  const result = new Map<string, { other: GroupedItem; sim: number } | null>();
  const byYear = new Map<number, Entry[]>();
  for (const item of items) {
    const year = item.report.year;
    const text = proseFor(item.report, which);
    if (year === null || !text) continue;
    const e = { item, sig: minhash(shingles(text)) };
    const list = byYear.get(year);
    if (list) list.push(e);
    else byYear.set(year, [e]);
  }
  for (const entries of byYear.values()) {
    const index = new LshIndex<Entry>();
    for (const e of entries) index.add(e.sig, e);
    for (const e of entries) {
      const sameOrgan = (o: Entry) => o === e || (e.item.organ >= 0 && o.item.organ === e.item.organ);
      const ranked = [...index.candidates(e.sig)]
        .filter((o) => !sameOrgan(o))
        .map((o) => ({ o, est: estimateJaccard(e.sig, o.sig) }))
        .filter((x) => x.est >= ESTIMATE_FLOOR)
        .sort((a, b) => b.est - a.est)
        .slice(0, VERIFY_LIMIT);
      let best: { other: GroupedItem; sim: number } | null = null;
      if (ranked.length) {
        const mine = shingles(proseFor(e.item.report, which)!);
        for (const { o } of ranked) {
          const sim = jaccard(mine, shingles(proseFor(o.item.report, which)!));
          if (!best || sim > best.sim) best = { other: o.item, sim };
        }
      }
      result.set(e.item.id, best);
    }
  }
  return result;
}

function organName(g: GroupedItem): string {
  return g.report.organ ?? g.report.organSimplified ?? g.manifest?.organ ?? g.id;
}

export function copiedAcrossOrgansFindings(items: readonly GroupedItem[]): Map<string, CheckFinding> {
  const s5 = bestMatches(items, 5);
  const s1 = bestMatches(items, 1);
  const out = new Map<string, CheckFinding>();
  for (const g of items) {
    if (g.report.year === null) {
      out.set(g.id, finding('C23', 'na', 'info', '报告年度不详，无法与同年报告比较'));
      continue;
    }
    const parts: FindingPart[] = ([[5, s5], [1, s1]] as const).map(([which, map]) => {
      const name = which === 5 ? '第五部分' : '第一部分';
      if (!map.has(g.id)) return { label: name, status: 'na', evidence: `${name}文字缺失或过短`, keys: [] };
      const best = map.get(g.id);
      if (!best || best.sim < COPY_THRESHOLD) {
        const near = best ? `，最接近的是${organName(best.other)}（${formatSimilarity(best.sim)}）` : '';
        return { label: name, status: 'pass', evidence: `${name}未见与同年其他机关雷同${near}`, keys: [] };
      }
      return {
        label: name,
        status: 'fail',
        evidence: `${name}与${organName(best.other)}（${g.report.year} 年）相似度 ${formatSimilarity(best.sim)}`,
        keys: [],
      };
    });
    out.set(g.id, fold('C23', 'info', parts, 'lenient', (p) => p.map((x) => x.evidence).join('；')));
  }
  return out;
}
