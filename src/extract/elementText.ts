/**
 * The text of every element of a page from one pass over it, so that asking for
 * the text of each of n nested elements costs n, not n² (a page of 2,000 nested
 * <div>s took 13 s when each element's text was gathered on its own).
 *
 * An element's text is what a reader would copy from it: text nodes in order,
 * inline elements joined, a block element and <br> a line break; script, style and
 * hidden elements (and, in `skipChrome` mode, site chrome) give nothing. Each
 * whitespace run is kept as one character that `normalizeSpace` treats exactly as
 * the whole run — '\n' for spaces and tabs with a line break (a wrap, dropped
 * between CJK characters), ' ' for spaces and tabs, '\u00a0' for any other
 * space (always one space) — so an element's text is a slice of one string,
 * `normalizeSpace(slice)` equals `normalizeSpace` of its full text, and the
 * length of that is read from prefix sums.
 */
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { isCjk, normalizeSpace, SPACE_RUN } from './text.ts';

/** No text from these elements (their descendants are still indexed, for a cell of a hidden row). */
export type Silent = (el: Element) => boolean;

const NONE = 0;
const SPACE = 1;
const WRAP = 2;
const OTHER = 3;
const RUN_CHAR = ['', ' ', '\n', '\u00a0'];
const isRunChar = (c: string) => c === ' ' || c === '\n' || c === '\u00a0';

class CompactWriter {
  private parts: string[] = [];
  pos = 0;
  private pending = NONE;

  push(s: string) {
    let last = 0;
    for (const m of s.matchAll(SPACE_RUN)) {
      if (m.index > last) this.word(s.slice(last, m.index));
      const run = m[0];
      const kind = /^[ \t\r\n]+$/.test(run) ? (/[\r\n]/.test(run) ? WRAP : SPACE) : OTHER;
      // one run across pieces: any other space makes it OTHER, a line break a WRAP
      if (kind > this.pending) this.pending = kind;
      last = m.index + run.length;
    }
    if (last < s.length) this.word(last === 0 ? s : s.slice(last));
  }

  private word(w: string) {
    if (this.pending !== NONE) {
      this.parts.push(RUN_CHAR[this.pending]);
      this.pos++;
      this.pending = NONE;
    }
    this.parts.push(w);
    this.pos += w.length;
  }

  text(): string {
    return this.parts.join('');
  }
}

export class ElementText {
  readonly text: string;
  private readonly start = new Map<Element, number>();
  private readonly end = new Map<Element, number>();
  /** kept[i]: characters of text[0, i) that normalizeSpace keeps (words, and spaces not dropped as wraps) */
  private readonly kept: Int32Array;

  constructor(
    roots: readonly AnyNode[],
    blocks: ReadonlySet<string>,
    silent: Silent,
  ) {
    const out = new CompactWriter();
    const regions: AnyNode[][] = [[...roots]];
    // a silent element gives no text to its ancestors; its children are read as a region of their own
    for (let r = 0; r < regions.length; r++) {
      const stack: (AnyNode | Element[])[] = [...regions[r]].reverse();
      while (stack.length) {
        const item = stack.pop()!;
        if (Array.isArray(item)) {
          const el = item[0];
          this.end.set(el, out.pos);
          if (blocks.has(el.name)) out.push('\n');
          continue;
        }
        if (isText(item)) {
          out.push(item.data);
          continue;
        }
        if (!isTag(item)) continue;
        if (silent(item)) {
          this.start.set(item, out.pos);
          this.end.set(item, out.pos);
          if (item.children.length) regions.push(item.children);
          continue;
        }
        if (item.name === 'br') out.push('\n');
        else if (blocks.has(item.name)) out.push('\n');
        this.start.set(item, out.pos);
        stack.push([item]);
        for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]);
      }
    }
    this.text = out.text();
    const t = this.text;
    this.kept = new Int32Array(t.length + 1);
    for (let i = 0; i < t.length; i++) {
      const c = t[i];
      const dropped = c === '\n' && i > 0 && i + 1 < t.length && isCjk(t[i - 1]) && isCjk(t[i + 1]);
      this.kept[i + 1] = this.kept[i] + (dropped ? 0 : 1);
    }
  }

  /** [start, end) of the element's text without its edge spaces. */
  private bounds(el: Element): [number, number] {
    let a = this.start.get(el) ?? 0;
    let b = this.end.get(el) ?? 0;
    if (a < b && isRunChar(this.text[a])) a++;
    if (b > a && isRunChar(this.text[b - 1])) b--;
    return [a, b];
  }

  /** normalizeSpace(text of el).length, without building it. */
  normalizedLength(el: Element): number {
    const [a, b] = this.bounds(el);
    return this.kept[b] - this.kept[a];
  }

  /** normalizeSpace(text of el). */
  normalized(el: Element): string {
    const [a, b] = this.bounds(el);
    return normalizeSpace(this.text.slice(a, b));
  }

  /** The element's text, whitespace compacted: pass it through normalizeSpace or normalizeCell before use. */
  compact(el: Element): string {
    const [a, b] = this.bounds(el);
    return this.text.slice(a, b);
  }

  /** Whether normalizeSpace(text of el) starts with prefix (which has no spaces). */
  startsWith(el: Element, prefix: string): boolean {
    const [a, b] = this.bounds(el);
    // a slice ending anywhere normalizes to a prefix of the whole; 2n+1 characters hold n words' worth
    return normalizeSpace(this.text.slice(a, Math.min(b, a + 2 * prefix.length + 1))).startsWith(prefix);
  }

  /** Positions in `text` of every occurrence of a word (no spaces in it: the same in compacted and full text). */
  occurrences(word: string): number[] {
    const out: number[] = [];
    for (let i = this.text.indexOf(word); i >= 0; i = this.text.indexOf(word, i + 1)) out.push(i);
    return out;
  }

  /** Whether one of the occurrences (sorted positions of a word of that length) lies inside el's text. */
  holds(el: Element, positions: readonly number[], length: number): boolean {
    const a = this.start.get(el) ?? 0;
    const b = this.end.get(el) ?? 0;
    let lo = 0;
    let hi = positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (positions[mid] < a) lo = mid + 1;
      else hi = mid;
    }
    return lo < positions.length && positions[lo] + length <= b;
  }
}
