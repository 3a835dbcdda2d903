/**
 * Character-level normalisation. Every function here keeps the line structure
 * (one output line per input line) so provenance line numbers stay valid.
 */
import { Locale } from 'opencc-js/t2cn';

let charMap: Map<string, string> | null = null;

/**
 * OpenCC's character tables (Taiwan variants → traditional → mainland simplified)
 * as one map. Character by character, not OpenCC's phrase converter: labels and
 * names need only characters, it keeps every line the same length (so a
 * simplified match can be cut from the original line) and it is ~20× faster.
 */
function buildCharMap(): Map<string, string> {
  const map = new Map<string, string>();
  const add = (dict: unknown, compose: boolean) => {
    if (typeof dict !== 'string') return;
    for (const entry of dict.split('|')) {
      const sp = entry.indexOf(' ');
      if (sp < 0) continue;
      const from = entry.slice(0, sp);
      const to = entry.slice(sp + 1).split(' ')[0];
      if ([...from].length !== 1 || [...to].length !== 1) continue;
      if (compose) map.set(from, map.get(to) ?? to);
      else if (!map.has(from)) map.set(from, to);
    }
  };
  add(Locale.to.cn[0], false);
  add(Locale.from.tw[0], true);
  return map;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;

/** Traditional → mainland simplified, character by character. */
export function toSimplified(s: string): string {
  if (!charMap) charMap = buildCharMap();
  const map = charMap;
  return s.replace(CJK, (c) => map.get(c) ?? c);
}

// Characters that occur in these reports only in traditional script (報 開 數 總 …).
const TRADITIONAL_HINT = /[報開數總們關於與為國會處請規條區經體務設計說這實發時個產際種現機權辦應條點員價齊當從眾聯門書時歲覽費屬條證項則網訊]/;

/** A traditional-script report shows it in its first lines (title, section 一); a sample is enough. */
export function looksTraditional(s: string): boolean {
  return TRADITIONAL_HINT.test(s.length > 4000 ? s.slice(0, 4000) : s);
}

/** 數(shù) → 數: the pinyin glosses some mirror sites print after characters. */
const PINYIN_GLOSS = /([\u3400-\u9fff])[(（]([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňḿ]{1,7})[)）]/g;

const PINYIN_GLOSS_ANY = /[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňḿ]{1,7}[)）]/;

export function stripPinyin(s: string): string {
  if (s.indexOf('(') < 0 && s.indexOf('（') < 0) return s;
  return s.replace(PINYIN_GLOSS, '$1');
}

/** Full-width digits, letters and ASCII punctuation → half-width; NBSP and ideographic space → space. */
const NEEDS_HALF_WIDTH = /[\uff01-\uff5e\u3000\u00a0\ufeff\u200b]/;

export function halfWidth(s: string): string {
  if (!NEEDS_HALF_WIDTH.test(s)) return s;
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
  return text.indexOf('\r') < 0 ? text.split('\n') : text.split(/\r\n|\r|\n/);
}

export function normaliseText(text: string): NormalisedText {
  const raw = splitLines(text);
  const wide = NEEDS_HALF_WIDTH.test(text);
  const glossed = PINYIN_GLOSS_ANY.test(text);
  const clean = wide || glossed ? raw.map((l) => stripPinyin(halfWidth(l))) : raw;
  const traditional = looksTraditional(text);
  let simp = clean;
  if (traditional) {
    simp = clean.map((l) => toSimplified(l));
  }
  return { raw, clean, simp, traditional };
}

/**
 * The form labels are compared in: no whitespace, no quotes, one kind of
 * bracket and full stop. 'Ｘ（一）予以 公开' and 'X(一)予以公开' compare equal.
 */
const COMPACT_DROP = /[\s“”"‘’'「」]/g;
const COMPACT_MAP = /[（）．。：，]/g;
const COMPACT_TO: Record<string, string> = { '（': '(', '）': ')', '．': '.', '。': '.', '：': ':', '，': ',' };

const COMPACT_ANY = /[\s“”"‘’'「」（）．。：，]/;

export function compact(s: string): string {
  if (!COMPACT_ANY.test(s)) return s;
  return s.replace(COMPACT_DROP, '').replace(COMPACT_MAP, (c) => COMPACT_TO[c]);
}
