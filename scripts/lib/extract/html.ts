/**
 * A saved report page (or mammoth's rendering of a .docx) → the lines the text
 * parser reads.
 *
 * - The page is parsed with htmlparser2; script/style/nav/header/footer/aside and
 *   elements whose class or id names site chrome (menu, breadcrumb, share bar …) are
 *   dropped, and the main content is the lowest element holding the report's
 *   section headings, its data tables and its title.
 * - Each data table (one without nested tables and with more than one column) is
 *   read as a grid with rowspan/colspan expanded. A merged cell's text sits in its
 *   top-left grid position; the positions it covers are empty fields, so every
 *   number keeps its column (the layout of the tab-separated seeds). One grid row
 *   → one TAB-separated line, locator `表N 第R行` (N counts data tables in the
 *   content, R the grid row, 1-based); the column of field i is grid column i+1
 *   (`cellLocator`).
 * - Inline elements never break text (`20</span><span>23` → 2023); block elements
 *   and <br> do. Prose lines have a null locator.
 */
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import type { ExtractMeta } from './types.ts';
import { normalizeCell, normalizeSpace } from './text.ts';

const JUNK = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'object', 'embed', 'button',
  'select', 'input', 'textarea', 'option', 'head', 'title', 'meta', 'link', 'map', 'canvas', 'img',
]);
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'menu']);
const CHROME_NAME =
  /(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|bread|header|head|top|topbar|footer|foot|bottom|sidebar|side|aside|share|copyright|banner|toolbar|position|location|dqwz|weizhi|links?|friendlink|search|login|related|relate|xgwz|pagenav|prev|next)($|[\s_-])/i;
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol',
  'dl', 'dt', 'dd', 'blockquote', 'pre', 'center', 'tr', 'td', 'th', 'table', 'thead', 'tbody',
  'tfoot', 'caption', 'form', 'fieldset', 'address', 'figure', 'figcaption', 'hr', 'body', 'html',
  'header', 'footer', 'nav', 'aside',
]);
const SECTION_HEADING = /^\s*[一二三四五六][、.．]\s*(总体情况|主动公开|收到和处理|政府信息公开行政复议|存在的主要问题|其他需要报告)/;
const TITLE_TEXT = /政府信息公开.{0,6}年度报告|年度报告/;

function attr(el: Element, name: string): string {
  return el.attribs[name] ?? '';
}

function isHidden(el: Element): boolean {
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attr(el, 'style')) || 'hidden' in el.attribs;
}

function isChrome(el: Element): boolean {
  if (CHROME_TAGS.has(el.name)) return true;
  const names = `${attr(el, 'class')} ${attr(el, 'id')}`;
  return names.trim() !== '' && CHROME_NAME.test(names);
}

function childElements(el: Element): Element[] {
  return el.children.filter(isTag);
}

/** Rows of this table, not of tables nested in it. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of childElements(table)) {
    if (c.name === 'tr') rows.push(c);
    else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') {
      rows.push(...childElements(c).filter((r) => r.name === 'tr'));
    }
  }
  return rows;
}

function containsTag(el: Element, name: string): boolean {
  for (const c of childElements(el)) {
    if (c.name === name || containsTag(c, name)) return true;
  }
  return false;
}

/** Plain text of an element: inline elements join, blocks and <br> become spaces. */
function textOf(node: AnyNode, skipChrome = false): string {
  if (isText(node)) return node.data;
  if (!isTag(node)) return '';
  if (JUNK.has(node.name) || isHidden(node)) return '';
  if (skipChrome && isChrome(node)) return '';
  if (node.name === 'br') return '\n';
  const inner = node.children.map((c) => textOf(c, skipChrome)).join('');
  return BLOCK.has(node.name) ? `\n${inner}\n` : inner;
}

export interface Grid {
  cells: string[][];
  width: number;
}

/** The table as a grid, rowspan/colspan expanded; covered positions are ''. */
export function tableGrid(table: Element): Grid {
  const rows = tableRows(table);
  const cells: string[][] = [];
  const taken: boolean[][] = [];
  const ensure = (r: number) => {
    while (cells.length <= r) {
      cells.push([]);
      taken.push([]);
    }
  };
  rows.forEach((tr, r) => {
    ensure(r);
    let c = 0;
    for (const td of childElements(tr).filter((x) => x.name === 'td' || x.name === 'th')) {
      while (taken[r][c]) c++;
      const remaining = rows.length - r;
      let rs = parseInt(attr(td, 'rowspan'), 10);
      rs = Number.isFinite(rs) ? (rs === 0 ? remaining : Math.min(Math.max(rs, 1), remaining)) : 1;
      let cs = parseInt(attr(td, 'colspan'), 10);
      cs = Number.isFinite(cs) ? Math.min(Math.max(cs, 1), 1000) : 1;
      const text = isHidden(td) ? '' : normalizeCell(textOf(td));
      for (let i = 0; i < rs; i++) {
        ensure(r + i);
        for (let j = 0; j < cs; j++) {
          taken[r + i][c + j] = true;
          cells[r + i][c + j] = i === 0 && j === 0 ? text : '';
        }
      }
      c += cs;
    }
  });
  const width = Math.max(0, ...cells.map((row) => row.length));
  for (const row of cells) for (let c = 0; c < width; c++) row[c] ??= '';
  return { cells, width };
}

