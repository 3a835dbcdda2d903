/**
 * detached-labels: markdown converted from the published PDF by another tool
 * (kewei-2024.md in ../shared/corpus/complete). The converter finds a pipe table
 * for the numbers but not for the labels beside them:
 *
 * - a table-三 row keeps its label in the pipe row only now and then; the
 *   others are bare number rows (`| 0 | 0 | 0 | 0 | 0 | 0 | 0 |`) whose labels are
 *   printed as text lines, wrapped at the PDF column's width, before or after the
 *   rows they belong to, with the group headings (（三）不予公开, 三、本年度办理结果)
 *   cut into pieces and run into them (`予处理4.无正当理由大量反复`);
 * - every few rows a new markdown table starts, its first row a "header" with a
 *   rule under it; page numbers and footers (`1`, `— 4 —`) sit between them;
 * - header cells are split: `商业企科研机社会公法律服` on a text line, `| 业 | 构 | 益组织 | 务机构 |`
 *   as the table's header; the table-四 header is a jumble of two-character pieces;
 * - a row's 总计 may be left empty whatever its value (kewei's 结转下年度 row);
 * - table 二's blocks as `行政许可 97` lines or small pipe tables, item （一）'s table
 *   sometimes moved after the others under `## 表二：…`, its figures now and then
 *   with a remark in the cell (`22（其中修订 16 件）`);
 * - prose wrapped at the page width, spaces around numbers (`2024 年`, `34 件`);
 *   the title in two lines; and, in the `outline` variant, the report's own
 *   outline (一、总体情况 二、工作机制保障 … 六、…) before the tables, which are then
 *   numbered 一、二、三, section 五 printed without a heading.
 */
import type { Doc, Layout } from './layouts';
import { chunk, mdRow, mdRule, spaceAroundNumbers, withNote, wrapProse } from './lines';
import type { Rng } from './prng';
import { CN, S3_APPLICANT_LABELS, S3_NOTE, S4_COL_LABELS, S4_SUB, S4_TOP, type S2Block, type S3Row } from './tables';

const TABLE_TITLES = ['主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况'];

/** the report's own sections between 总体情况 and the tables, with prose of our own wording */
const OUTLINE: readonly { title: string; body: (d: Doc, rng: Rng) => string }[] = [
  {
    title: '工作机制保障',
    body: () => '设立政务公开工作协调小组，统筹协调信息公开工作部门、法制部门和业务科室共同推进政务公开任务，依申请公开已形成接收、审查、会商、复核、签发的完整办理流程。',
  },
  {
    title: '主动公开工作情况',
    body: (_d, rng) =>
      `积极做好政府信息主动公开工作，全年通过部门网站发布政策解读${rng.int(2, 60)}条，其中图文解读${rng.int(1, 20)}条；政务新媒体编发信息${rng.int(50, 3000)}条，回应公众关注热点${rng.int(1, 9)}条。`,
  },
  {
    title: '政府信息公开申请情况',
    body: (d) =>
      d.applications > 0
        ? `全年收到政府信息公开申请${d.applications}件，所有申请均已按要求办理，答复内容规范，未发生超期答复的情况。`
        : '全年未收到政府信息公开申请，依申请公开渠道保持畅通。',
  },
  {
    title: '政府信息管理',
    body: () => '及时发布本机关最新版本的政府信息公开指南并标注更新日期，加强公文公开属性审查和信息发布审查，动态调整权责清单和办事指南。',
  },
  {
    title: '政府信息公开平台建设',
    body: (_d, rng) => `配合做好政策集中发布和阅办联动工作，全年累计推送集成式发布政策${rng.int(3, 200)}条，${rng.int(2, 9)}个高频事项设置了“阅办联动”。`,
  },
];

