/**
 * Bytes of a report file → text. UTF-8 when the bytes are valid UTF-8,
 * otherwise GB18030 (the superset of GBK/GB2312 that Chinese government sites
 * publish in). Binary and empty files are rejected with the reason.
 */

export type Decoded = { text: string; encoding: string } | { error: string };

function controlShare(text: string): number {
  let bad = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return n ? bad / n : 0;
}

export function decodeReport(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { error: '空文件（0 字节）' };
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const enc = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = new TextDecoder(enc).decode(bytes.subarray(2));
    return controlShare(text) > 0.05 ? { error: `二进制内容（不是 ${enc} 文本）` } : { text, encoding: enc };
  }
  const body = bytes.subarray(start);
  let nul = 0;
  const probe = Math.min(body.length, 65536);
  for (let i = 0; i < probe; i++) if (body[i] === 0) nul++;
  if (nul > 0) return { error: `二进制内容（前 ${probe} 字节中有 ${nul} 个 NUL 字节）` };
  const candidates: [string, string][] = [];
  try {
    candidates.push(['utf-8', new TextDecoder('utf-8', { fatal: true }).decode(body)]);
  } catch {
    try {
      candidates.push(['gb18030', new TextDecoder('gb18030', { fatal: true }).decode(body)]);
    } catch {
      return { error: '不是有效的 UTF-8 或 GB18030 文本' };
    }
  }
  const [encoding, text] = candidates[0];
  if (text.trim() === '') return { error: '没有文字（只有空白）' };
  if (controlShare(text) > 0.05) return { error: `二进制内容（${encoding} 文本中有大量控制字符）` };
  return { text, encoding };
}
