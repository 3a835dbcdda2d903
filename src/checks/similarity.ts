/**
 * Text similarity for copied prose (C22, C23): Jaccard similarity of character
 * 3-gram shingles, which a few changed words or a new year barely move; and
 * MinHash signatures with LSH banding so that finding near-duplicates among
 * 200,000 reports a year costs about linear time, not all pairs.
 */
import { compactText } from './sectionText';

export const SHINGLE = 3;

/** Text to compare: no whitespace or punctuation, digits folded (2021年 ≈ 2022年). */
export function normaliseForSimilarity(s: string): string {
  return compactText(s).replace(/\d+/g, '#');
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units of code points cps[from, to): the hash of the string they spell. */
function fnv1aCodePoints(cps: readonly number[], from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) {
    const cp = cps[i];
    if (cp > 0xffff) {
      const v = cp - 0x10000;
      h = Math.imul(h ^ (0xd800 + (v >> 10)), FNV_PRIME);
      h = Math.imul(h ^ (0xdc00 + (v & 0x3ff)), FNV_PRIME);
    } else h = Math.imul(h ^ cp, FNV_PRIME);
  }
  return h >>> 0;
}

/**
 * The hashed character 3-grams of the normalised text, sorted, each once — the
 * compact form the collection check keeps per report and intersects by merging.
 */
export function shingleArray(text: string): Uint32Array {
  const norm = normaliseForSimilarity(text);
  const cps: number[] = [];
  for (const ch of norm) cps.push(ch.codePointAt(0)!);
  if (cps.length < SHINGLE) return cps.length ? Uint32Array.of(fnv1aCodePoints(cps, 0, cps.length)) : new Uint32Array(0);
  const all = new Uint32Array(cps.length - SHINGLE + 1);
  for (let i = 0; i + SHINGLE <= cps.length; i++) all[i] = fnv1aCodePoints(cps, i, i + SHINGLE);
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i];
  return all.slice(0, n);
}

/** The set of hashed character 3-grams of the normalised text. */
export function shingles(text: string): Set<number> {
  return new Set(shingleArray(text));
}

export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** jaccard() of two shingleArray()s: one merge over the sorted hashes. */
export function jaccardSorted(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) (inter++, i++, j++);
    else if (a[i] < b[j]) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter);
}

/** Similarity of two texts, 0..1. */
export function textSimilarity(a: string, b: string): number {
  return jaccard(shingles(a), shingles(b));
}

/** Two decimals for evidence: 0.94. */
export function formatSimilarity(x: number): string {
  return (Math.floor(x * 100) / 100).toFixed(2);
}

function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

export const MINHASH_K = 64;
export const LSH_BANDS = 16;
const ROWS = MINHASH_K / LSH_BANDS;
const SEEDS = Array.from({ length: MINHASH_K }, (_, i) => mix(0x9e3779b9 * (i + 1)));

export function minhash(set: Iterable<number>): Uint32Array {
  const sig = new Uint32Array(MINHASH_K).fill(0xffffffff);
  for (const x of set) {
    for (let i = 0; i < MINHASH_K; i++) {
      const h = mix(x ^ SEEDS[i]);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * An LSH index: documents whose signatures agree on all rows of some band land in
 * the same bucket. With 16 bands of 4 rows, pairs above ~0.6 Jaccard are found
 * with high probability. A bucket holds at most `bucketCap` members, so a text
 * shared by thousands of organs does not make the search quadratic.
 */
export class LshIndex<T> {
  private readonly buckets = new Map<number, T[]>();
  constructor(private readonly bucketCap = 64) {}

  /** The band keys of a signature (band number in the high bits): compute once, use for add and visit. */
  keys(sig: Uint32Array): number[] {
    const keys: number[] = [];
    for (let b = 0; b < LSH_BANDS; b++) {
      let h = b;
      for (let r = 0; r < ROWS; r++) h = mix(h ^ sig[b * ROWS + r]);
      keys.push(b * 0x1_0000_0000 + h);
    }
    return keys;
  }

  add(keys: readonly number[], item: T): void {
    for (const k of keys) {
      const list = this.buckets.get(k);
      if (!list) this.buckets.set(k, [item]);
      else if (list.length < this.bucketCap) list.push(item);
    }
  }

  /**
   * Every item of every bucket the keys name, band by band, in the order they
   * were added (an item in several of them is met several times: the caller
   * skips repeats) — no set or array built per query.
   */
  visit(keys: readonly number[], fn: (item: T) => void): void {
    for (const k of keys) {
      const list = this.buckets.get(k);
      if (list) for (const item of list) fn(item);
    }
  }

  /** visit(), stopped as soon as `fn` returns true. */
  visitUntil(keys: readonly number[], fn: (item: T) => boolean): void {
    for (const k of keys) {
      const list = this.buckets.get(k);
      if (list) for (const item of list) if (fn(item)) return;
    }
  }

  /** Items sharing at least one band with `sig`, each once, in the order visit() first meets them. */
  candidates(sig: Uint32Array): Set<T> {
    const out = new Set<T>();
    this.visit(this.keys(sig), (item) => out.add(item));
    return out;
  }
}
