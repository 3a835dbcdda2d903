/** Text clean-up shared by the page, Word and PDF readers. */

const CJK = '\\u2e80-\\u2fdf\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef“”‘’';
// a line break between CJK characters is a wrap in the source, not a space
const WRAP_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t\\r\\n]*[\\r\\n][ \\t\\r\\n]*(?=[${CJK}])`, 'g');
const CJK_CHAR = new RegExp(`[${CJK}]`);
/** The whitespace normalizeSpace collapses to one space. */
export const SPACE_RUN = /[\s\u00a0\u3000\u200b\ufeff]+/g;

/** A character normalizeSpace counts as CJK (a line break between two of them is dropped). */
export const isCjk = (ch: string): boolean => CJK_CHAR.test(ch);

/** Collapse whitespace (nbsp, ideographic space) to one space; drop the line wraps of the source between CJK characters. */
export function normalizeSpace(s: string): string {
  return s
    .replace(WRAP_BETWEEN_CJK, '')
    .replace(SPACE_RUN, ' ')
    .trim();
}

/** A cell's text: whitespace collapsed; a number split by spaces (`1 234`) joined. */
export function normalizeCell(s: string): string {
  const t = normalizeSpace(s);
  if (/^[\d\s.,]+$/.test(t) && /\d/.test(t)) return t.replace(/\s+/g, '');
  return t;
}

/** Join two pieces of one line or cell: nothing between CJK characters, a space between words. */
export function joinPieces(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  const last = a.at(-1)!;
  const first = b[0];
  if (CJK_CHAR.test(last) || CJK_CHAR.test(first)) return a + b;
  if (/\d/.test(last) && /\d/.test(first)) return a + b;
  return `${a} ${b}`;
}

// CJK Radicals Supplement code points some fonts' ToUnicode maps give for common
// characters (Noto CJK in Chromium prints 民 as ⺠); the Kangxi radicals (⼈ for 人)
// have NFKC decompositions.
const RADICALS: Record<string, string> = {
  '⺠': '民', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻑': '長', '⻓': '长',
  '⻔': '门', '⻗': '雨', '⻘': '青', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马',
  '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻬': '齐',
  '⻮': '齿', '⻰': '龙', '⻳': '龟', '⺟': '母',
};

/** Kangxi radicals and radical-supplement look-alikes → the ordinary characters. */
export function normalizeRadicals(s: string): string {
  return s.replace(/[\u2e80-\u2fdf]/g, (ch) => RADICALS[ch] ?? ch.normalize('NFKC'));
}
