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
 * - Linear in the size of the page: every element's text comes from one pass
 *   (`ElementText`), facts about ancestors are carried down, the tree is walked
 *   without recursion (so nesting depth costs nothing), and each table is gridded
 *   once. A page may have at most `limits.htmlElements` tags (the HTML parser's
 *   own cost grows with the square of the nesting depth), and its expanded grids
 *   at most `limits.gridCells` cells.
 */
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type AnyNode, type Document, type Element } from 'domhandler';
import { ElementText } from './elementText.ts';
import { formatCount, LimitExceeded, LIMITS, type Limits } from './limits.ts';
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

/** Every element under root (root included when it is one), in document order, without recursion. */
function elementsIn(root: AnyNode): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (isTag(n)) out.push(n);
    const kids = (n as Element).children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

function findAll(root: AnyNode, pred: (el: Element) => boolean): Element[] {
  return elementsIn(root).filter((el) => el !== root && pred(el));
}

/** Raw text of a node as a reader copies it (for the page's metadata): one pass, no recursion. */
function rawText(root: AnyNode): string {
  const parts: string[] = [];
  const stack: (AnyNode | string)[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n === 'string') {
      parts.push(n);
      continue;
    }
    if (isText(n)) {
      parts.push(n.data);
      continue;
    }
    if (!isTag(n) || JUNK.has(n.name) || isHidden(n)) continue;
    if (n.name === 'br') {
      parts.push('\n');
      continue;
    }
    const block = BLOCK.has(n.name);
    if (block) {
      parts.push('\n');
      stack.push('\n');
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return parts.join('');
}

const SILENT = (el: Element) => JUNK.has(el.name) || isHidden(el);
const SILENT_OR_CHROME = (el: Element) => SILENT(el) || isChrome(el);
const HOLDS_REPORT = ['主动公开政府信息情况', '收到和处理政府信息公开申请'];

/**
 * What the reader needs to know of every element of one page, computed once:
 * its text (as a whole, and without site chrome), depth, document order, whether
 * it holds a table, whether it is outside the content; and each table's grid.
 */
class Page {
  readonly text: ElementText;
  readonly textWithoutChrome: ElementText;
  private readonly depth = new Map<Element, number>();
  private readonly order = new Map<Element, number>();
  private readonly withTable = new Set<Element>();
  private readonly outside = new Set<Element>();
  private readonly grids = new Map<Element, Grid>();
  private readonly reportWords: { at: number[]; length: number }[];
  private cells = 0;

  constructor(
    readonly doc: Document,
    private readonly limits: Limits,
  ) {
    this.text = new ElementText(doc.children, BLOCK, SILENT);
    this.textWithoutChrome = new ElementText(doc.children, BLOCK, SILENT_OR_CHROME);
    this.reportWords = HOLDS_REPORT.map((w) => ({ at: this.text.occurrences(w), length: w.length }));
    const all = elementsIn(doc);
    all.forEach((el, i) => {
      this.order.set(el, i);
      const parent = el.parent && isTag(el.parent) ? el.parent : null;
      this.depth.set(el, parent ? this.depth.get(parent)! + 1 : 0);
      // inside site chrome, a link, or junk: not content
      const out = (parent !== null && this.outside.has(parent)) || JUNK.has(el.name) || isHidden(el) || el.name === 'a' || (isChrome(el) && !this.holdsReport(el));
      if (out) this.outside.add(el);
    });
    for (let i = all.length - 1; i >= 0; i--) {
      const el = all[i];
      const parent = el.parent && isTag(el.parent) ? el.parent : null;
      if (parent && (el.name === 'table' || this.withTable.has(el))) this.withTable.add(parent);
    }
  }

  /** A chrome-looking wrapper (e.g. `<header>` of an <article>, `id="top"` around everything) that holds the report itself. */
  holdsReport(el: Element): boolean {
    return this.reportWords.some((w) => this.text.holds(el, w.at, w.length));
  }

  inChrome(el: Element): boolean {
    return this.outside.has(el);
  }

  depthOf(el: Element): number {
    return this.depth.get(el) ?? 0;
  }

  containsTable(el: Element): boolean {
    return this.withTable.has(el);
  }

  lowestCommonAncestor(els: Element[]): Element | null {
    if (els.length === 0) return null;
    // the common ancestor of a set is that of its first and last in document order
    let a = els[0];
    let b = els[0];
    for (const el of els) {
      if (this.order.get(el)! < this.order.get(a)!) a = el;
      if (this.order.get(el)! > this.order.get(b)!) b = el;
    }
    const up = (el: Element) => (el.parent && isTag(el.parent) ? el.parent : null);
    let x: Element | null = a;
    let y: Element | null = b;
    while (x && y && this.depthOf(x) > this.depthOf(y)) x = up(x);
    while (x && y && this.depthOf(y) > this.depthOf(x)) y = up(y);
    while (x && y && x !== y) {
      x = up(x);
      y = up(y);
    }
    return x && x === y ? x : null;
  }

  /** The table as a grid, rowspan/colspan expanded (computed once per table). */
  grid(table: Element): Grid {
    let g = this.grids.get(table);
    if (!g) {
      g = tableGrid(table, this.text, (n) => {
        this.cells += n;
        if (this.cells > this.limits.gridCells) {
          throw new LimitExceeded('gridCells', `表格展开后超过 ${formatCount(this.limits.gridCells, '个')}单元格（合并单元格 rowspan/colspan 异常），不是年度报告`);
        }
      });
      this.grids.set(table, g);
    }
    return g;
  }
}

export interface Grid {
  cells: string[][];
  width: number;
}

/**
 * The table as a grid, rowspan/colspan expanded; covered positions are ''.
 * `spend(n)` is told of every n cells before they are made, and may throw.
 */
function tableGrid(table: Element, text: ElementText, spend: (cells: number) => void = () => {}): Grid {
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
      spend(rs * cs);
      const value = isHidden(td) ? '' : normalizeCell(text.compact(td));
      for (let i = 0; i < rs; i++) {
        ensure(r + i);
        for (let j = 0; j < cs; j++) {
          taken[r + i][c + j] = true;
          cells[r + i][c + j] = i === 0 && j === 0 ? value : '';
        }
      }
      c += cs;
    }
  });
  let width = 0;
  for (const row of cells) width = Math.max(width, row.length);
  // the padding to a rectangle counts too: one wide row over many short ones
  let filled = 0;
  for (const row of cells) filled += row.length;
  spend(width * cells.length - filled);
  for (const row of cells) for (let c = 0; c < width; c++) row[c] ??= '';
  return { cells, width };
}

