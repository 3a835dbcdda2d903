/**
 * A small seeded PRNG (mulberry32) and the draws the generator needs. Everything
 * random in a synthetic report comes from one Rng built from the report's seed,
 * so a seed always yields the same text and truth.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    // Mix the seed once so that neighbouring seeds start far apart.
    this.state = (Math.imul(seed | 0, 0x9e3779b1) ^ 0x5bd1e995) >>> 0;
  }

  /** uniform in [0, 1) */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** integer in [lo, hi], both inclusive */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** pick by weight: [[item, weight], …] */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }

  /** a fresh generator derived from this one (keeps sub-streams independent) */
  fork(): Rng {
    return new Rng(Math.floor(this.next() * 4294967296));
  }
}