function isDataTable(table: Element): boolean {
  if (containsTag(table, 'table')) return false;
  return tableGrid(table).width > 1;
}

function findAll(root: AnyNode, pred: (el: Element) => boolean, out: Element[] = []): Element[] {
  if (!isTag(root) && !('children' in root)) return out;
  const kids = (root as Element).children ?? [];
  for (const c of kids) {
    if (!isTag(c)) continue;
    if (pred(c)) out.push(c);
    findAll(c, pred, out);
  }
  return out;
}

function ancestors(el: Element): Element[] {
  const out: Element[] = [];
  let p: Element | null = el;
  while (p) {
    out.unshift(p);
    p = p.parent && isTag(p.parent) ? p.parent : null;
  }
  return out;
}

function lowestCommonAncestor(els: Element[]): Element | null {
  if (els.length === 0) return null;
  let common = ancestors(els[0]);
  for (const el of els.slice(1)) {
    const a = ancestors(el);
    let i = 0;
    while (i < common.length && i < a.length && common[i] === a[i]) i++;
    common = common.slice(0, i);
  }
  return common.at(-1) ?? null;
}

/** Inside site chrome, a link, or junk: not content. */
function inChrome(el: Element): boolean {
  for (const a of ancestors(el)) {
    if (JUNK.has(a.name) || isHidden(a) || a.name === 'a') return true;
    if (isChrome(a) && !holdsReport(a)) return true;
  }
  return false;
}

const holdsReportCache = new WeakMap<Element, boolean>();
/** A chrome-looking wrapper (e.g. `<header>` of an <article>, `id="top"` around everything) that holds the report itself. */
function holdsReport(el: Element): boolean {
  let v = holdsReportCache.get(el);
  if (v === undefined) {
    const t = textOf(el);
    v = /主动公开政府信息情况|收到和处理政府信息公开申请/.test(t);
    holdsReportCache.set(el, v);
  }
  return v;
}

/** The element holding the report: section headings, data tables and the title. */
function mainContent(body: Element): Element {
  const blocks = findAll(body, (el) => BLOCK.has(el.name) && !inChrome(el));
  const headings = blocks.filter((el) => {
    if (el.name === 'table' || el.name === 'tr' || el.name === 'tbody') return false;
    const own = normalizeSpace(textOf(el));
    return own.length < 60 && SECTION_HEADING.test(own);
  });
  const tables = findAll(body, (el) => el.name === 'table' && !inChrome(el) && isDataTable(el)).filter((t) =>
    tableGrid(t).cells.some((row) => row.filter((c) => /^\d[\d,.]*$/.test(c)).length >= 1),
  );
  const anchors = [...headings, ...tables];
  let main = lowestCommonAncestor(anchors);
  if (main) {
    // the smallest heading element: a <div> holding the whole text matches too
    const title = blocks.find((el) => {
      const t = normalizeSpace(textOf(el));
      return t.length <= 80 && TITLE_TEXT.test(t) && /^(h[1-6]|p|div|td|center|span)$/.test(el.name);
    });
    if (title) {
      const withTitle = lowestCommonAncestor([main, title]);
      if (withTitle && ancestors(main).length - ancestors(withTitle).length <= 3) main = withTitle;
    }
    return main;
  }
  // No report structure: the deepest element holding most of the text.
  const total = normalizeSpace(textOf(body, true)).length;
  let best = body;
  for (const el of blocks) {
    const len = normalizeSpace(textOf(el, true)).length;
    if (len >= total * 0.6 && ancestors(el).length > ancestors(best).length) best = el;
  }
  return best;
}

/** The page's own data line (发布日期：… 来源：… 浏览次数：…): kept in `meta`, not in the text. */
const PAGE_META_LINE = /^[\s【\[]*(发布日期|发布时间|发布机构|信息来源|文章来源|来源|索引号|浏览次数|阅读次数|点击次数|访问量|字号|字体)\s*[:：】\]]/;

/** The 索引号 / 发布机构 / 成文日期 table of an 信息公开 page: metadata, not a report table. */
function isMetaTable(table: Element): boolean {
  return tableGrid(table).cells.some((row) => row.some((c) => /^索引号/.test(c)));
}

