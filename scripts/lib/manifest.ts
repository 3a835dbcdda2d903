/**
 * data/manifest.csv → ManifestRow per report file.
 *
 * `parseManifest` is Node-free (text in, rows out); `loadManifest` reads the file,
 * its encoding detected as a report's is (`decodeManifest`): a BOM, else UTF-8
 * when valid, else GB18030 — what Excel on Chinese Windows saves as “CSV (逗号分隔)”.
 * Columns: file, organ, province, city, county, level, year, source_url, published.
 * Cells are trimmed, empty → null; year → number; published → ISO `YYYY-MM-DD`
 * (accepts 2021-01-30, 2021/1/30, 2021.1.30, 2021年1月30日, with or without a time);
 * source_url is kept only as an http: or https: URL — the site makes it a link,
 * so `javascript:` or a bare path never reaches the database.
 * Nothing here is fatal: an unreadable value becomes null and a problem entry with its line.
 */
import fs from 'node:fs';
import Papa from 'papaparse';
import { decodeText } from '../../src/extract/decode';
import type { ManifestRow } from '../../src/parse/types';

export const MANIFEST_COLUMNS = ['file', 'organ', 'province', 'city', 'county', 'level', 'year', 'source_url', 'published'] as const;
type Column = (typeof MANIFEST_COLUMNS)[number];

export interface ManifestProblem {
  /** 1-based line in the CSV (0 when it concerns the whole file) */
  line: number;
  message: string;
}

export interface Manifest {
  rows: Map<string, ManifestRow>;
  problems: ManifestProblem[];
  /** how the file's bytes were read (`loadManifest`): utf-8, utf-8-bom, gb18030, utf-16le, utf-16be */
  encoding?: string;
}

const ENCODING_NAMES: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8（带 BOM，Excel 的“CSV UTF-8”）',
  gb18030: 'GB18030（不是有效的 UTF-8，按中文 Windows 上 Excel 保存的 GBK/GB18030 读取）',
  'utf-16le': 'UTF-16LE（Excel 的“Unicode 文本”）',
  'utf-16be': 'UTF-16BE',
};

/** The encoding as the build's summary states it. */
export function describeEncoding(encoding: string): string {
  return ENCODING_NAMES[encoding] ?? encoding;
}

/** The manifest's bytes → text, the encoding detected as a report's is. */
export function decodeManifest(bytes: Uint8Array): { text: string; encoding: string } | { error: string } {
  const d = decodeText(bytes);
  if ('error' in d) return d;
  const bom = d.encoding === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text: d.text, encoding: bom ? 'utf-8-bom' : d.encoding };
}

/** 2021-01-30 / 2021/1/30 / 2021.1.30 / 2021年1月30日 (time of day ignored) → 2021-01-30; else null */
export function parseDate(raw: string): string | null {
  const s = raw.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:[\sT].*)?$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > days) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** An absolute http(s) URL as written, else null. */
export function httpUrl(raw: string): string | null {
  const s = raw.trim();
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.host !== '' ? s : null;
  } catch {
    return null;
  }
}

function parseYear(raw: string): number | null {
  const m = /^(\d{4})\s*年?(度)?$/.exec(raw.trim());
  if (!m) return null;
  const y = Number(m[1]);
  return y >= 1990 && y <= 2100 ? y : null;
}

/** Parse the manifest's text (header row required). */
export function parseManifest(text: string): Manifest {
  const rows = new Map<string, ManifestRow>();
  const problems: ManifestProblem[] = [];
  // one newline convention (papaparse guesses it from the first line; hand-edited files mix them)
  const src = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');

  // line of each record's start, from papaparse's cursor (quoted cells may hold newlines)
  let header: string[] | null = null;
  let colIndex = new Map<Column, number>();
  let lastCursor = 0;
  let line = 1;
  const advance = (to: number) => {
    for (let i = lastCursor; i < to && i < src.length; i++) if (src.charCodeAt(i) === 10) line++;
    lastCursor = to;
  };

  Papa.parse<string[]>(src, {
    header: false,
    newline: '\n',
    skipEmptyLines: false,
    step: (res) => {
      const startLine = line;
      advance(res.meta.cursor);
      // the row's own end-of-line moves the counter to the next record
      const cells = res.data.map((c) => (c ?? '').trim());
      if (cells.every((c) => c === '')) return;
      for (const e of res.errors) if (e.code !== 'UndetectableDelimiter') problems.push({ line: startLine, message: `CSV 格式问题：${e.message}` });

      if (!header) {
        header = cells.map((c) => c.replace(/^\ufeff/, '').trim());
        colIndex = new Map();
        header.forEach((h, i) => {
          const key = h.toLowerCase() as Column;
          if ((MANIFEST_COLUMNS as readonly string[]).includes(key)) {
            if (colIndex.has(key)) problems.push({ line: startLine, message: `列名重复：${h}（只用第一列）` });
            else colIndex.set(key, i);
          } else if (h) problems.push({ line: startLine, message: `未知的列：${h}（忽略）` });
        });
        if (!colIndex.has('file')) problems.push({ line: startLine, message: '缺少 file 列：无法把清单与报告文件对应' });
        return;
      }
      if (!colIndex.has('file')) return;
      if (cells.length > header.length) {
        problems.push({ line: startLine, message: `多出 ${cells.length - header.length} 个单元格（忽略）` });
      }
      const get = (c: Column): string | null => {
        const i = colIndex.get(c);
        if (i === undefined) return null;
        const v = cells[i];
        return v === undefined || v === '' ? null : v;
      };
      const file = get('file')?.replace(/\\/g, '/') ?? null;
      if (!file) {
        problems.push({ line: startLine, message: '缺少 file 单元格：该行无法对应到报告文件（忽略）' });
        return;
      }
      if (rows.has(file)) {
        problems.push({ line: startLine, message: `file 重复：${file}（保留第一行）` });
        return;
      }
      const row: ManifestRow = { file };
      for (const c of ['organ', 'province', 'city', 'county', 'level'] as const) {
        if (colIndex.has(c)) row[c] = get(c);
      }
      if (colIndex.has('source_url')) {
        const u = get('source_url');
        row.source_url = u === null ? null : httpUrl(u);
        if (u !== null && row.source_url === null) problems.push({ line: startLine, message: `source_url 不是 http/https 网址，未作为链接保存：${u}` });
      }
      if (colIndex.has('year')) {
        const y = get('year');
        row.year = y === null ? null : parseYear(y);
        if (y !== null && row.year === null) problems.push({ line: startLine, message: `year 无法识别：${y}` });
      }
      if (colIndex.has('published')) {
        const p = get('published');
        row.published = p === null ? null : parseDate(p);
        if (p !== null && row.published === null) problems.push({ line: startLine, message: `published 日期无法识别：${p}` });
      }
      rows.set(file, row);
    },
  });

  if (!header) problems.push({ line: 0, message: '清单为空：没有表头' });
  return { rows, problems };
}

/** Read and parse a manifest file (UTF-8, GB18030 or UTF-16). A missing or unreadable file gives no rows and one problem. */
export function loadManifest(path: string): Manifest {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(path);
  } catch (e) {
    return { rows: new Map(), problems: [{ line: 0, message: `无法读取清单文件 ${path}：${(e as Error).message}` }] };
  }
  const d = decodeManifest(bytes);
  if ('error' in d) return { rows: new Map(), problems: [{ line: 0, message: `无法读取清单文件 ${path}：${d.error}` }] };
  return { ...parseManifest(d.text), encoding: d.encoding };
}
