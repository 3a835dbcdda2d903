/**
 * Test fixtures the project makes itself: a report of either template with random
 * non-zero figures (totals add up), rendered the way government sites print it —
 * an HTML page whose tables merge header cells (申请人情况 over seven columns,
 * 法人或其他组织 over five, 三、本年度办理结果 down the rows), and a .docx with the
 * same merges. The PDF fixtures are this HTML printed by Chromium.
 */
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
  HeadingLevel,
} from 'docx';
import { generateReport } from '../../scripts/synth/index.ts';
import { S2_ROWS_2019, S2_ROWS_2021, S3_ROWS, S3_COLS, S4_GROUPS, S4_COLS, type Template } from '../../src/parse/factKeys.ts';
import { Rng } from '../../scripts/synth/prng.ts';

export interface ReportData {
  template: Template;
  year: number;
  organ: string;
  /** every fact the tables state, by fact key (null: printed blank or as a dash) */
  facts: Record<string, number | null>;
  /** keys printed as an empty cell / as a dash */
  blank?: string[];
  dash?: string[];
}

/** Uniform draws in [0, 1) from the generator's seeded PRNG. */
function prng(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.next();
}

const ORGANS = ['绥滨县连生乡人民政府', '临安区教育局', '江宁区市场监督管理局', '双流县交通运输局', '青浦区人力资源和社会保障局'];

export function makeReport(seed: number, template: Template): ReportData {
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const facts: Record<string, number> = {};
  const year = template === '2019' ? 2019 + int(0, 1) : 2021 + int(0, 3);
  const organ = ORGANS[int(0, ORGANS.length - 1)];
  const s2 = template === '2019' ? S2_ROWS_2019 : S2_ROWS_2021;
  for (const r of s2) {
    for (const c of r.cols) {
      facts[`s2.${r.row}.${c}`] = c === 'amount' ? int(1, 999_99) / 100 : int(1, 480);
    }
  }
  const leaves = S3_ROWS.filter((r) => r.leaf && r.templates.includes(template));
  const applicant = S3_COLS.filter((c) => c.col !== 'total');
  const sumInto = (row: string, parts: string[]) => {
    for (const c of applicant) facts[`s3.${row}.${c.col}`] = parts.reduce((s, p) => s + facts[`s3.${p}.${c.col}`], 0);
  };
  for (const r of leaves) for (const c of applicant) facts[`s3.${r.row}.${c.col}`] = int(1, 60);
  sumInto('total', leaves.map((r) => r.row));
  for (const c of applicant) facts[`s3.carried_forward.${c.col}`] = int(1, 20);
  for (const c of applicant) facts[`s3.carried_over.${c.col}`] = int(1, 20);
  for (const c of applicant) {
    facts[`s3.new.${c.col}`] = facts[`s3.total.${c.col}`] + facts[`s3.carried_forward.${c.col}`] - facts[`s3.carried_over.${c.col}`];
    if (facts[`s3.new.${c.col}`] <= 0) {
      facts[`s3.carried_over.${c.col}`] = 1;
      facts[`s3.new.${c.col}`] = facts[`s3.total.${c.col}`] + facts[`s3.carried_forward.${c.col}`] - 1;
    }
  }
  for (const r of S3_ROWS.filter((x) => x.templates.includes(template))) {
    facts[`s3.${r.row}.total`] = applicant.reduce((s, c) => s + facts[`s3.${r.row}.${c.col}`], 0);
  }
  for (const g of S4_GROUPS) {
    let total = 0;
    for (const c of S4_COLS.filter((x) => x.col !== 'total')) total += facts[`s4.${g.group}.${c.col}`] = int(1, 9);
    facts[`s4.${g.group}.total`] = total;
  }
  facts['s1.proactive_total'] = int(100, 4000);
  return { template, year, organ, facts };
}

/** The project's synthetic report (scripts/synth), its figures rendered by the renderers here. */
export function fromSynth(seed: number, template: Template): ReportData {
  const r = generateReport(seed, { template, zeroShare: 0 });
  return { template, year: r.year, organ: r.organ, facts: r.facts, blank: r.blank, dash: r.dash };
}

// ---------- a table model shared by the HTML and Word renderers ----------

export interface TCell {
  text: string;
  rowspan?: number;
  colspan?: number;
}
export type TRow = TCell[];

