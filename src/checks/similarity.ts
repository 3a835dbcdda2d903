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

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The set of hashed character 3-grams of the normalised text. */
export function shingles(text: string): Set<number> {
  const chars = [...normaliseForSimilarity(text)];
  const out = new Set<number>();
  if (chars.length < SHINGLE) {
    if (chars.length) out.add(fnv1a(chars.join('')));
    return out;
  }
  for (let i = 0; i + SHINGLE <= chars.length; i++) out.add(fnv1a(chars.slice(i, i + SHINGLE).join('')));
  return out;
}

export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
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

export function minhash(set: Set<number>): Uint32Array {
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
  private readonly buckets = new Map<string, T[]>();
  constructor(private readonly bucketCap = 64) {}

  private bandKeys(sig: Uint32Array): string[] {
    const keys: string[] = [];
    for (let b = 0; b < LSH_BANDS; b++) {
      let h = b;
      for (let r = 0; r < ROWS; r++) h = mix(h ^ sig[b * ROWS + r]);
      keys.push(`${b}:${h}`);
    }
    return keys;
  }

  add(sig: Uint32Array, item: T): void {
    for (const k of this.bandKeys(sig)) {
      const list = this.buckets.get(k);
      if (!list) this.buckets.set(k, [item]);
      else if (list.length < this.bucketCap) list.push(item);
    }
  }

  /** Items sharing at least one band with `sig`. */
  candidates(sig: Uint32Array): Set<T> {
    const out = new Set<T>();
    for (const k of this.bandKeys(sig)) for (const item of this.buckets.get(k) ?? []) out.add(item);
    return out;
  }
}
