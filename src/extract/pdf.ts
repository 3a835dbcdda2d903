/**
 * A PDF → the lines the text parser reads, from pdfjs text items and their positions.
 *
 * - Items on one baseline that touch are joined into chunks (`5` `4` → `54`).
 * - Ruled tables (the template's tables are ruled, whether printed by Word, WPS or a
 *   browser): the drawn cell borders give the grid. Row boundaries are the rules'
 *   y positions, column boundaries their x positions; a missing rule between two
 *   grid cells is a merged cell, whose text goes to its top-left grid position.
 *   Every grid row becomes one TAB-separated line with a field per grid column, so
 *   a blank cell keeps its column, exactly as the HTML path does.
 * - Unruled tables: lines with several chunks and numbers form a block; the number
 *   columns are the x-ranges where the block's numbers overlap, the text left of the
 *   first one is the label.
 * - Lines in the top or bottom margin repeated on several pages at the same height
 *   (running headers, footers) and page numbers (`- 3 -`, `第3页 共9页`) are dropped.
 *   A ruled table continuing on the next page with the same columns is gridded
 *   with the first part's columns, so its rows keep their fields.
 * - Locator of every line: `第P页 y=Y`, Y in PDF points from the bottom of the page
 *   (the baseline of the line; a table row's first text).
 * - No text at all → `no text layer; OCR not supported`.
 */
import { formatCount, LimitExceeded, textTooLong, type Limits } from './limits.ts';
import type { ExtractMeta } from './types.ts';
import { joinPieces, normalizeCell, normalizeRadicals, normalizeSpace } from './text.ts';

export const NO_TEXT_LAYER = 'PDF 没有文字层（扫描件？），不支持文字识别（OCR）';

type PdfJs = Pick<typeof import('pdfjs-dist/legacy/build/pdf.mjs'), 'getDocument' | 'OPS'>;

/**
 * What pdf.js needs from where it runs: the module, and the folders of its
 * character maps (Chinese fonts without embedded Unicode maps need them) and
 * standard fonts. Node gives the legacy build and file paths; a browser worker
 * the modern build and URLs. Folders end in '/'.
 */
export interface PdfHost {
  load: () => Promise<PdfJs>;
  cMapUrl: string;
  standardFontDataUrl: string;
}

interface Chunk {
  str: string;
  x0: number;
  x1: number;
  /** baseline */
  y: number;
  size: number;
}

interface Line {
  chunks: Chunk[];
  y: number;
  size: number;
}

