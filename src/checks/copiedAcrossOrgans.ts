/**
 * C23: prose nearly identical to another organ's report of the same year.
 * MinHash + LSH per year and section: each report meets only the few reports
 * sharing a band with it, so 200,000 reports a year cost about linear time.
 * Candidates are confirmed with the exact shingle Jaccard.
 */
import { COPY_THRESHOLD, proseFor } from './crossYear';
import { type CheckFinding, finding, fold, type FindingPart } from './finding';
import type { GroupedItem } from './organGroups';
import { estimateJaccard, formatSimilarity, jaccardSorted, LshIndex, minhash, shingleArray } from './similarity';

/** Candidates whose estimated similarity is below this are not verified. */
const ESTIMATE_FLOOR = 0.6;
/** At most this many candidates are verified exactly per report and section. */
const VERIFY_LIMIT = 8;

interface Entry {
  item: GroupedItem;
  sig: Uint32Array;
  /** the text's sorted shingles (held only while its year is compared) */
  shingles: Uint32Array;
  /** the last query that met this entry (a candidate found in several bands counts once) */
  seen: number;
}

interface Ranked {
  o: Entry;
  est: number;
}

function bestMatches(items: readonly GroupedItem[], which: 1 | 5): Map<string, { other: GroupedItem; sim: number } | null> {
  const result = new Map<string, { other: GroupedItem; sim: number } | null>();
  const byYear = new Map<number, { item: GroupedItem; text: string }[]>();
  for (const item of items) {
    const year = item.report.year;
    const text = proseFor(item.report, which);
    if (year === null || !text) continue;
    const list = byYear.get(year);
    if (list) list.push({ item, text });
    else byYear.set(year, [{ item, text }]);
  }
  for (const texts of byYear.values()) {
    // each text's shingles once, for its year only: they give the signature and the exact Jaccard
    const entries: Entry[] = texts.map(({ item, text }) => {
      const shingles = shingleArray(text);
      return { item, sig: minhash(shingles), shingles, seen: 0 };
    });
    const index = new LshIndex<Entry>();
    const keys = entries.map((e) => index.keys(e.sig));
    entries.forEach((e, i) => index.add(keys[i], e));
    let query = 0;
    entries.forEach((e, i) => {
      query++;
      // the VERIFY_LIMIT best estimates, ties in the order met (a stable sort's order), kept as they come
      const ranked: Ranked[] = [];
      index.visit(keys[i], (o) => {
        if (o.seen === query) return;
        o.seen = query;
        if (o === e || (e.item.organ >= 0 && o.item.organ === e.item.organ)) return;
        const est = estimateJaccard(e.sig, o.sig);
        if (est < ESTIMATE_FLOOR) return;
        if (ranked.length === VERIFY_LIMIT && est <= ranked[VERIFY_LIMIT - 1].est) return;
        let at = ranked.length;
        while (at > 0 && ranked[at - 1].est < est) at--;
        ranked.splice(at, 0, { o, est });
        if (ranked.length > VERIFY_LIMIT) ranked.pop();
      });
      let best: { other: GroupedItem; sim: number } | null = null;
      for (const { o } of ranked) {
        const sim = jaccardSorted(e.shingles, o.shingles);
        if (!best || sim > best.sim) best = { other: o.item, sim };
      }
      result.set(e.item.id, best);
    });
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
