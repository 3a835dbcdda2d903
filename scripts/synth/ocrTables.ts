/**
 * ocr-tables: the text an OCR tool makes of the scanned pages. It recognises a
 * table per row group rather than one table per template table, and gets the
 * header rows wrong:
 *
 * - table 三 comes as one small markdown table per row group (一/二, （一）（二）,
 *   （三）'s eight rows, （四）, （五）, （六）, （七）and 四), now and then cut in two
 *   at a page break, with a page footer (`— 4 —`, `第 3 页 共 8 页`) between them;
 * - each small table's header is the real column labels, placeholders
 *   (`| 项目 | 数据1 | … | 数据7 |`, sometimes one placeholder short), its own first
 *   data row, or — once per report in the `wrong` variant — a header that
 *   belongs elsewhere (the applicant labels one column to the left, table 四's
 *   or table 二's labels);
 * - a merged group cell is printed on its first row and left empty below, or
 *   dropped; a row's label may be lost altogether (an empty cell, or no cell);
 *   long labels carry a stray space where the OCR saw a gap;
 * - table 二's figures may carry a remark in the cell, `22（其中修订 16 件）`;
 * - table 四 as one 15-column table or as three small tables of five.
 */
import type { Layout } from './layouts';
import { mdRow, mdRule, withNote, wrapProse } from './lines';
import type { Rng } from './prng';
import { S3_APPLICANT_LABELS, S3_NOTE, S4_COL_LABELS, S4_SUB, S4_TOP, type S2Block, type S3Row } from './tables';

const S4_CAPTIONS = ['行政复议', `${S4_TOP[1]}（${S4_SUB[0]}）`, `${S4_TOP[1]}（${S4_SUB[1]}）`];

type HeaderKind = 'real' | 'placeholder' | 'first-row' | 'wrong';

