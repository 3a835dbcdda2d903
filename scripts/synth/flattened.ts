/**
 * flattened: a web page's text as a crawler saves it (pingtan-2021, pingtan-2023
 * in ../shared/corpus/complete). The whole report is one line; a table's cells
 * are joined with nothing between them, so a row prints as its label and one
 * run of digits (`行政规范性文件77132470` = 77, 132, 470), a sub-row's
 * enumerator follows the previous row's digits (`…3100000312.没有现成信息…`),
 * an empty cell leaves no trace and a dash or a unit is the only mark between
 * two figures (`行政事业性收费35-15`, `政府集中采购39573802895.90元`).
 *
 * Variants: `joined` prints no space anywhere (pingtan-2023); `spaces` keeps
 * the odd space a page's markup left — between a label and its run, after a
 * row, now and then between two cells (`500000 5`, pingtan-2021). `crawler`
 * puts the crawler's own header block (标题:, 发布时间:, … , the 正文 rule)
 * above the line; `page` is the page's text alone. `blanks` (a quarter of the
 * pages) has empty cells, which vanish from the run: `其他对外管理服务事项581` is
 * then 空, 5, 81, and a reader that assumes every cell printed a digit reads 5, 8, 1.
 */
import type { Doc, Layout } from './layouts';
import type { Rng } from './prng';
import { S3_APPLICANT_LABELS, S3_NOTE, S4_COL_LABELS, S4_SUB, S4_TOP } from './tables';

const SHARE_TAIL = ['微信', '微博', 'QQ空间', '全真版', '文字版', '文件下载'];

export function flattened(rng: Rng): Layout {
  const spaces = rng.chance(0.5);
  const crawler = rng.chance(0.7);
  /** a space where two rows of a table meet */
  const pRow = spaces ? 0.3 : 0;
  /** a space where two pieces of the page meet (heading, paragraph, table), as pingtan-2023 has around its headings */
  const pPiece = spaces ? 0.3 : 0.15;
  /** a space between a row's label and its run */
  const pLabel = spaces ? 0.15 : 0;
  /** a space between two cells of a row */
  const pCell = spaces ? 0.06 : 0;
  /** reports differ in how many of their cells are 0; every one has figures of several digits run together */
  const zeroShare = rng.pick([0.25, 0.5, 0.75]);
  /** a page whose table has empty cells: they leave no trace in the run, so a run can read as a row it is not */
  const blanks = rng.chance(0.25);
  const gap = (p: number) => (rng.chance(p) ? ' ' : '');

  /** a row: its label, then its cells run together */
  const row = (label: string, cells: readonly string[]) => {
    let out = label + gap(pLabel);
    cells.forEach((c, i) => {
      out += (i > 0 ? gap(pCell) : '') + c;
    });
    return out;
  };
  const join = (pieces: readonly string[], p = pRow) => pieces.map((x, i) => (i > 0 ? gap(p) : '') + x).join('');

  return {
    name: 'flattened',
    variant: `${spaces ? 'spaces' : 'joined'}/${crawler ? 'crawler' : 'page'}${blanks ? '/blanks' : ''}`,
    caps: {
      blanks: true,
      innerSpaces: false,
      padding: false,
      blankShare: blanks ? 0.05 : 0,
      thousands: false,
      // a heading numbered 5、 right after a run of digits would make its number a cell
      headingWeights: [
        ['cn', 12],
        ['cn-space', 2],
        ['paren', 1],
      ],
      multiDigit: 0.1,
      zeroShare,
    },
    tables({ tables, paren }) {
      const s2: string[] = [];
      for (const b of tables.s2) {
        s2.push(`${b.caption}${b.header[0]}${gap(pLabel)}${b.header.slice(1).join('')}`);
        for (const r of b.rows) s2.push(row(r.label, r.cells));
      }
      const s3: string[] = [`${paren(S3_NOTE)}申请人情况自然人法人或其他组织总计${gap(pLabel)}${S3_APPLICANT_LABELS.slice(1).join('')}`];
      for (const r of tables.s3) s3.push(row(`${r.group1 ?? ''}${r.group2 ?? ''}${r.label}`, r.cells));
      const head = [S4_TOP.join(''), S4_COL_LABELS.join(''), S4_SUB.join(''), S4_COL_LABELS.join(''), S4_COL_LABELS.join('')].join('');
      const s4 = [row(head, tables.s4)];
      return { s2: [join(s2)], s3: [join(s3)], s4: [join(s4)] };
    },
    prose: (paragraphs) => paragraphs,
    finish: (lines) => lines,
    assemble(doc: Doc) {
      const title = doc.title.join('');
      const pieces: string[] = [];
      const chrome = doc.chrome.filter((l) => l.trim() !== '').map((l) => l.trim());
      if (chrome.length) pieces.push(chrome.join(' '));
      if (!crawler || rng.chance(0.5)) pieces.push(title + (rng.chance(0.5) ? ` ${SHARE_TAIL.slice(0, rng.int(2, SHARE_TAIL.length)).join(' ')}` : ''));
      if (doc.preamble) pieces.push(doc.preamble);
      const sections = [doc.s1, doc.tables.s2, doc.tables.s3, doc.tables.s4, doc.s5, doc.s6];
      sections.forEach((body, i) => pieces.push(doc.heading(i), ...body));
      if (rng.chance(0.3)) pieces.push(rng.pick(['附件下载', '【打印本页】【关闭窗口】', '扫一扫在手机打开当前页']));
      const body = join(pieces, pPiece);
      if (!crawler) return [body];
      const [y, m, d] = doc.published.split('-');
      const time = `${doc.published} ${String(rng.int(8, 18)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;
      const id = rng.int(10000, 99999);
      return [
        `标题: ${title}`,
        `发布时间: ${time}`,
        '文号: ',
        `发布机构: ${rng.chance(0.5) ? doc.organ : ''}`,
        '栏目: 政府信息公开年报',
        `原文链接: https://www.example.gov.cn/zwgk/zfxxgknb/${y}${m}/t${y}${m}${d}_${id}.htm`,
        ...(rng.chance(0.5) ? [`本地目录: zwgk/zfxxgknb/${y}${m}/${id}_${title}`, '页面链接与图片详见 links.tsv(同目录)'] : []),
        '==================== 正文 ====================',
        body,
      ];
    },
  };
}
