/**
 * Character-level normalisation. Every function here keeps the line structure
 * (one output line per input line) so provenance line numbers stay valid.
 */
import { Converter } from 'opencc-js/t2cn';

let t2cn: ((s: string) => string) | null = null;

/** Traditional → mainland simplified (OpenCC). The dictionary trie is built on first use. */
export function toSimplified(s: string): string {
  if (!t2cn) t2cn = Converter({ from: 'tw', to: 'cn' });
  return t2cn(s);
}

// Characters that occur in these reports only in traditional script (報 開 數 總 …).
const TRADITIONAL_HINT = /[報開數總們關於與為國會處請規條區經體務設計說這實發時個產際種現機權辦應條點員價齊當從眾聯門書時歲覽費屬條證項則網訊]/;

export function looksTraditional(s: string): boolean {
  return TRADITIONAL_HINT.test(s);
}

/** 數(shù) → 數: the pinyin glosses some mirror sites print after characters. */
const PINYIN_GLOSS = /([\u3400-\u9fff])[(（]([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňḿ]{1,7})[)）]/g;

export function stripPinyin(s: string): string {
  if (s.indexOf('(') < 0 && s.indexOf('（') < 0) return s;
  return s.replace(PINYIN_GLOSS, '$1');
}

/** Full-width digits, letters and ASCII punctuation → half-width; NBSP and ideographic space → space. */
export function halfWidth(s: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) {
      out += String.fromCharCode(c - 0xfee0);
      changed = true;
    } else if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) {
      out += String.fromCharCode(c - 0xfee0);
      changed = true;
    } else if (c === 0xff5c) {
      out += '|';
      changed = true;
    } else if (c === 0xff0e) {
      out += '.';
      changed = true;
    } else if (c === 0xff0b) {
      out += '+';
      changed = true;
    } else if (c === 0xff0d) {
      out += '-';
      changed = true;
    } else if (c === 0xff0f) {
      out += '/';
      changed = true;
    } else if (c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 0x200b) {
      out += c === 0xfeff || c === 0x200b ? '' : ' ';
      changed = true;
    } else out += s[i];
  }
  return changed ? out : s;
}

export interface NormalisedText {
  /** the lines as decoded (provenance) */
  raw: string[];
  /** half-width, pinyin glosses removed, original script */
  clean: string[];
  /** `clean` in simplified characters (what the matchers read) */
  simp: string[];
  traditional: boolean;
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function normaliseText(text: string): NormalisedText {
  const raw = splitLines(text);
  const clean = raw.map((l) => stripPinyin(halfWidth(l)));
  const traditional = looksTraditional(text);
  let simp = clean;
  if (traditional) {
    // Convert in one call (the converter is per-character with phrase look-ahead); newlines survive.
    const converted = splitLines(toSimplified(clean.join('\n')));
    simp = converted.length === clean.length ? converted : clean.map((l) => toSimplified(l));
  }
  return { raw, clean, simp, traditional };
}

/**
 * The form labels are compared in: no whitespace, no quotes, one kind of
 * bracket and full stop. 'Ｘ（一）予以 公开' and 'X(一)予以公开' compare equal.
 */
export function compactChar(ch: string): string {
  switch (ch) {
    case '（':
      return '(';
    case '）':
      return ')';
    case '．':
    case '。':
      return '.';
    case '：':
      return ':';
    case '，':
      return ',';
    case '“':
    case '”':
    case '"':
    case '‘':
    case '’':
    case "'":
    case '「':
    case '」':
    case ' ':
    case '\t':
    case '\u3000':
    case '\u00a0':
      return '';
    default:
      return ch;
  }
}

export function compact(s: string): string {
  let out = '';
  for (const ch of s) out += compactChar(ch);
  return out;
}
