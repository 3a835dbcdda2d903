/**
 * For each report, the other organ's report of the same year whose section
 * 五 or 一 is most like its own. MinHash + LSH per year and section: each report
 * meets only the few reports sharing a band with it, so 200,000 reports a year
 * cost about linear time. Candidates are confirmed with the exact shingle Jaccard.
 */
import { proseFor } from './copiedProse';
import type { GroupedItem } from './organGroups';
import { estimateJaccard, jaccardSorted, LshIndex, minhash, shingleArray } from './similarity';

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
      let best: SameYearMatch | null = null;
      for (const { o } of ranked) {
        const sim = jaccardSorted(e.shingles, o.shingles);
        if (!best || sim > best.sim) best = { other: o.item, sim };
      }
      result.set(e.item.id, best);
    });
  }
  return result;
}
