/**
 * For each report, the other organ's report of the same year whose section
 * 五 or 一 is most like its own. MinHash + LSH per year and section: each report
 * meets only the few reports sharing a band with it, so 200,000 reports a year
 * cost about linear time. Candidates are confirmed with the exact shingle Jaccard.
 */
import { proseFor } from './copiedProse';
import type { GroupedItem } from './organGroups';
import { jaccardSorted, LshIndex, MINHASH_K, minhash, shingleArray } from './similarity';

/** Candidates whose estimated similarity is below this are not verified. */
const ESTIMATE_FLOOR = 0.6;
/** ESTIMATE_FLOOR as the least count of equal signature rows (same / MINHASH_K ≥ ESTIMATE_FLOOR). */
const MIN_SAME = Math.ceil(ESTIMATE_FLOOR * MINHASH_K - 1e-9);
/** At most this many candidates are verified exactly per report and section. */
const VERIFY_LIMIT = 8;

/** The closest other organ's report and the exact similarity; null when none came near. */
export interface SameYearMatch {
  other: GroupedItem;
  sim: number;
}

/** By item id, for every report with long enough prose in that section and a known year. */
export function sameYearMatches(items: readonly GroupedItem[], which: 1 | 5): Map<string, SameYearMatch | null> {
  const result = new Map<string, SameYearMatch | null>();
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
    // each text's shingles once, for its year only: they give the signature and the exact Jaccard.
    // The year's signatures in one array, read by index: the candidate loop below runs about a
    // thousand times per report and section, and objects scattered over the heap made it wait on memory.
    const n = texts.length;
    const K = MINHASH_K;
    const sigs = new Uint32Array(n * K);
    const organ = new Int32Array(n);
    /** the last query that met each entry (a candidate found in several bands counts once) */
    const seen = new Int32Array(n);
    const shingles: Uint32Array[] = new Array(n);
    texts.forEach(({ item, text }, i) => {
      shingles[i] = shingleArray(text);
      sigs.set(minhash(shingles[i]), i * K);
      organ[i] = item.organ;
    });
    const index = new LshIndex<number>();
    const keys = texts.map((_, i) => index.keys(sigs.subarray(i * K, (i + 1) * K)));
    keys.forEach((k, i) => index.add(k, i));
    // the VERIFY_LIMIT best estimates (as counts of equal signature rows), ties in the order met, kept as they come
    const rankedAt: number[] = [];
    const rankedSame: number[] = [];
    for (let i = 0; i < n; i++) {
      const query = i + 1;
      const base = i * K;
      const own = organ[i];
      rankedAt.length = 0;
      rankedSame.length = 0;
      // once VERIFY_LIMIT candidates with every signature row equal are kept, no later one can be: stop
      index.visitUntil(keys[i], (j) => {
        if (rankedAt.length === VERIFY_LIMIT && rankedSame[VERIFY_LIMIT - 1] === K) return true;
        if (seen[j] === query) return false;
        seen[j] = query;
        if (j === i || (own >= 0 && organ[j] === own)) return false;
        // estimateJaccard as a count: kept when same / K ≥ ESTIMATE_FLOOR and above the last kept when full;
        // the count stops once it cannot get there (the same candidates are kept)
        const need = rankedAt.length === VERIFY_LIMIT ? rankedSame[VERIFY_LIMIT - 1] + 1 : MIN_SAME;
        const other = j * K;
        let same = 0;
        for (let k = 0; k < K; k++) {
          if (sigs[base + k] === sigs[other + k]) same++;
          else if (same + (K - 1 - k) < need) return false;
        }
        if (same < need) return false;
        let at = rankedAt.length;
        while (at > 0 && rankedSame[at - 1] < same) at--;
        rankedAt.splice(at, 0, j);
        rankedSame.splice(at, 0, same);
        if (rankedAt.length > VERIFY_LIMIT) {
          rankedAt.pop();
          rankedSame.pop();
        }
        return false;
      });
      let best: SameYearMatch | null = null;
      for (const j of rankedAt) {
        const sim = jaccardSorted(shingles[i], shingles[j]);
        if (!best || sim > best.sim) best = { other: texts[j].item, sim };
      }
      result.set(texts[i].item.id, best);
    }
  }
  return result;
}
