/**
 * Ids in links that survive a rebuild. report_id and organ_id follow the order
 * of the input files, so a link made of them opens another report once a file
 * is added or removed. Links carry keys derived from what a report is instead:
 *
 *   organ key   hex of a 64-bit FNV-1a hash of the organ's match key and its
 *               county (6-digit division code, else the county's name): the
 *               first 8 digits, 12 or 16 where two organs of the build share a
 *               prefix, and a counter (x2, x3 …) only for organs that agree on all 16
 *   report key  <organ key>-<year, or x>-<first 6 hex of the file's SHA-256>
 *
 * The database stores organs.organ_key; a report's key is computed from its
 * organ, year and source file (REPORT_KEY_SQL), so the core carries no extra
 * text per report. A link whose file was replaced still finds the organ's
 * report of that year; see resolveReport in queries.ts.
 */

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = (1n << 64n) - 1n;

/** 64-bit FNV-1a over the UTF-8 bytes, as 16 hex digits. */
export function fnv1a64(text: string): string {
  let h = FNV_OFFSET;
  for (const b of new TextEncoder().encode(text)) h = ((h ^ BigInt(b)) * FNV_PRIME) & MASK;
  return h.toString(16).padStart(16, '0');
}

/** The full (16-digit) hash an organ's key is a prefix of. */
export function organHash(matchKey: string, divisionCode: string | null, county: string | null): string {
  const place = divisionCode && /^\d{6}/.test(divisionCode) ? divisionCode.slice(0, 6) : (county ?? '');
  return fnv1a64(`${matchKey}|${place}`);
}

/**
 * The shortest prefix (8, 12 or 16 digits) of each hash that no other hash of
 * the build shares; equal hashes get x2, x3 … in the order given. Depends only
 * on the set of hashes (but for equal ones), not on their order.
 */
export function organKeys(hashes: readonly string[]): string[] {
  const count = (len: number) => {
    const m = new Map<string, number>();
    for (const h of hashes) m.set(h.slice(0, len), (m.get(h.slice(0, len)) ?? 0) + 1);
    return m;
  };
  const by8 = count(8);
  const by12 = count(12);
  const seen = new Map<string, number>();
  return hashes.map((h) => {
    if (by8.get(h.slice(0, 8)) === 1) return h.slice(0, 8);
    if (by12.get(h.slice(0, 12)) === 1) return h.slice(0, 12);
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return n === 1 ? h : `${h}x${n}`;
  });
}

/** SQL for a report's key; needs organs as o, reports (or report_index) as r and source_files as s. */
export const REPORT_KEY_SQL = "o.organ_key || '-' || COALESCE(r.year, 'x') || '-' || substr(s.sha256, 1, 6)";

export interface ReportKeyParts {
  organ: string;
  year: number | null;
  file: string;
}

/** A report key's parts, or null when the text is not one. */
export function parseReportKey(key: string): ReportKeyParts | null {
  const m = /^([0-9a-f]{8}|[0-9a-f]{12}|[0-9a-f]{16}(?:x\d+)?)-(\d{4}|x)-([0-9a-f]{6})$/.exec(key);
  if (!m) return null;
  return { organ: m[1], year: m[2] === 'x' ? null : Number(m[2]), file: m[3] };
}

/**
 * A reference to a report or an organ in a link: a key, or `#<id>` for the
 * build-order ids of links made before keys (URL version 1), which may now
 * name another report.
 */
export const legacyId = (ref: string): number | null => (/^#\d+$/.test(ref) ? Number(ref.slice(1)) : null);
