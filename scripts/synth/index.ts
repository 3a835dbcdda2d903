/**
 * Synthetic 政府信息公开工作年度报告 with known truth: one seed → one report text
 * and every fact it states. Pure and deterministic (a seeded mulberry32, no
 * Math.random, no clock), so a failing seed can be replayed.
 *
 *   generateReport(42, { template: '2021', layout: 'pipes' })
 */
import { keysForTemplate, type Template } from '../../src/parse/factKeys';
import { generateFigures, type Figures } from './figures';
import { LAYOUTS, makeLayout, type Doc, type HeadingStyleName, type Layout, type LayoutName } from './layouts';
import { pickCounty } from './places';
import { Rng } from './prng';
import { section1, section5, section6, type ProseContext } from './prose';
import { buildTables, type Style, type Tables } from './tables';
import { toFullWidthDigits, toTraditional } from './variants';

export type { LayoutName, NewLayoutName } from './layouts';
export { ALL_LAYOUTS, LAYOUTS, NEW_LAYOUTS, isNewLayout } from './layouts';

export type Level = '乡镇' | '县级部门' | '县级政府';

export interface GenerateOptions {
  template?: Template;
  layout?: LayoutName;
  year?: number;
  /** share of free cells that are 0 (default 0.25; the new layouts default to their own, lower share) */
  zeroShare?: number;
}

export interface Variants {
  layoutVariant: string;
  fullWidth: boolean;
  thousands: boolean;
  innerSpaces: boolean;
  padding: boolean;
  traditional: boolean;
  glosses: boolean;
  chrome: boolean;
  crlf: boolean;
  headings: string;
  /** section 一 printed as one line, subsection marks inline (a web page flattened) */
  oneLineS1: boolean;
  /** the column labels of table 二 item （一） cut short */
  truncatedHeaders: boolean;
}

export interface SynthReport {
  text: string;
  /** every fact key of the template → the number stated, null when the cell is blank or a dash */
  facts: Record<string, number | null>;
  /** keys whose cell is printed empty */
  blank: string[];
  /** keys whose cell holds a dash (—, /, -) */
  dash: string[];
  template: Template;
  year: number;
  /** the organ as the title names it (in traditional characters when the text is) */
  organ: string;
  organSimplified: string;
  level: Level;
  province: string;
  city: string;
  county: string;
  /** national division code: the township's 9 digits or the county's 6 */
  code: string;
  layout: LayoutName;
  variants: Variants;
  /** publication date, YYYY-MM-DD */
  published: string;
  /**
   * cells left empty whatever their value (detached-labels: a row's 总计, as kewei's
   * 结转下年度 row), with the value the template's arithmetic gives them; their truth is null
   */
  unprinted?: Record<string, number>;
}

const DEPARTMENTS = ['自然资源局', '市场监督管理局', '人力资源和社会保障局', '农业农村局', '教育局', '卫生健康局', '民政局', '财政局', '住房和城乡建设局', '交通运输局', '水利局', '司法局', '应急管理局', '文化和旅游局', '统计局', '林业局'];

const SECTION_TITLES = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'];
const CN_NUM = ['一', '二', '三', '四', '五', '六'];

const HEADING_WEIGHTS: readonly (readonly [HeadingStyleName, number])[] = [['cn', 12], ['cn-space', 1], ['mixed', 3], ['arabic', 2], ['paren', 2]];

function headingStyle(rng: Rng, weights = HEADING_WEIGHTS): { name: string; heading: (i: number) => string } {
  const name = rng.weighted(weights);
  const mixedAt = rng.int(3, 5);
  const heading = (i: number) => {
    const t = SECTION_TITLES[i];
    switch (name) {
      case 'cn':
        return `${CN_NUM[i]}、${t}`;
      case 'cn-space':
        return `${CN_NUM[i]}、 ${t}`;
      case 'mixed':
        return i === mixedAt ? `${i + 1}、 ${t}` : `${CN_NUM[i]}、${t}`;
      case 'arabic':
        return `${i + 1}、${t}`;
      default:
        return `（${CN_NUM[i]}）${t}`;
    }
  };
  return { name, heading };
}