const fmt = (v: number | null) => (v === null ? '' : Number.isInteger(v) ? String(v) : String(v));
const c = (text: string, colspan = 1, rowspan = 1): TCell => ({ text, colspan, rowspan });

/** The facts as printed: '' for a blank cell, — for a dash. */
function printed(d: ReportData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.facts)) out[k] = fmt(v);
  for (const k of d.dash ?? []) out[k] = '—';
  for (const k of d.blank ?? []) out[k] = '';
  return out;
}

export function table2(d: ReportData): TRow[] {
  const f = printed(d);
  const rows: TRow[] = [];
  const head = (item: string) => rows.push([c(`第二十条第（${item}）项`, 4)]);
  if (d.template === '2019') {
    const three = (item: string, labels: string[], keys: { row: string; label: string }[], cols: string[]) => {
      head(item);
      rows.push([c('信息内容'), ...labels.map((l) => c(l))]);
      for (const k of keys) rows.push([c(k.label), ...cols.map((col) => c((f[`s2.${k.row}.${col}`])))]);
    };
    const r = Object.fromEntries(S2_ROWS_2019.map((x) => [x.row, x]));
    three('一', ['本年新制作数量', '本年新公开数量', '对外公开总数量'], [r.rules, r.normative], ['new', 'published', 'total']);
    three('五', ['上一年项目数量', '本年增/减', '处理决定数量'], [r.licensing, r.other_services], ['prev', 'delta', 'decisions']);
    three('六', ['上一年项目数量', '本年增/减', '处理决定数量'], [r.punishment, r.enforcement], ['prev', 'delta', 'decisions']);
    head('八');
    rows.push([c('信息内容'), c('上一年项目数量'), c('本年增/减', 2)]);
    rows.push([c('行政事业性收费'), c((f['s2.fees.prev'])), c((f['s2.fees.delta']), 2)]);
    head('九');
    rows.push([c('信息内容'), c('采购项目数量'), c('采购总金额（单位：万元）', 2)]);
    rows.push([c('政府集中采购'), c((f['s2.procurement.count'])), c((f['s2.procurement.amount']), 2)]);
  } else {
    head('一');
    rows.push([c('信息内容'), c('本年制发件数'), c('本年废止件数'), c('现行有效件数')]);
    for (const [row, label] of [['rules', '规章'], ['normative', '行政规范性文件']]) {
      rows.push([c(label), ...['issued', 'repealed', 'in_force'].map((col) => c((f[`s2.${row}.${col}`])))]);
    }
    head('五');
    rows.push([c('信息内容'), c('本年处理决定数量', 3)]);
    rows.push([c('行政许可'), c((f['s2.licensing.decisions']), 3)]);
    head('六');
    rows.push([c('信息内容'), c('本年处理决定数量', 3)]);
    rows.push([c('行政处罚'), c((f['s2.punishment.decisions']), 3)]);
    rows.push([c('行政强制'), c((f['s2.enforcement.decisions']), 3)]);
    head('八');
    rows.push([c('信息内容'), c('本年收费金额（单位：万元）', 3)]);
    rows.push([c('行政事业性收费'), c((f['s2.fees.amount']), 3)]);
  }
  return rows;
}