interface Seg {
  /** 'h': y0 === y1, x0 < x1; 'v': x0 === x1, y0 < y1 */
  dir: 'h' | 'v';
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

interface RuledTable {
  xs: number[];
  /** descending: top of the page first */
  ys: number[];
  segs: Seg[];
  bbox: { x0: number; x1: number; y0: number; y1: number };
}

/** Out: a page's content in reading order. */
type Block = { kind: 'line'; text: string; y: number } | { kind: 'table'; table: RuledTable; chunks: Chunk[] };

const TOL = 2;

/** pdfjs 6 expects these of a newer runtime than Node 20; its legacy build polyfills the rest. */
function polyfill() {
  const P = Promise as unknown as { withResolvers?: () => unknown };
  P.withResolvers ??= function withResolvers() {
    let resolve!: (v: unknown) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise((a, b) => {
      resolve = a;
      reject = b;
    });
    return { promise, resolve, reject };
  };
  const AB = ArrayBuffer.prototype as unknown as { transferToFixedLength?: (n?: number) => ArrayBuffer };
  AB.transferToFixedLength ??= function transferToFixedLength(this: ArrayBuffer, n?: number) {
    const len = n ?? this.byteLength;
    const out = new ArrayBuffer(len);
    new Uint8Array(out).set(new Uint8Array(this, 0, Math.min(len, this.byteLength)));
    return out;
  };
}

type Matrix = [number, number, number, number, number, number];
const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

const isNumeric = (s: string) => /^[-+]?\d[\d,]*(\.\d+)?%?$/.test(s.trim());

/** Items touching on one baseline become one chunk — unless a column rule runs between them. */
function toChunks(items: { str: string; transform: number[]; width: number }[], segs: Seg[] = []): Chunk[] {
  const rules = segs.filter((s) => s.dir === 'v');
  const ruleBetween = (x0: number, x1: number, y: number) => rules.some((s) => s.x0 > x0 - 1 && s.x0 < x1 + 1 && y >= s.y0 - 2 && y <= s.y1 + 2);
  // pdfjs joins neighbouring runs into one item with a space ("2262 7259" across two
  // cells): split items at inner whitespace, positions shared out by character count
  const pieces = items
    .filter((it) => it.str !== '')
    .flatMap((it) => {
      const base = { y: it.transform[5], size: Math.hypot(it.transform[2], it.transform[3]) || 10 };
      const str = normalizeRadicals(it.str);
      const per = str.length ? it.width / str.length : 0;
      const out: { str: string; x: number; w: number; y: number; size: number }[] = [];
      for (const m of str.matchAll(/\S+|\s+/g)) {
        out.push({ ...base, str: m[0], x: it.transform[4] + per * m.index, w: per * m[0].length });
      }
      return out;
    });
  const sorted = pieces
    .sort((a, b) => (Math.abs(a.y - b.y) > Math.min(a.size, b.size) * 0.3 ? b.y - a.y : a.x - b.x));
  const out: Chunk[] = [];
  let cur: Chunk | null = null;
  for (const it of sorted) {
    if (it.str.trim() === '') {
      cur = null;
      continue;
    }
    const gap = cur ? it.x - cur.x1 : Infinity;
    if (cur && Math.abs(it.y - cur.y) <= it.size * 0.3 && gap > -it.size * 0.5 && gap < it.size * 0.3 && !ruleBetween(cur.x1, it.x, it.y)) {
      cur.str += it.str;
      cur.x1 = Math.max(cur.x1, it.x + it.w);
    } else {
      cur = { str: it.str, x0: it.x, x1: it.x + it.w, y: it.y, size: it.size };
      out.push(cur);
    }
  }
  for (const c of out) c.str = c.str.trim();
  return out.filter((c) => c.str !== '');
}

function toLines(chunks: Chunk[]): Line[] {
  const lines: Line[] = [];
  for (const c of [...chunks].sort((a, b) => b.y - a.y || a.x0 - b.x0)) {
    const line = lines.find((l) => Math.abs(l.y - c.y) <= Math.max(l.size, c.size) * 0.35);
    if (line) line.chunks.push(c);
    else lines.push({ chunks: [c], y: c.y, size: c.size });
  }
  for (const l of lines) l.chunks.sort((a, b) => a.x0 - b.x0);
  return lines.sort((a, b) => b.y - a.y);
}

/** A line's chunks joined; a wide gap (a cell boundary of an unaligned row) becomes a TAB. */
function lineText(chunks: Chunk[]): string {
  let s = '';
  chunks.forEach((c, k) => {
    const prev = chunks[k - 1];
    if (prev && c.x0 - prev.x1 >= 1.5 * c.size) s += `\t${normalizeSpace(c.str)}`;
    else s = joinPieces(s, normalizeSpace(c.str));
  });
  return s.trim();
}

/** Axis-aligned segments drawn on the page: thin filled rectangles and stroked lines. */
async function pageSegments(page: PdfPage, OPS: Record<string, number>): Promise<Seg[]> {
  const ops = await page.getOperatorList();
  const segs: Seg[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const fills = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const push = (ax: number, ay: number, bx: number, by: number) => {
    if (Math.abs(ay - by) < 0.8 && Math.abs(ax - bx) > 3) {
      segs.push({ dir: 'h', x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: (ay + by) / 2, y1: (ay + by) / 2 });
    } else if (Math.abs(ax - bx) < 0.8 && Math.abs(ay - by) > 3) {
      segs.push({ dir: 'v', x0: (ax + bx) / 2, x1: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) });
    }
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args?.[0] as Matrix | null;
      if (m && m.length === 6) ctm = mul(ctm, m);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      const op = args[0] as number;
      const buf = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!buf) continue;
      // sub-paths of straight pieces, in page space
      const subpaths: [number, number][][] = [];
      let cur: [number, number][] = [];
      for (let k = 0; k < buf.length; ) {
        const d = buf[k];
        if (d === 0) {
          if (cur.length) subpaths.push(cur);
          cur = [apply(ctm, buf[k + 1], buf[k + 2])];
          k += 3;
        } else if (d === 1) {
          cur.push(apply(ctm, buf[k + 1], buf[k + 2]));
          k += 3;
        } else if (d === 2) {
          cur = [];
          k += 7;
        } else if (d === 3) {
          cur = [];
          k += 5;
        } else {
          if (cur.length) cur.push(cur[0]);
          k += 1;
        }
      }
      if (cur.length) subpaths.push(cur);
      for (const sp of subpaths) {
        if (fills.has(op) && sp.length >= 4) {
          const xs = sp.map((p) => p[0]);
          const ys = sp.map((p) => p[1]);
          const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          if (y1 - y0 <= 3 && x1 - x0 > 3) push(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
          else if (x1 - x0 <= 3 && y1 - y0 > 3) push((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
        }
        if (strokes.has(op)) for (let k = 1; k < sp.length; k++) push(sp[k - 1][0], sp[k - 1][1], sp[k][0], sp[k][1]);
      }
    }
  }
  return segs;
}

function cluster(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) {
    if (out.length && v - out[out.length - 1] <= TOL) continue;
    out.push(v);
  }
  return out;
}

function touches(a: Seg, b: Seg): boolean {
  return a.x0 - TOL <= b.x1 && b.x0 - TOL <= a.x1 && a.y0 - TOL <= b.y1 && b.y0 - TOL <= a.y1;
}

/** Connected groups of rules with at least two of each direction: the page's ruled tables. */
function ruledTables(segs: Seg[]): RuledTable[] {
  const parent = segs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < segs.length; i++) {
    for (let j = i + 1; j < segs.length; j++) if (touches(segs[i], segs[j])) parent[find(i)] = find(j);
  }
  const groups = new Map<number, Seg[]>();
  segs.forEach((s, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), s]);
  });
  const tables: RuledTable[] = [];
  for (const g of groups.values()) {
    const hs = g.filter((s) => s.dir === 'h');
    const vs = g.filter((s) => s.dir === 'v');
    if (hs.length < 2 || vs.length < 2) continue;
    const xs = cluster(vs.map((s) => s.x0));
    // A table split over pages has its cut edge unruled: the column rules run past
    // the last horizontal rule. That edge closes the table like a rule would.
    const vTop = Math.max(...vs.map((s) => s.y1));
    const vBottom = Math.min(...vs.map((s) => s.y0));
    const hTop = Math.max(...hs.map((s) => s.y0));
    const hBottom = Math.min(...hs.map((s) => s.y0));
    for (const y of [vTop > hTop + TOL ? vTop : null, vBottom < hBottom - TOL ? vBottom : null]) {
      if (y === null) continue;
      const edge: Seg = { dir: 'h', x0: xs[0], x1: xs.at(-1)!, y0: y, y1: y };
      hs.push(edge);
      g.push(edge);
    }
    const ys = cluster(hs.map((s) => s.y0)).reverse();
    // a frame around text (one column) is not a grid
    if (xs.length < 3 || ys.length < 2) continue;
    tables.push({ xs, ys, segs: g, bbox: { x0: xs[0], x1: xs.at(-1)!, y0: ys.at(-1)!, y1: ys[0] } });
  }
  return tables;
}

