/**
 * The shingle hashing behind C22/C23: the sorted-array form the collection
 * check keeps must hold exactly the set the string definition gives (FNV-1a of
 * each 3-character string, astral characters included), and the merge Jaccard
 * must equal the set Jaccard.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { jaccard, jaccardSorted, normaliseForSimilarity, shingleArray, shingles, SHINGLE, LshIndex, minhash } from '../../src/checks/similarity';

/** The definition: FNV-1a over the UTF-16 units of each joined 3-gram of code points. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
function definition(text: string): Set<number> {
  const chars = [...normaliseForSimilarity(text)];
  const out = new Set<number>();
  if (chars.length < SHINGLE) {
    if (chars.length) out.add(fnv1a(chars.join('')));
    return out;
  }
  for (let i = 0; i + SHINGLE <= chars.length; i++) out.add(fnv1a(chars.slice(i, i + SHINGLE).join('')));
  return out;
}

// CJK, digits (folded to #), punctuation (dropped), and astral characters (surrogate pairs)
const piece = fc.constantFrom('本机关', '政府信息', '公开', '2021年', '，', '。', ' ', '𠀀', '𪚥', '依申请', 'a', '1', '、', '第五部分');
const text = fc.array(piece, { maxLength: 40 }).map((a) => a.join(''));

describe('shingles', () => {
  test('a known text: sorted, each hash once, the same set as the definition', () => {
    const a = shingleArray('本年度依申请公开政府信息，本年度依申请公开𠀀𠀀');
    expect([...a]).toEqual([...a].sort((x, y) => x - y));
    expect(new Set(a).size).toBe(a.length);
    expect(new Set(a)).toEqual(definition('本年度依申请公开政府信息，本年度依申请公开𠀀𠀀'));
    // 本年度依申请公开 repeats: its 3-grams are stored once
    expect(a.length).toBeLessThan([...normaliseForSimilarity('本年度依申请公开政府信息本年度依申请公开𠀀𠀀')].length - 2);
    expect(shingleArray('')).toHaveLength(0);
    expect([...shingleArray('公开')]).toEqual([fnv1a('公开')]);
  });

  test('any text: shingleArray and shingles hold exactly the definition (fast-check)', () => {
    fc.assert(
      fc.property(text, (t) => {
        const want = definition(t);
        expect(new Set(shingleArray(t))).toEqual(want);
        expect(shingles(t)).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  test('the merge Jaccard equals the set Jaccard (fast-check)', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(jaccardSorted(shingleArray(a), shingleArray(b))).toBeCloseTo(jaccard(shingles(a), shingles(b)), 12);
      }),
      { numRuns: 300 },
    );
    expect(jaccardSorted(new Uint32Array(0), new Uint32Array(0))).toBe(1);
    expect(jaccardSorted(Uint32Array.of(1, 2, 3), Uint32Array.of(2, 3, 4))).toBe(0.5);
  });
});

describe('LshIndex', () => {
  test('visit meets every bucket member band by band; candidates() lists each once in that order', () => {
    const idx = new LshIndex<string>();
    const sig = (t: string) => minhash(shingleArray(t));
    const base = '本机关严格落实政府信息公开条例，主动公开各类信息，依申请公开工作有序开展。';
    idx.add(idx.keys(sig(base)), 'a');
    idx.add(idx.keys(sig(base + '另有说明')), 'b');
    idx.add(idx.keys(sig('完全不同的一段文字，讲的是采购与收费的事情，没有任何相同之处。')), 'c');
    const met: string[] = [];
    idx.visit(idx.keys(sig(base)), (x) => met.push(x));
    expect(met.filter((x) => x === 'a')).toHaveLength(16); // every band of an identical text
    expect(met).toContain('b');
    expect(met).not.toContain('c');
    expect([...idx.candidates(sig(base))]).toEqual([...new Set(met)]);
  });

  test('a bucket keeps at most bucketCap members', () => {
    const idx = new LshIndex<number>(3);
    const keys = idx.keys(minhash(shingleArray('同一段文字反复出现')));
    for (let i = 0; i < 10; i++) idx.add(keys, i);
    const met: number[] = [];
    idx.visit(keys, (x) => met.push(x));
    expect(new Set(met)).toEqual(new Set([0, 1, 2]));
  });
});