/** Table 三: three label columns then seven number columns. */
export function table3(d: ReportData): TRow[] {
  const f = printed(d);
  const nums = (row: string) => S3_COLS.map((col) => c((f[`s3.${row}.${col.col}`])));
  const rows: TRow[] = [
    [c('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3), c('申请人情况', 7)],
    [c('自然人', 1, 2), c('法人或其他组织', 5), c('总计', 1, 2)],
    [c('商业企业'), c('科研机构'), c('社会公益组织'), c('法律服务机构'), c('其他')],
  ];
  const rowsOf = S3_ROWS.filter((r) => r.templates.includes(d.template));
  const resultRows = rowsOf.filter((r) => r.group !== null);
  let firstResult = true;
  let lastGroup: string | null = null;
  for (const r of rowsOf) {
    if (r.group === null) {
      rows.push([c(r.label, 3), ...nums(r.row)]);
      continue;
    }
    const lead: TCell[] = [];
    if (firstResult) {
      lead.push(c('三、本年度办理结果', 1, resultRows.length));
      firstResult = false;
    }
    if (r.group === '三、本年度办理结果') {
      lead.push(c(r.label, 2));
    } else {
      if (r.group !== lastGroup) {
        lead.push(c(r.group, 1, rowsOf.filter((x) => x.group === r.group).length));
      }
      lead.push(c(r.label));
    }
    lastGroup = r.group;
    rows.push([...lead, ...nums(r.row)]);
  }
  return rows;
}

export function table4(d: ReportData): TRow[] {
  const f = printed(d);
  const five = S4_COLS.map((x) => x.label);
  return [
    [c('行政复议', 5), c('行政诉讼', 10)],
    [...five.map((l) => c(l, 1, 2)), c('未经复议直接起诉', 5), c('复议后起诉', 5)],
    [...five.map((l) => c(l)), ...five.map((l) => c(l))],
    S4_GROUPS.flatMap((g) => S4_COLS.map((col) => c((f[`s4.${g.group}.${col.col}`])))),
  ];
}

export function title(d: ReportData): string {
  return `${d.organ}${d.year}年政府信息公开工作年度报告`;
}

/** The report body as blocks: headings, prose and tables, in order. */
export function blocks(d: ReportData): ({ h: string } | { p: string } | { table: TRow[] })[] {
  return [
    { p: `本报告根据《中华人民共和国政府信息公开条例》编制，统计期限为${d.year}年1月1日至${d.year}年12月31日。` },
    { h: '一、总体情况' },
    { p: d.facts['s1.proactive_total'] === null ? '本机关进一步加强了政府信息公开工作。' : `${d.year}年，本机关全年主动公开政府信息${d.facts['s1.proactive_total']}条，进一步加强了政府信息公开工作。` },
    { h: '二、主动公开政府信息情况' },
    { table: table2(d) },
    { h: '三、收到和处理政府信息公开申请情况' },
    { table: table3(d) },
    { h: '四、政府信息公开行政复议、行政诉讼情况' },
    { table: table4(d) },
    { h: '五、存在的主要问题及改进情况' },
    { p: '政府信息公开工作仍存在公开内容不够全面等问题，下一步将加强培训，提高公开质量。' },
    { h: '六、其他需要报告的事项' },
    { p: '本年度未收取信息处理费。' },
  ];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A number split across inline elements the way editors save it: 123 → <span>1</span><span>23</span>. */
function splitDigits(text: string, rnd: () => number): string {
  if (!/^\d{2,}$/.test(text) || rnd() < 0.5) return esc(text);
  const at = 1 + Math.floor(rnd() * (text.length - 1));
  return `<span lang="EN-US">${text.slice(0, at)}</span><span style="font-family:宋体">${text.slice(at)}</span>`;
}

export function tableHtml(rows: TRow[], rnd: () => number = () => 1): string {
  const tr = rows.map((r) => {
    const tds = r.map((cell) => {
      const span = `${cell.rowspan && cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ''}${cell.colspan && cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ''}`;
      return `<td${span}><p class="MsoNormal" align="center">${splitDigits(cell.text, rnd)}</p></td>`;
    });
    return `<tr>${tds.join('')}</tr>`;
  });
  return `<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0"><tbody>\n${tr.join('\n')}\n</tbody></table>`;
}

export interface HtmlOptions {
  /** wrap the report in site chrome: header, nav, breadcrumb, info bar, sidebar, footer */
  chrome?: boolean;
  /** the charset the page declares (the bytes must be encoded to match by the caller) */
  charset?: string;
  published?: string;
  source?: string;
  indexNo?: string;
  /** split multi-digit numbers across <span>s */
  splitNumbers?: boolean;
  seed?: number;
}

const PRINT_CSS = `
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 12px; margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
td { border: 1px solid #000; padding: 2px 3px; text-align: center; vertical-align: middle; }
td p { margin: 0; }
h1 { font-size: 18px; text-align: center; }
h2 { font-size: 14px; }
`;

export function reportHtml(d: ReportData, o: HtmlOptions = {}): string {
  const rnd = o.splitNumbers ? prng(o.seed ?? 7) : () => 1;
  const body = blocks(d)
    .map((b) => ('h' in b ? `<h2>${esc(b.h)}</h2>` : 'p' in b ? `<p class="MsoNormal">${esc(b.p)}</p>` : tableHtml(b.table, rnd)))
    .join('\n');
  const charset = o.charset ?? 'utf-8';
  const head = `<head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>${esc(title(d))}_${esc(d.organ)}</title><style>${PRINT_CSS}</style></head>`;
  if (!o.chrome) {
    return `<!DOCTYPE html><html>${head}<body><h1>${esc(title(d))}</h1>\n${body}\n</body></html>`;
  }
  return `<!DOCTYPE html><html>${head}<body>
<div id="header" class="top-header"><div class="logo">${esc(d.organ)}门户网站</div>
  <div class="search"><form><input name="q"><button>搜索</button></form> 今天是2024年3月5日 星期二</div></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/bs">办事服务 12345</a></li><li><a href="/hd">互动交流</a></li></ul>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政府信息公开</a> &gt; <a href="/zwgk/ndbg">政府信息公开年报</a></div>
<div class="container">
  <div class="sidebar"><h3>相关报告</h3><ul>
    <li><a href="/a/1.html">${esc(d.organ)}${d.year - 1}年政府信息公开工作年度报告</a></li>
    <li><a href="/a/2.html">${esc(d.organ)}${d.year - 2}年政府信息公开工作年度报告</a></li></ul>
    <p>访问量：<span>88231</span></p>
    <table class="side-stats"><tr><td>今日访问</td><td>315</td></tr><tr><td>总访问</td><td>1204558</td></tr></table></div>
  <div class="article">
    <table class="xxgk-meta"><tr><td>索引号：</td><td>${esc(o.indexNo ?? '')}</td><td>主题分类：</td><td>政务公开</td></tr>
      <tr><td>发布机构：</td><td>${esc(o.source ?? '')}</td><td>成文日期：</td><td>2020-01-02</td></tr></table>
    <h1 class="title">${esc(title(d))}</h1>
    <div class="info">发布日期：${esc(o.published ?? '')}　来源：${esc(o.source ?? '')}　浏览次数：<span>4417</span>　字号：[大 中 小]</div>
    <div id="zoom" class="TRS_Editor">
${body}
    </div>
    <div class="share">分享到： 微信 微博 打印本页 关闭窗口</div>
  </div>
</div>
<div class="footer"><p>主办单位：${esc(d.organ)}办公室　联系电话：0468-5812345　邮编：156200</p>
  <p>网站标识码：2304220001　黑ICP备05006315号-1　<a href="#">黑公网安备 23042202000123号</a></p></div>
<script>var visits = 12345; document.write('<p>' + visits + '</p>');</script>
</body></html>`;
}

// ---------- Word ----------

function docxTable(rows: TRow[]): Table {
  // Word has no rowspan: a vertically merged cell continues as an empty cell marked CONTINUE.
  const width = rows[0].reduce((s, x) => s + (x.colspan ?? 1), 0);
  const pending: { until: number; colspan: number }[] = Array.from({ length: width }, () => ({ until: -1, colspan: 1 }));
  const out: TableRow[] = [];
  rows.forEach((r, ri) => {
    const cells: TableCell[] = [];
    let col = 0;
    let k = 0;
    while (col < width) {
      if (pending[col].until >= ri) {
        const cs = pending[col].colspan;
        cells.push(new TableCell({ children: [new Paragraph('')], verticalMerge: VerticalMergeType.CONTINUE, columnSpan: cs > 1 ? cs : undefined }));
        col += cs;
        continue;
      }
      const cell = r[k++];
      if (!cell) break;
      const cs = cell.colspan ?? 1;
      const rs = cell.rowspan ?? 1;
      if (rs > 1) pending[col] = { until: ri + rs - 1, colspan: cs };
      cells.push(
        new TableCell({
          children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(cell.text)] })],
          columnSpan: cs > 1 ? cs : undefined,
          verticalMerge: rs > 1 ? VerticalMergeType.RESTART : undefined,
        }),
      );
      col += cs;
    }
    out.push(new TableRow({ children: cells }));
  });
  return new Table({ rows: out, width: { size: 100, type: WidthType.PERCENTAGE } });
}

export async function reportDocx(d: ReportData): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title(d))] })];
  for (const b of blocks(d)) {
    if ('h' in b) children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(b.h)] }));
    else if ('p' in b) children.push(new Paragraph(b.p));
    else children.push(docxTable(b.table), new Paragraph(''));
  }
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