function inside(t: RuledTable, c: Chunk): boolean {
  const cx = (c.x0 + c.x1) / 2;
  const cy = c.y + c.size * 0.35;
  return cx > t.bbox.x0 && cx < t.bbox.x1 && cy > t.bbox.y0 && cy < t.bbox.y1;
}

function band(bounds: number[], v: number, descending: boolean): number {
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [a, b] = descending ? [bounds[i + 1], bounds[i]] : [bounds[i], bounds[i + 1]];
    if (v >= a && v <= b) return i;
  }
  return -1;
}

/** The ruled table as text rows: one field per grid column, merged cells' text at top-left. */
function gridRows(t: RuledTable, chunks: Chunk[], xs = t.xs): { fields: string[]; y: number }[] {
  const { ys, segs } = t;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const hRule = (r: number, c: number) => {
    const mid = (xs[c] + xs[c + 1]) / 2;
    return segs.some((s) => s.dir === 'h' && Math.abs(s.y0 - ys[r]) <= TOL && s.x0 - TOL <= mid && s.x1 + TOL >= mid);
  };
  const vRule = (c: number, r: number) => {
    const mid = (ys[r] + ys[r + 1]) / 2;
    return segs.some((s) => s.dir === 'v' && Math.abs(s.x0 - xs[c]) <= TOL && s.y0 - TOL <= mid && s.y1 + TOL >= mid);
  };
  const cells: Chunk[][][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => []));
  for (const ch of chunks) {
    let r = band(ys, ch.y + ch.size * 0.35, true);
    let c = band(xs, (ch.x0 + ch.x1) / 2, false);
    if (r < 0 || c < 0) continue;
    while (r > 0 && !hRule(r, c)) r--;
    while (c > 0 && !vRule(c, r)) c--;
    cells[r][c].push(ch);
  }
  const out: { fields: string[]; y: number }[] = [];
  cells.forEach((row, r) => {
    const fields = row.map((cell) => normalizeCell(toLines(cell).map((l) => lineText(l.chunks)).reduce(joinPieces, '')));
    if (fields.every((f) => f === '')) return;
    const first = row.flat().sort((a, b) => b.y - a.y)[0];
    out.push({ fields: fields.map((f) => f.replaceAll('\t', ' ')), y: first ? first.y : ys[r] });
  });
  return out;
}

