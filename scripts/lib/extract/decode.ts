/**
 * Decoding a saved web page: the charset the page declares (BOM, <meta charset>,
 * <meta http-equiv content="…; charset=…">, XML declaration), else a sniff — valid
 * UTF-8 is UTF-8, anything else is taken as GB18030 (a superset of GB2312 and GBK,
 * which is what Chinese government sites that do not say UTF-8 use).
 */

const ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  gb18030: 'gb18030',
  'gb_2312-80': 'gb18030',
  cp936: 'gb18030',
  'windows-936': 'gb18030',
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  big5: 'big5',
  'big5-hkscs': 'big5',
};

/** The charset a page declares in its first 4 KB, lower-cased, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const patterns = [
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i,
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i,
  ];
  for (const re of patterns) {
    const m = re.exec(head);
    if (m) return m[1].toLowerCase();
  }
  return null;
}

function canonical(label: string): string | null {
  const l = label.toLowerCase();
  if (ALIASES[l]) return ALIASES[l];
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export interface Decoded {
  text: string;
  /** the encoding used, e.g. utf-8, gb18030 */
  encoding: string;
  /** how it was chosen */
  how: 'bom' | 'declared' | 'sniffed';
}

export function decodeHtmlBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', how: 'bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', how: 'bom' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', how: 'bom' };
  }
  const declared = declaredCharset(bytes);
  const enc = declared ? canonical(declared) : null;
  // A page saved by a browser is re-encoded as UTF-8 but may keep its old
  // <meta charset=gb2312>: trust the bytes when they are valid UTF-8 and non-ASCII.
  if (enc && enc !== 'utf-8' && isValidUtf8(bytes) && bytes.some((b) => b >= 0x80)) {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', how: 'sniffed' };
  }
  if (enc) return { text: new TextDecoder(enc).decode(bytes), encoding: enc, how: 'declared' };
  if (isValidUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', how: 'sniffed' };
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', how: 'sniffed' };
}