function withThousands(digits: string): string {
  const [i, f] = digits.split('.');
  const neg = i.startsWith('-');
  const abs = neg ? i.slice(1) : i;
  const grouped = abs.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${f !== undefined ? `.${f}` : ''}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function publishedDate(rng: Rng, year: number, level: Level): string {
  const late = rng.chance(0.12);
  let month: number;
  if (level === '县级政府') month = late ? rng.int(4, 5) : rng.int(1, 3);
  else month = late ? rng.int(2, 4) : 1;
  const day = month === 1 && !late ? rng.int(8, 31) : rng.int(1, 28);
  return `${year + 1}-${pad2(month)}-${pad2(day)}`;
}

/** a number cell may get a stray space inside or around it */
function decorateCells(tables: Tables, rng: Rng, inner: boolean, padding: boolean): void {
  const deco = (c: string): string => {
    if (!/\d/.test(c)) return c;
    let out = c;
    if (inner && rng.chance(0.12)) {
      const digitsAt: number[] = [];
      for (let i = 1; i < out.length; i++) if (/\d/.test(out[i - 1]) && /\d/.test(out[i])) digitsAt.push(i);
      if (digitsAt.length) {
        const at = rng.pick(digitsAt);
        out = `${out.slice(0, at)} ${out.slice(at)}`;
      }
    }
    if (padding && rng.chance(0.15)) out = rng.chance(0.5) ? ` ${out}` : `${out} `;
    return out;
  };
  for (const b of tables.s2) for (const r of b.rows) r.cells = r.cells.map(deco);
  for (const r of tables.s3) r.cells = r.cells.map(deco);
  tables.s4 = tables.s4.map(deco);
}

function chromeLines(rng: Rng, organ: string, published: string): string[] {
  const lines: string[] = [];
  if (rng.chance(0.6)) lines.push(rng.pick(['首页 > 政务公开 > 政府信息公开年报', '当前位置：首页 > 信息公开 > 法定主动公开内容 > 年度报告', '您当前的位置：首页>政府信息公开>政府信息公开年报']));
  if (rng.chance(0.5)) lines.push(rng.pick(['政府信息公开', '乡镇(街道)', '政务公开']));
  const time = `${published} ${pad2(rng.int(8, 18))}:${pad2(rng.int(0, 59))}`;
  lines.push(rng.pick([`发布时间：${time}`, `发布日期:${published}`, `  • 发布日期:${time}`]));
  if (rng.chance(0.6)) lines.push(rng.pick([`来源：${organ}`, `信息来源:${organ}`, `  • 信息来源:${organ}`]));
  if (rng.chance(0.5)) lines.push(rng.pick(['浏览次数：', `阅读次数：${rng.int(10, 999)}`, '【字体：大 中 小】 【打印】 【关闭】']));
  lines.push('');
  return lines;
}

export function generateReport(seed: number, opts: GenerateOptions = {}): SynthReport {
  const rng = new Rng(seed);
  const template: Template = opts.template ?? (rng.chance(0.5) ? '2019' : '2021');
  const year = opts.year ?? (template === '2019' ? rng.pick([2019, 2020]) : rng.int(2021, 2025));
  const layoutName: LayoutName = opts.layout ?? rng.pick(LAYOUTS);

  // Who
  const place = pickCounty(rng);
  const level: Level = rng.weighted([['乡镇', 6], ['县级部门', 3], ['县级政府', 1]] as const);
  let organ: string;
  let titleOrgan: string;
  let self: string;
  let code = place.code;
  if (level === '乡镇') {
    const town = rng.pick(place.towns);
    code = town.code;
    const kind = town.name.endsWith('镇') ? '镇' : '乡';
    self = `我${kind}`;
    const form = rng.weighted([['full', 6], ['no-county', 1], ['no-govt', 1]] as const);
    organ = form === 'full' ? `${place.county}${town.name}人民政府` : form === 'no-county' ? `${town.name}人民政府` : `${place.county}${town.name}`;
  } else if (level === '县级部门') {
    const dept = rng.pick(DEPARTMENTS);
    organ = `${place.county}${dept}`;
    self = rng.pick(['我局', '本机关']);
  } else {
    organ = `${place.county}人民政府`;
    self = rng.pick([`我${place.county.slice(-1)}`, '本级政府']);
  }
  titleOrgan = organ;
  const published = publishedDate(rng, year, level);

  // How it is laid out
  const layout: Layout = makeLayout(layoutName, rng.fork());
  const caps = layout.caps;
  const zeroShare = opts.zeroShare ?? caps.zeroShare ?? 0.25;
  const variants: Variants = {
    layoutVariant: layout.variant,
    fullWidth: rng.chance(0.08),
    thousands: rng.chance(0.3),
    innerSpaces: caps.innerSpaces && rng.chance(0.3),
    padding: caps.padding && rng.chance(0.3),
    traditional: rng.chance(0.07),
    glosses: false,
    chrome: rng.chance(0.3),
    crlf: rng.chance(0.03),
    headings: '',
    oneLineS1: layoutName !== 'broken-labels' && rng.chance(0.08),
    truncatedHeaders: false,
  };
  if (caps.thousands === false) variants.thousands = false;
  variants.glosses = variants.traditional && rng.chance(0.5);
  const headings = headingStyle(rng, caps.headingWeights);
  variants.headings = headings.name;

  // What it says
  const fig: Figures = generateFigures(rng, {
    template,
    zeroShare,
    blankShare: caps.blankShare ?? (caps.blanks ? 0.3 : 0),
    dashShare: rng.chance(0.25) ? 0.1 : 0,
    multiDigit: caps.multiDigit,
  });
  const unprinted: Record<string, number> = {};
  if (caps.unprintedTotal !== undefined && rng.chance(caps.unprintedTotal)) {
    const key = rng.pick(['s3.carried_forward.total', 's3.carried_forward.total', 's3.carried_over.total', 's3.total.total']);
    fig.marks[key] = 'blank';
    unprinted[key] = fig.values[key];
  }
  const halfParen = rng.chance(0.35);
  const formatCount = (n: number) => (variants.thousands ? withThousands(String(n)) : String(n));
  const style: Style = {
    paren: (s) => (halfParen ? `(${s})` : `（${s}）`),
    count: (n) => {
      const s = formatCount(n);
      return n < 0 && variants.fullWidth && rng.chance(0.5) ? s.replace('-', '－') : s;
    },
    amount: (d) => (variants.thousands ? withThousands(d) : d),
    dash: rng.pick(['—', '/', '-', '－']),
    unitSpace: rng.chance(0.4) ? ' ' : '',
    truncatedHeaders: (variants.truncatedHeaders = rng.chance(0.06)),
  };
  const tables = buildTables(fig, style);
  decorateCells(tables, rng, variants.innerSpaces, variants.padding);
  const laid = layout.tables({ rng, template, tables, paren: style.paren });

  const v = fig.values;
  const ctx: ProseContext = {
    rng,
    year,
    organ,
    self,
    county: place.county,
    proactive: fig.proactive,
    applications: v['s3.new.total'],
    handled: v['s3.total.total'],
    reviews: v['s4.review.total'],
    suits: v['s4.direct.total'] + v['s4.after_review.total'],
    template,
    formatCount,
  };

  // Assemble (the draws in the order the layouts above have always made them)
  const leadBlank = rng.chance(0.3);
  const chrome = variants.chrome ? chromeLines(rng, organ, published) : [];
  const yearText = layoutName === 'broken-labels' && rng.chance(0.5) ? ` ${year} 年` : `${year}年`;
  const titleForm = rng.weighted([['one', 5], ['two', 2], ['nianDu', 1]] as const);
  const title =
    titleForm === 'two'
      ? [titleOrgan, `${yearText.trim()}政府信息公开工作年度报告`]
      : titleForm === 'nianDu'
        ? [`${titleOrgan}${yearText}度政府信息公开工作年度报告`]
        : [`${titleOrgan}${yearText}政府信息公开工作年度报告`];
  const preamble = rng.chance(0.5)
    ? `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，编制本报告。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。如对本报告有疑问，请与${organ}党政办公室联系。`
    : null;
  const s1 = section1(ctx).paragraphs;
  const s5 = section5(ctx);
  const s6 = section6(ctx);

  let lines: string[];
  if (layout.assemble) {
    const doc: Doc = {
      template,
      year,
      organ: titleOrgan,
      published,
      title,
      chrome,
      preamble,
      heading: headings.heading,
      s1,
      s5,
      s6,
      tables: laid,
      applications: v['s3.new.total'],
      reviews: v['s4.review.total'],
    };
    lines = layout.assemble(doc);
  } else {
    lines = [];
    if (leadBlank) lines.push('');
    lines.push(...chrome, ...title, '');
    if (preamble !== null) lines.push(...layout.prose([preamble], rng));
    lines.push(headings.heading(0), ...layout.prose(variants.oneLineS1 ? [s1.join('')] : s1, rng));
    lines.push(headings.heading(1), ...laid.s2);
    lines.push(headings.heading(2), ...laid.s3);
    lines.push(headings.heading(3), ...laid.s4);
    lines.push(headings.heading(4), ...layout.prose(s5, rng));
    lines.push(headings.heading(5), ...layout.prose(s6, rng));
    lines = layout.finish(lines, rng);
  }

  let text = lines.join('\n') + '\n';
  if (variants.fullWidth) text = toFullWidthDigits(text);
  if (variants.traditional) text = toTraditional(text, variants.glosses);
  if (variants.crlf) text = text.replace(/\n/g, '\r\n');

  // Truth
  const facts: Record<string, number | null> = {};
  const blank: string[] = [];
  const dash: string[] = [];
  for (const key of keysForTemplate(template)) {
    if (key === 's1.proactive_total') {
      facts[key] = fig.proactive.value;
      continue;
    }
    const mark = fig.marks[key];
    if (mark === 'blank') blank.push(key);
    if (mark === 'dash') dash.push(key);
    facts[key] = mark === 'number' ? v[key] : null;
  }

  return {
    text,
    facts,
    blank,
    dash,
    template,
    year,
    organ: variants.traditional ? toTraditional(organ, false) : organ,
    organSimplified: organ,
    level,
    province: place.province,
    city: place.city,
    county: place.county,
    code,
    layout: layoutName,
    variants,
    published,
    ...(Object.keys(unprinted).length ? { unprinted } : {}),
  };
}

/** the arithmetic values behind a report (blank and dash cells as 0, unprinted cells as the arithmetic has them), for the generator's own tests */
export function arithmeticValues(report: SynthReport): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, val] of Object.entries(report.facts)) out[k] = val ?? report.unprinted?.[k] ?? 0;
  return out;
}