/** Unruled table rows: label, then one field per number column (x-ranges where numbers overlap). */
function unruledRows(block: Line[]): { fields: string[]; y: number }[] {
  // columns from the fullest rows: a number centred under a merged header would add a phantom column
  const count = (l: Line) => l.chunks.filter((c) => isNumeric(c.str)).length;
  const most = Math.max(...block.map(count));
  const nums = block.filter((l) => count(l) === most).flatMap((l) => l.chunks.filter((c) => isNumeric(c.str)));
  const ranges: { x0: number; x1: number }[] = [];
  for (const c of [...nums].sort((a, b) => a.x0 - b.x0)) {
    const last = ranges.at(-1);
    if (last && c.x0 <= last.x1 + TOL) last.x1 = Math.max(last.x1, c.x1);
    else ranges.push({ x0: c.x0, x1: c.x1 });
  }
  const firstCol = ranges[0].x0 - TOL;
  return block.map((l) => {
    const fields = Array<string>(ranges.length + 1).fill('');
    for (const c of l.chunks) {
      if (c.x1 <= firstCol) {
        fields[0] = joinPieces(fields[0], c.str);
        continue;
      }
      const cx = (c.x0 + c.x1) / 2;
      let best = 0;
      ranges.forEach((r, i) => {
        const d = Math.abs((r.x0 + r.x1) / 2 - cx);
        if (d < Math.abs((ranges[best].x0 + ranges[best].x1) / 2 - cx)) best = i;
      });
      fields[best + 1] = joinPieces(fields[best + 1], c.str);
    }
    return { fields: fields.map(normalizeCell), y: l.y };
  });
}

const PAGE_NUMBER = /^[-—–－\s]*(第\s*)?\d{1,4}\s*(页)?\s*([/／]\s*\d{1,4}|共\s*\d{1,4}\s*页)?\s*(页)?[-—–－\s]*$|^(page\s*)?\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i;

interface PdfPage {
  view: number[];
  getTextContent(): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
}

interface PageData {
  number: number;
  height: number;
  chunks: Chunk[];
  segs: Seg[];
}

export interface PdfExtraction {
  lines: string[];
  locators: (string | null)[];
  meta: ExtractMeta;
}