function isDataTable(page: Page, table: Element): boolean {
  if (page.containsTable(table)) return false;
  return page.grid(table).width > 1;
}

/** The element holding the report: section headings, data tables and the title. */
function mainContent(page: Page, body: Element): Element {
  const blocks = findAll(body, (el) => BLOCK.has(el.name) && !page.inChrome(el));
  const headings = blocks.filter((el) => {
    if (el.name === 'table' || el.name === 'tr' || el.name === 'tbody') return false;
    return page.text.normalizedLength(el) < 60 && SECTION_HEADING.test(page.text.normalized(el));
  });
  const tables = findAll(body, (el) => el.name === 'table' && !page.inChrome(el) && isDataTable(page, el)).filter((t) =>
    page.grid(t).cells.some((row) => row.filter((c) => /^\d[\d,.]*$/.test(c)).length >= 1),
  );
  const anchors = [...headings, ...tables];
  let main = page.lowestCommonAncestor(anchors);
  if (main) {
    // the smallest heading element: a <div> holding the whole text matches too
    const title = blocks.find(
      (el) => /^(h[1-6]|p|div|td|center|span)$/.test(el.name) && page.text.normalizedLength(el) <= 80 && TITLE_TEXT.test(page.text.normalized(el)),
    );
    if (title) {
      const withTitle = page.lowestCommonAncestor([main, title]);
      if (withTitle && page.depthOf(main) - page.depthOf(withTitle) <= 3) main = withTitle;
    }
    return main;
  }
  // No report structure: the deepest element holding most of the text.
  const total = page.textWithoutChrome.normalizedLength(body);
  let best = body;
  for (const el of blocks) {
    const len = page.textWithoutChrome.normalizedLength(el);
    if (len >= total * 0.6 && page.depthOf(el) > page.depthOf(best)) best = el;
  }
  return best;
}

/** The page's own data line (发布日期：… 来源：… 浏览次数：…): kept in `meta`, not in the text. */
const PAGE_META_LINE = /^[\s【\[]*(发布日期|发布时间|发布机构|信息来源|文章来源|来源|索引号|浏览次数|阅读次数|点击次数|访问量|字号|字体)\s*[:：】\]]/;

/** The 索引号 / 发布机构 / 成文日期 table of an 信息公开 page: metadata, not a report table. */
function isMetaTable(page: Page, table: Element): boolean {
  return tableRows(table).some((tr) => childElements(tr).some((td) => (td.name === 'td' || td.name === 'th') && !isHidden(td) && page.text.startsWith(td, '索引号')));
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

/** The content in reading order into lines: prose by block, data tables row by row. */
function walk(page: Page, root: AnyNode, out: LineWriter) {
  const FLUSH = null;
  const stack: (AnyNode | null)[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === FLUSH) {
      out.flush();
      continue;
    }
    if (isText(node)) {
      out.text(node.data);
      continue;
    }
    if (!isTag(node)) continue;
    if (JUNK.has(node.name) || isHidden(node)) continue;
    if (isChrome(node) && !page.holdsReport(node)) continue;
    if (node.name === 'br' || node.name === 'hr') {
      out.flush();
      continue;
    }
    if (node.name === 'table' && isMetaTable(page, node)) continue;
    if (node.name === 'table' && isDataTable(page, node)) {
      out.table(page.grid(node));
      continue;
    }
    const block = BLOCK.has(node.name);
    if (block) {
      out.flush();
      stack.push(FLUSH);
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
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

/** Tags in the markup, counted before parsing: the parser's cost grows with the square of the nesting depth. */
function countTags(html: string, bound: number): number {
  let n = 0;
  for (let i = html.indexOf('<'); i >= 0 && n <= bound; i = html.indexOf('<', i + 1)) {
    const c = html.charCodeAt(i + 1);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
  }
  return n;
}

export function extractHtml(html: string, limits: Limits = LIMITS): HtmlExtraction {
  if (countTags(html, limits.htmlElements) > limits.htmlElements) {
    throw new LimitExceeded('htmlElements', `网页元素超过 ${formatCount(limits.htmlElements, '个')}，不是年度报告`);
  }
  const doc = parseDocument(html);
  const page = new Page(doc, limits);
  const body = findAll(doc, (el) => el.name === 'body')[0] ?? findAll(doc, (el) => el.name === 'html')[0];
  const root: Element | null = body ?? null;
  // Page text for metadata: cells and blocks separated so 索引号 | value reads as a pair.
  const pageText = doc.children.map(rawText).join(' ').replace(/\s+/g, ' ');
  const meta = pageMeta(doc, pageText);
  const out = new LineWriter();
  if (root) {
    walk(page, mainContent(page, root), out);
  } else {
    for (const c of doc.children) walk(page, c, out);
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