export function detachedLabels(rng: Rng): Layout {
  const zeroShare = rng.pick([0.2, 0.45, 0.7]);
  const proseWidth = rng.int(24, 32);
  const labelWidth = rng.int(9, 13);
  const pangu = rng.chance(0.7);
  const outline = rng.chance(0.6);
  const keepLabel = 0.25 + rng.next() * 0.5;
  const labelsBefore = rng.chance(0.5) ? 0.75 : 0.3;
  const footers = rng.chance(0.6);
  const splitHeads = rng.chance(0.7);
  const leadLine = rng.chance(0.5);
  const notes = rng.chance(0.3);
  let page = rng.int(1, 3);

  const prose = (paragraphs: string[]) => [
    ...paragraphs.flatMap((p) => wrapProse(pangu ? spaceAroundNumbers(p) : p, proseWidth)),
    '',
  ];
  /** a page number or footer the converter left between two tables */
  const furniture = (): string[] => {
    if (!footers || !rng.chance(0.2)) return [];
    page++;
    return [rng.pick([String(page), `— ${page} —`, `- ${page} -`])];
  };
  /** side pieces run into the lines of a label, one per line, or printed first */
  const interleave = (side: string[], main: string[]): string[] => {
    if (!side.length) return main;
    if (rng.chance(0.4)) return [...side, ...main];
    const out: string[] = [];
    for (let i = 0; i < Math.max(side.length, main.length); i++) out.push(`${side[i] ?? ''}${main[i] ?? ''}`);
    return out;
  };

  function table2(given: readonly S2Block[]): string[] {
    const out: string[] = [];
    let moved: S2Block | null = null;
    // a remark now and then in item （一）'s cells: 22（其中修订 16 件）
    const blocks = given.map((b, k) => (k === 0 && notes ? { ...b, rows: b.rows.map((r) => ({ ...r, cells: r.cells.map((c) => (rng.chance(0.3) ? withNote(rng, c, true) : c)) })) } : b));
    blocks.forEach((b, k) => {
      out.push(b.caption);
      const hasBlank = b.rows.some((r) => r.cells.includes(''));
      const style = k === 0 && rng.chance(0.4) ? 'moved' : !hasBlank && rng.chance(0.55) ? 'lines' : 'pipe';
      if (style === 'moved') moved = b;
      else if (style === 'lines') {
        out.push(b.header.join(''));
        for (const r of b.rows) out.push(`${r.label} ${r.cells.join(' ')}`);
      } else out.push(...pipeBlock(b));
    });
    if (moved) out.push('## 表二：主动公开政府信息情况', ...pipeBlock(moved));
    return out;
  }

  function pipeBlock(b: S2Block): string[] {
    const out: string[] = [];
    let header = b.header;
    if (splitHeads && rng.chance(0.4)) {
      // the upper half of each long header cell printed as text above the table
      out.push(header.map((h) => (h.length > 4 ? h.slice(0, 4) : h)).join(''));
      header = header.map((h) => (h.length > 4 ? h.slice(4) : ''));
    }
    out.push(mdRow(header), mdRule(header.length));
    for (const r of b.rows) out.push(mdRow([r.label, ...r.cells]));
    return out;
  }

  function table3Header(paren: (s: string) => string): { lines: string[]; width: number } {
    const note = paren(S3_NOTE);
    if (!splitHeads) {
      const head = ['申请人情况', ...S3_APPLICANT_LABELS, '总计'];
      return { lines: [note, mdRow(head), mdRule(head.length)], width: head.length };
    }
    const cut = S3_APPLICANT_LABELS.slice(1).map((l) => (l.length >= 4 ? [l.slice(0, 3), l.slice(3)] : [l, '']));
    const noteParts = chunk(note, rng.int(18, 26));
    const lines = ['申请人情况', `${noteParts[0]}法人或其他组织`, ...noteParts.slice(1), '自然人总计'];
    lines.push(cut.filter(([, b]) => b).map(([a]) => a).join(''), ...cut.filter(([, b]) => !b).map(([a]) => a));
    if (rng.chance(0.3)) lines.push('本年');
    if (rng.chance(0.6)) lines.push('## 表三：收到和处理政府信息公开申请情况');
    const width = 7 + rng.int(0, 2);
    const head = cut.filter(([, b]) => b).map(([, b]) => b);
    while (head.length < width) head.push('');
    lines.push(mdRow(head), mdRule(width));
    return { lines, width };
  }

  function table3(rows: readonly S3Row[], paren: (s: string) => string): string[] {
    const { lines: out, width } = table3Header(paren);
    let i = 0;
    let first = true;
    while (i < rows.length) {
      const size = rng.int(1, 5);
      const chunkRows = rows.slice(i, i + size);
      i += size;
      const pipe: string[] = [];
      const side: string[] = [];
      const detached: string[] = [];
      for (const r of chunkRows) {
        const labelled = rng.chance(keepLabel);
        const lead: string[] = [];
        if (r.group1) {
          if (labelled && rng.chance(0.5)) {
            lead.push(r.group1.slice(0, 2));
            side.push(...chunk(r.group1.slice(2), 2));
          } else side.push(...chunk(r.group1, 2));
        }
        if (r.group2) {
          if (labelled && rng.chance(0.3)) lead.push(r.group2);
          else side.push(...chunk(r.group2, 4));
        }
        let cells = r.cells;
        if (labelled) {
          cells = [...lead, r.label, ...cells];
          if (first && width > cells.length && rng.chance(0.5)) cells = [...cells, ...Array(width - cells.length).fill('')];
        } else detached.push(...wrapProse(r.label, labelWidth));
        pipe.push(mdRow(cells));
        if (pipe.length === 1 && !first) pipe.push(mdRule(cells.length));
      }
      first = false;
      const text = interleave(side, detached);
      if (text.length && rng.chance(labelsBefore)) out.push('', ...text, ...furniture(), ...pipe);
      else out.push(...pipe, ...furniture(), ...(text.length ? ['', ...text] : []));
    }
    return out;
  }

  function table4(cells: readonly string[]): string[] {
    const out: string[] = [];
    if (rng.chance(0.7)) {
      // the converter reads the header's two-character lines across the columns
      out.push(S4_TOP.join(''), S4_SUB.join(''), '结果结果其他尚未', '总计', '总计总计', '维持纠正结果审结维持纠正结果审结');
      const head = ['维持', '纠正', '结果', '审结', '结果', '结果', '其他', '尚未', '结果', '结果', '其他', '尚未'];
      out.push(mdRow(head), mdRule(head.length));
    } else {
      out.push(`${S4_TOP[0]}${S4_TOP[1]}`, S4_SUB.join(''));
      const head = [...S4_COL_LABELS, ...S4_COL_LABELS, ...S4_COL_LABELS];
      out.push(mdRow(head), mdRule(head.length));
    }
    out.push(...furniture(), mdRow(cells), mdRule(cells.length));
    return out;
  }

  return {
    name: 'detached-labels',
    variant: `${outline ? 'outline' : 'plain'}/w${labelWidth}${splitHeads ? '/split' : ''}${notes ? '/notes' : ''}`,
    caps: { blanks: true, innerSpaces: false, padding: false, unprintedTotal: 0.3, multiDigit: 0.15, zeroShare },
    tables({ tables, paren }) {
      return { s2: table2(tables.s2), s3: table3(tables.s3, paren), s4: table4(tables.s4) };
    },
    prose,
    finish: (lines) => lines,
    assemble(doc: Doc) {
      const out: string[] = [];
      if (leadLine) out.push('正文');
      out.push(...title(doc.year, doc.organ, doc.title));
      if (doc.preamble) out.push(...prose([doc.preamble]));
      if (!outline) {
        const bodies = [prose(doc.s1), doc.tables.s2, doc.tables.s3, doc.tables.s4, prose(doc.s5), prose(doc.s6)];
        bodies.forEach((b, i) => out.push(doc.heading(i), ...b, ...(i >= 1 && i <= 3 ? [''] : [])));
        return out;
      }
      out.push(`${CN[0]}、总体情况`, ...prose(doc.s1));
      const extra = OUTLINE.slice(0, rng.int(2, OUTLINE.length));
      extra.forEach((s, k) => out.push(`${CN[k + 1]}、${s.title}`, ...prose([s.body(doc, rng)])));
      [doc.tables.s2, doc.tables.s3, doc.tables.s4].forEach((t, k) => out.push('', `${CN[k]}、${TABLE_TITLES[k]}`, ...t, ''));
      let n = 3;
      if (rng.chance(0.5)) {
        // no heading for section 五: its two parts carry their own
        const s5 = doc.s5.length === 2 ? ['（一）主要问题', doc.s5[0], '（二）改进情况', doc.s5[1]] : doc.s5;
        out.push(...prose(s5));
      } else out.push(`${CN[n++]}、存在的主要问题及改进情况`, ...prose(doc.s5));
      out.push(`${CN[n]}、其他需要报告的事项`, ...prose(doc.s6));
      return out;
    },
  };

  function title(year: number, organ: string, fallback: string[]): string[] {
    const form = rng.weighted([['year-first', 2], ['wrapped', 2], ['as-is', 1]] as const);
    if (form === 'year-first') return [`${year} 年${organ}政府信息公开工作`, '年度报告'];
    if (form === 'wrapped') return wrapProse(`${organ}${year} 年政府信息公开工作年度报告`, Math.max(proseWidth, organ.length + 8));
    return fallback;
  }
}