export async function extractPdf(
  bytes: Uint8Array,
  host: PdfHost,
  limits: Limits,
  onPage?: (read: number, total: number) => void,
): Promise<PdfExtraction | { error: string }> {
  polyfill();
  const pdfjs = await host.load();
  const OPS = pdfjs.OPS as unknown as Record<string, number>;
  const loading = pdfjs.getDocument({
    // a copy as a plain Uint8Array: pdf.js refuses a Node Buffer (Buffer.slice is a Buffer view)
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    cMapUrl: host.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: host.standardFontDataUrl,
    verbosity: 0,
  });
  const doc = await loading.promise;
  try {
    if (doc.numPages > limits.pdfPages) {
      throw new LimitExceeded('pdfPages', `PDF 有 ${doc.numPages} 页，超过 ${formatCount(limits.pdfPages, '页')}，不是年度报告`);
    }
    const pages: PageData[] = [];
    let chars = 0;
    onPage?.(0, doc.numPages);
    for (let p = 1; p <= doc.numPages; p++) {
      const page = (await doc.getPage(p)) as unknown as PdfPage;
      const tc = await page.getTextContent();
      const items = tc.items.filter((it): it is { str: string; transform: number[]; width: number } => typeof it === 'object' && it !== null && 'str' in it);
      const segs = await pageSegments(page, OPS);
      // grouping pieces into lines and rules into tables compares them pairwise on a page
      if (items.length + segs.length > limits.pdfPageItems) {
        throw new LimitExceeded('pdfPageItems', `PDF 第 ${p} 页的文字块和线条超过 ${formatCount(limits.pdfPageItems, '个')}，不是年度报告`);
      }
      for (const it of items) chars += it.str.length;
      if (chars > limits.textChars) throw textTooLong(limits);
      pages.push({ number: p, height: page.view[3] - page.view[1], chunks: toChunks(items, segs), segs });
      onPage?.(p, doc.numPages);
    }
    if (pages.every((p) => p.chunks.length === 0)) return { error: NO_TEXT_LAYER };
    dropRunningLines(pages);

    const lines: string[] = [];
    const locators: (string | null)[] = [];
    const emit = (text: string, page: number, y: number) => {
      if (!text) return;
      lines.push(text);
      locators.push(`第${page}页 y=${Math.round(y)}`);
    };
    let openTable: RuledTable | null = null;
    for (const page of pages) {
      const tables = ruledTables(page.segs);
      const blocks: Block[] = [];
      const loose: Chunk[] = [];
      const byTable = new Map<RuledTable, Chunk[]>(tables.map((t) => [t, []]));
      for (const c of page.chunks) {
        const t = tables.find((tt) => inside(tt, c));
        if (t) byTable.get(t)!.push(c);
        else loose.push(c);
      }
      for (const t of tables) blocks.push({ kind: 'table', table: t, chunks: byTable.get(t)! });
      const looseLines = toLines(loose);
      // unruled tables among the loose lines: rows with numbers in several chunks,
      // a few wrapped-label lines between them allowed; the rest is prose
      const isRow = (l: Line) => l.chunks.filter((c) => isNumeric(c.str)).length >= 1 && l.chunks.length >= 2;
      let i = 0;
      while (i < looseLines.length) {
        if (!isRow(looseLines[i])) {
          blocks.push({ kind: 'line', text: lineText(looseLines[i].chunks), y: looseLines[i].y });
          i++;
          continue;
        }
        let j = i + 1;
        let end = i + 1;
        while (j < looseLines.length && j - end <= 3) {
          if (isRow(looseLines[j])) end = j + 1;
          j++;
        }
        const block = looseLines.slice(i, end);
        const rows = block.filter(isRow);
        if (rows.length >= 2) {
          const fields = unruledRows(rows);
          for (const l of block) {
            const k = rows.indexOf(l);
            blocks.push({ kind: 'line', text: k >= 0 ? fields[k].fields.join('\t') : lineText(l.chunks), y: l.y });
          }
        } else {
          for (const l of block) blocks.push({ kind: 'line', text: lineText(l.chunks), y: l.y });
        }
        i = end;
      }
      blocks.sort((a, b) => (b.kind === 'line' ? b.y : b.table.bbox.y1) - (a.kind === 'line' ? a.y : a.table.bbox.y1));
      blocks.forEach((b, k) => {
        if (b.kind === 'line') {
          emit(b.text, page.number, b.y);
          openTable = null;
          return;
        }
        // a table that opens the page and has the columns of the table that closed the last one continues it
        let xs = b.table.xs;
        const prev: RuledTable | null = openTable;
        if (k === 0 && prev && b.table.xs.every((x) => prev.xs.some((px) => Math.abs(px - x) <= TOL))) xs = prev.xs;
        for (const r of gridRows(b.table, b.chunks, xs)) emit(r.fields.join('\t'), page.number, r.y);
        openTable = k === blocks.length - 1 ? { ...b.table, xs } : null;
      });
    }
    const meta: ExtractMeta = {};
    const info = (await doc.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' ? normalizeSpace(normalizeRadicals(info.Title)) : '';
    if (title && /[\u4e00-\u9fff]/.test(title)) meta.title = title;
    return { lines, locators, meta };
  } finally {
    await doc.cleanup?.();
    await loading.destroy();
  }
}

/** Drop page numbers and running headers/footers: margin lines repeated on several pages at one height. */
function dropRunningLines(pages: PageData[]) {
  type Margin = { page: PageData; line: Line; key: string };
  const margins: Margin[] = [];
  for (const page of pages) {
    const tables = ruledTables(page.segs);
    for (const line of toLines(page.chunks.filter((c) => !tables.some((t) => inside(t, c))))) {
      const top = page.height - line.y;
      if (line.y > page.height * 0.12 && top > page.height * 0.12) continue;
      margins.push({ page, line, key: lineText(line.chunks).replace(/\d+/g, '#') });
    }
  }
  const drop = new Set<Chunk>();
  for (const m of margins) {
    const text = lineText(m.line.chunks);
    const repeated = margins.filter((o) => o.page !== m.page && o.key === m.key && Math.abs(o.line.y - m.line.y) <= 3).length;
    if (PAGE_NUMBER.test(text) || (pages.length >= 2 && repeated >= 1 && repeated + 1 >= Math.min(3, pages.length))) {
      for (const c of m.line.chunks) drop.add(c);
    }
  }
  for (const page of pages) page.chunks = page.chunks.filter((c) => !drop.has(c));
}