export function ocrTables(rng: Rng): Layout {
  const zeroShare = rng.pick([0.2, 0.45, 0.7]);
  const proseWidth = rng.int(28, 40);
  const placeholders = 0.3 + rng.next() * 0.5;
  const wrong = rng.chance(0.5);
  const notes = rng.chance(0.6);
  const lostLabels = rng.chance(0.5) ? 0.15 : 0;
  const footers = rng.chance(0.6);
  const labelGaps = rng.chance(0.3);
  const groupedS4 = rng.chance(0.5);
  let page = rng.int(2, 4);
  /** the table group that carries the wrong header, in the `wrong` variant */
  const wrongIn = wrong ? rng.pick(['s2', 's3', 's3', 's4'] as const) : null;
  let wrongDone = !wrong;

  const footer = (): string[] => {
    if (!footers || !rng.chance(0.35)) return [];
    page++;
    return [rng.pick([`— ${page} —`, `- ${page} -`, `第 ${page} 页 共 ${page + rng.int(1, 4)} 页`])];
  };
  /** a stray space where the OCR saw a gap in a long label */
  const gapped = (label: string) => {
    if (!labelGaps || label.length < 7 || !rng.chance(0.3)) return label;
    const at = rng.int(3, label.length - 2);
    return `${label.slice(0, at)} ${label.slice(at)}`;
  };
  const placeholderRow = (cols: number, labelCols: number) => {
    const short = rng.chance(0.3) ? 1 : 0;
    const lead = labelCols > 0 && rng.chance(0.6) ? ['项目', ...Array(labelCols - 1).fill('')] : [];
    const name = rng.pick(['数据', '数据', '列']);
    const n = cols - lead.length - short;
    return [...lead, ...Array.from({ length: Math.max(1, n) }, (_, i) => `${name}${i + 1}`)];
  };
  /** the header of the next small table of `part`; the part's last table takes the wrong header if none has yet */
  const headerKind = (part: 's2' | 's3' | 's4', first: boolean, last: boolean): HeaderKind => {
    if (!wrongDone && part === wrongIn && !first && (last || rng.chance(0.3))) {
      wrongDone = true;
      return 'wrong';
    }
    if (first) return rng.chance(0.7) ? 'real' : 'placeholder';
    return rng.chance(placeholders) ? 'placeholder' : rng.chance(0.5) ? 'first-row' : 'real';
  };
  /** a small markdown table: its header (or its first row as header), the rule, the rows */
  const small = (header: string[] | null, rows: string[][]): string[] => {
    const head = header ?? rows[0];
    const body = header ? rows : rows.slice(1);
    return [mdRow(head), mdRule(head.length), ...body.map(mdRow)];
  };

  function table2(blocks: readonly S2Block[]): string[] {
    const out: string[] = [];
    blocks.forEach((b, k) => {
      out.push(b.caption);
      const rows = b.rows.map((r) => {
        const documents = k === 0;
        const cells = r.cells.map((c, i) => {
          const noted = documents || b.header[i + 1] === '处理决定数量' || b.header[i + 1] === '本年处理决定数量';
          return notes && noted && rng.chance(0.25) ? withNote(rng, c, documents) : c;
        });
        return [r.label, ...cells];
      });
      const kind = headerKind('s2', k === 0, k === blocks.length - 1);
      let header: string[] | null = b.header;
      if (kind === 'placeholder') header = placeholderRow(b.header.length, 1);
      else if (kind === 'first-row') header = null;
      else if (kind === 'wrong') {
        const other = blocks[(k + 1) % blocks.length].header;
        header = b.header.map((_, i) => other[i] ?? '');
      }
      out.push(...small(header, rows), ...footer());
    });
    return out;
  }

  /** table 三's rows in groups: consecutive rows under one heading, as the OCR boxes them */
  function groups(rows: readonly S3Row[]): S3Row[][] {
    const out: S3Row[][] = [];
    let key = '';
    let sub = '';
    for (const r of rows) {
      if (r.group2) sub = r.group2;
      const k = r.inSub ? `sub:${sub}` : r.inResult ? (r.label.includes('总计') ? 'end' : 'result') : r.label.startsWith('四') ? 'end' : 'head';
      if (k !== key || out.length === 0) out.push([]);
      out[out.length - 1].push(r);
      key = k;
    }
    // a page break now and then cuts a long group in two
    return out.flatMap((g) => (g.length > 3 && rng.chance(0.25) ? [g.slice(0, Math.ceil(g.length / 2)), g.slice(Math.ceil(g.length / 2))] : [g]));
  }

  function table3(rows: readonly S3Row[], paren: (s: string) => string): string[] {
    const out: string[] = [];
    const all = groups(rows);
    all.forEach((g, gi) => {
      const groupCol = g.some((r) => r.inSub || r.group1) && rng.chance(0.5);
      let group = '';
      const body = g.map((r, ri) => {
        if (r.group2 || r.group1) group = r.group2 ?? r.group1 ?? '';
        const label = rng.chance(lostLabels) ? null : gapped(r.label);
        const lead = groupCol ? [ri === 0 ? group : ''] : [];
        if (label === null) return rng.chance(0.5) ? [...lead, '', ...r.cells] : [...r.cells];
        return [...lead, label, ...r.cells];
      });
      if (!groupCol && group && rng.chance(0.5)) out.push(group);
      const width = Math.max(...body.map((r) => r.length));
      const labelCols = width - 7;
      const kind = headerKind('s3', gi === 0, gi === all.length - 1);
      let header: string[] | null;
      if (kind === 'real') header = [...(labelCols > 0 ? [gi === 0 ? '申请人情况' : '', ...Array(labelCols - 1).fill('')] : []), ...S3_APPLICANT_LABELS, '总计'];
      else if (kind === 'placeholder') header = placeholderRow(width, labelCols);
      else if (kind === 'first-row') header = null;
      else header = rng.pick([[...S3_APPLICANT_LABELS, '总计'], [...S4_COL_LABELS], ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']]);
      if (gi === 0) out.push(paren(S3_NOTE));
      out.push(...small(header, body), ...footer());
    });
    return out;
  }

  function table4(cells: readonly string[]): string[] {
    const out: string[] = [];
    if (!groupedS4) {
      const top = [S4_TOP[0], '', '', '', '', S4_TOP[1], ...Array(9).fill('')];
      const header = headerKind('s4', false, true) === 'wrong' ? [...S3_APPLICANT_LABELS, '总计'] : rng.chance(placeholders) ? placeholderRow(15, 0) : top;
      out.push(...small(header, [[...S4_COL_LABELS, ...S4_SUB, ...Array(8).fill('')], [...S4_COL_LABELS, ...S4_COL_LABELS, ...S4_COL_LABELS].map((l, i) => (i < 5 ? '' : l)), [...cells]]));
      return out;
    }
    for (let g = 0; g < 3; g++) {
      const five = cells.slice(g * 5, g * 5 + 5);
      const labelCell = rng.chance(0.5);
      const lost = rng.chance(lostLabels);
      if (!labelCell && !lost) out.push(S4_CAPTIONS[g]);
      const row = labelCell && !lost ? [S4_CAPTIONS[g], ...five] : [...five];
      const kind = headerKind('s4', false, g === 2);
      let header: string[] | null;
      if (kind === 'real') header = [...(row.length > 5 ? [''] : []), ...S4_COL_LABELS];
      else if (kind === 'placeholder') header = placeholderRow(row.length, row.length - 5);
      else if (kind === 'first-row') header = null;
      else header = [...S3_APPLICANT_LABELS, '总计'];
      out.push(...small(header, [row]), ...footer());
    }
    return out;
  }

  return {
    name: 'ocr-tables',
    variant: `${wrong ? 'wrong' : 'right'}-header${notes ? '/notes' : ''}${groupedS4 ? '/s4-groups' : ''}`,
    caps: { blanks: true, innerSpaces: true, padding: true, multiDigit: 0.15, zeroShare },
    tables({ tables, paren }) {
      return { s2: table2(tables.s2), s3: table3(tables.s3, paren), s4: table4(tables.s4) };
    },
    prose: (paragraphs) => paragraphs.flatMap((p) => wrapProse(p, proseWidth)),
    finish: (lines) => lines,
  };
}