/** Lines of the content: prose per block, tables row by row. */
class LineWriter {
  lines: string[] = [];
  locators: (string | null)[] = [];
  private buf = '';
  private tables = 0;

  text(s: string) {
    this.buf += s;
  }

  flush() {
    const line = normalizeSpace(this.buf);
    this.buf = '';
    if (line && !(PAGE_META_LINE.test(line) && line.length < 150)) {
      this.lines.push(line);
      this.locators.push(null);
    }
  }

  table(grid: Grid) {
    this.flush();
    this.tables++;
    grid.cells.forEach((row, r) => {
      if (row.every((c) => c === '')) return;
      this.lines.push(row.map((c) => c.replaceAll('\t', ' ')).join('\t'));
      this.locators.push(`表${this.tables} 第${r + 1}行`);
    });
  }
}

function walk(node: AnyNode, out: LineWriter) {
  if (isText(node)) {
    out.text(node.data);
    return;
  }
  if (!isTag(node)) return;
  if (JUNK.has(node.name) || isHidden(node)) return;
  if (isChrome(node) && !holdsReport(node)) return;
  if (node.name === 'br' || node.name === 'hr') {
    out.flush();
    return;
  }
  if (node.name === 'table' && isMetaTable(node)) return;
  if (node.name === 'table' && isDataTable(node)) {
    out.table(tableGrid(node));
    return;
  }
  const block = BLOCK.has(node.name);
  if (block) out.flush();
  for (const c of node.children) walk(c, out);
  if (block) out.flush();
}

function metaTags(root: AnyNode): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of findAll(root, (el) => el.name === 'meta')) {
    const name = (attr(m, 'name') || attr(m, 'property') || attr(m, 'itemprop')).toLowerCase();
    const content = attr(m, 'content');
    if (name && content && !out.has(name)) out.set(name, content.trim());
  }
  return out;
}

function isoDate(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

const DATE = String.raw`(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})`;

/** 发布日期 / 来源 / 索引号 from <meta> tags and the page text (site chrome included). */
export function pageMeta(root: AnyNode, pageText: string): ExtractMeta {
  const meta: ExtractMeta = {};
  const tags = metaTags(root);
  for (const k of ['pubdate', 'publishdate', 'firstpublishedtime', 'article:published_time', 'datepublished']) {
    const v = tags.get(k);
    const m = v ? new RegExp(DATE).exec(v) : null;
    if (m) {
      meta.published = isoDate(m[1], m[2], m[3]);
      break;
    }
  }
  if (!meta.published) {
    const m = new RegExp(String.raw`(?:发布日期|发布时间|公开日期|发布于|发稿时间)\s*[:：]?\s*` + DATE).exec(pageText);
    if (m) meta.published = isoDate(m[1], m[2], m[3]);
  }
  const src = /(?:信息来源|文章来源|来源)\s*[:：]\s*([^\s|｜,，;；:：]{2,40})/.exec(pageText)
    ?? /发布机构\s*[:：]?\s*([^\s|｜,，;；:：]{2,40})/.exec(pageText);
  if (src) meta.source = src[1];
  else if (tags.get('contentsource')) meta.source = tags.get('contentsource');
  const idx = /索引号\s*[:：]?\s*([0-9A-Za-z][0-9A-Za-z\-/_.（）()]{4,60})/.exec(pageText);
  if (idx) meta.indexNo = idx[1];
  const title = tags.get('articletitle');
  if (title) meta.title = normalizeSpace(title);
  return meta;
}

export interface HtmlExtraction {
  lines: string[];
  locators: (string | null)[];
  meta: ExtractMeta;
}

export function extractHtml(html: string): HtmlExtraction {
  const doc = parseDocument(html);
  const body = findAll(doc, (el) => el.name === 'body')[0] ?? findAll(doc, (el) => el.name === 'html')[0];
  const root: Element | null = body ?? null;
  // Page text for metadata: cells and blocks separated so 索引号 | value reads as a pair.
  const pageText = doc.children.map((c) => textOf(c)).join(' ').replace(/\s+/g, ' ');
  const meta = pageMeta(doc, pageText);
  const out = new LineWriter();
  if (root) {
    walk(mainContent(root), out);
  } else {
    for (const c of doc.children) walk(c, out);
  }
  out.flush();
  if (!meta.title) {
    const fromText = out.lines.slice(0, 5).find((l) => !l.includes('\t') && TITLE_TEXT.test(l) && l.length <= 80);
    const docTitle = findAll(doc, (el) => el.name === 'title')[0];
    const fromTag = docTitle ? normalizeSpace(docTitle.children.map((c) => (isText(c) ? c.data : '')).join('')) : '';
    const title = fromText ?? fromTag;
    if (title) meta.title = title;
  }
  return { lines: out.lines, locators: out.locators, meta };
}
