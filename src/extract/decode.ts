/**
 * Bytes → text, the charset detected.
 *
 * - A plain-text report or a CSV (`decodeText`): a BOM (UTF-8, UTF-16), else UTF-8
 *   when the bytes are valid UTF-8, otherwise GB18030 (the superset of GBK/GB2312
 *   that Chinese government sites publish in and Excel on Chinese Windows saves).
 *   Binary and empty files are rejected with the reason.
 * - A saved web page (`decodeHtmlBytes`): the charset the page declares (BOM,
 *   <meta charset>, <meta http-equiv content="…; charset=…">, XML declaration),
 *   else the same sniff.
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

export interface DecodedPage {
  text: string;
  /** the encoding used, e.g. utf-8, gb18030 */
  encoding: string;
  /** how it was chosen */
  how: 'bom' | 'declared' | 'sniffed';
}

export function decodeHtmlBytes(bytes: Uint8Array): DecodedPage {
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

export type DecodedText = { text: string; encoding: string } | { error: string };

function controlShare(text: string): number {
  let bad = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return n ? bad / n : 0;
}

/** A plain-text file (report or manifest): BOM, else UTF-8 if valid, else GB18030; binary is an error. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) return { error: '空文件（0 字节）' };
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const enc = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = new TextDecoder(enc).decode(bytes.subarray(2));
    return controlShare(text) > 0.05 ? { error: `二进制内容（不是 ${enc} 文本）` } : { text, encoding: enc };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  let nul = 0;
  const probe = Math.min(body.length, 65536);
  for (let i = 0; i < probe; i++) if (body[i] === 0) nul++;
  if (nul > 0) return { error: `二进制内容（前 ${probe} 字节中有 ${nul} 个 NUL 字节），不是文本` };
  let encoding: string;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    encoding = 'utf-8';
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(body);
      encoding = 'gb18030';
    } catch {
      return { error: '既不是 UTF-8 也不是 GB18030 文本' };
    }
  }
  if (text.trim() === '') return { error: '没有文字（只有空白）' };
  if (controlShare(text) > 0.05) return { error: `二进制内容（${encoding} 文本中有大量控制字符）` };
  return { text, encoding };
}
