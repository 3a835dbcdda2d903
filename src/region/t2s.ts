/**
 * A character-level traditional → simplified table for place-name matching, built once from
 * opencc-js (t, tw and hk variants). Char-level is enough for division names and keeps every
 * resolve a single table lookup per character instead of a phrase conversion of the whole text.
 * Pure TS (opencc-js is plain JS and runs in the browser too).
 */
import { Converter } from 'opencc-js/t2cn';

/** code unit → simplified code unit (identity where nothing changes); covers the BMP */
export function buildT2sTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  const chars: string[] = [];
  // CJK Unified Ideographs, extension A and compatibility ideographs
  for (let c = 0x3400; c <= 0x9fff; c++) chars.push(String.fromCharCode(c));
  for (let c = 0xf900; c <= 0xfaff; c++) chars.push(String.fromCharCode(c));
  const joined = chars.join('\n');
  // first converter wins; 't' is the OpenCC standard, tw/hk add regional variants
  for (const from of ['t', 'tw', 'hk'] as const) {
    const out = Converter({ from, to: 'cn' })(joined).split('\n');
    if (out.length !== chars.length) continue;
    for (let i = 0; i < chars.length; i++) {
      const o = out[i];
      const c = chars[i].charCodeAt(0);
      if (o.length === 1 && o !== chars[i] && table[c] === c) table[c] = o.charCodeAt(0);
    }
  }
  return table;
}

/** Convert a short string with the table (organ names, manifest hints). */
export function toSimplified(table: Uint16Array, s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(table[s.charCodeAt(i)]);
  return out;
}
