/**
 * Layouts: how the text extracted from a PDF, Word file or web page lays the
 * template tables out. Each renderer follows a layout seen in real reports:
 *
 * - spaced: a label, then its numbers separated by spaces on one line
 * - broken-labels: PDF text, every line followed by a blank line; long labels
 *   broken mid-word with the numbers on a later line; the table-三 header in
 *   two-character pieces and the table-四 header one character per line
 * - tabs: tab-separated rows from a Word table; merged cells leave empty cells
 * - cell-per-line: one cell per line (tab-indented with a blank line between
 *   rows; a blank line after every cell; or no blank lines at all)
 * - pipes: `a | b | c |` rows with `| |||` filler
 * - pipe-cells: one `value |` per line, each row opened by a lone `|`
 *
 * and, drawn only when asked for by name (NEW_LAYOUTS, so that the seeds of the
 * layouts above keep their texts):
 *
 * - flattened (flattened.ts): a web page's text as a crawler saves it, the whole
 *   report on one line and a row's cells run together (pingtan-2021/2023)
 * - detached-labels (detachedLabels.ts): markdown converted from the PDF, row
 *   labels on their own lines before or after the number rows (kewei-2024)
 * - ocr-tables (ocrTables.ts): OCR'd pages, one small pipe table per row group
 *   under placeholder or wrong headers
 *
 * A layout says which cell decorations it can carry unambiguously: an empty
 * cell needs a cell delimiter, a space inside a number needs one other than a
 * space.
 */
import type { Template } from '../../src/parse/factKeys';
import type { Rng } from './prng';
import { detachedLabels } from './detachedLabels';
import { flattened } from './flattened';
import { chunk, wrapProse } from './lines';
import { ocrTables } from './ocrTables';
import { S3_APPLICANT_LABELS, S3_NOTE, S4_COL_LABELS, S4_SUB, S4_TOP, type Tables } from './tables';

export type LayoutName = 'spaced' | 'broken-labels' | 'tabs' | 'cell-per-line' | 'pipes' | 'pipe-cells' | NewLayoutName;

export type NewLayoutName = 'flattened' | 'detached-labels' | 'ocr-tables';

/** the layouts a report draws from when none is asked for (the seeds' texts depend on this list: do not extend it) */
export const LAYOUTS: readonly LayoutName[] = ['spaced', 'broken-labels', 'tabs', 'cell-per-line', 'pipes', 'pipe-cells'];

/** layouts made only when asked for by name: flattened page text, PDF→markdown with detached labels, OCR'd tables */
export const NEW_LAYOUTS: readonly NewLayoutName[] = ['flattened', 'detached-labels', 'ocr-tables'];

export const ALL_LAYOUTS: readonly LayoutName[] = [...LAYOUTS, ...NEW_LAYOUTS];

export function isNewLayout(name: LayoutName): name is NewLayoutName {
  return (NEW_LAYOUTS as readonly string[]).includes(name);
}

export interface LayoutCaps {
  /** an empty cell can be printed (the cell is delimited) */
  blanks: boolean;
  /** a space inside a number cannot be mistaken for a cell boundary */
  innerSpaces: boolean;
  /** cells may carry leading/trailing spaces */
  padding: boolean;
  /** share of zero cells printed blank (default: 0.3 when `blanks`, else 0) */
  blankShare?: number;
  /** false: never print thousands separators (a run of cells would make them ambiguous) */
  thousands?: boolean;
  /** chance that a row's 总计 in table 三 is left unprinted whatever its value (kewei's 结转下年度 row) */
  unprintedTotal?: number;
  /** weights of the heading styles (default: the weights every layout above uses) */
  headingWeights?: readonly (readonly [HeadingStyleName, number])[];
  /** share of the free 1-digit figures drawn with 2 to 4 digits instead (default none) */
  multiDigit?: number;
  /** share of free cells that are 0 when the caller gives none (default 0.25) */
  zeroShare?: number;
}

export type HeadingStyleName = 'cn' | 'cn-space' | 'mixed' | 'arabic' | 'paren';

/** A whole report's parts, for a layout that lays out the page itself (`assemble`). */
export interface Doc {
  template: Template;
  year: number;
  organ: string;
  /** YYYY-MM-DD */
  published: string;
  /** the title as the other layouts print it, one or two lines */
  title: string[];
  /** the page's own chrome (breadcrumb, 发布时间, 来源 …), [] when none */
  chrome: string[];
  /** the report's opening paragraph, null when none */
  preamble: string | null;
  /** the heading of section i (0-based) in the report's style */
  heading: (i: number) => string;
  s1: string[];
  s5: string[];
  s6: string[];
  tables: { s2: string[]; s3: string[]; s4: string[] };
  /** figures the prose may repeat */
  applications: number;
  reviews: number;
}

export interface LayoutInput {
  rng: Rng;
  template: Template;
  tables: Tables;
  /** the s3 note in the report's own parentheses */
  paren: (s: string) => string;
}

export interface Layout {
  name: LayoutName;
  /** sub-style, for the record (cell-per-line: indent/gap/dense; pipes: plain/framed; pipe-cells: bare/spaced) */
  variant: string;
  caps: LayoutCaps;
  /** lines of section 二's table, 三's table and 四's table */
  tables(input: LayoutInput): { s2: string[]; s3: string[]; s4: string[] };
  /** prose paragraphs as lines */
  prose(paragraphs: string[], rng: Rng): string[];
  /** final pass over all lines (e.g. double spacing) */
  finish(lines: string[], rng: Rng): string[];
  /** the whole page from its parts, for layouts whose outline differs from the template's (then `finish` is not called) */
  assemble?(doc: Doc): string[];
}

const plainProse = (paragraphs: string[]) => paragraphs;


/* ------------------------------------------------------------------ spaced */

function spaced(rng: Rng): Layout {
  const sep = () => (rng.chance(0.85) ? ' ' : rng.pick(['  ', '   ', ' \u3000']));
  const doubleSpaced = rng.chance(0.5);
  return {
    name: 'spaced',
    variant: doubleSpaced ? 'double' : 'single',
    caps: { blanks: false, innerSpaces: false, padding: false },
    tables({ tables, paren }) {
      const row = (parts: string[]) => parts.join(sep());
      const s2: string[] = [];
      for (const b of tables.s2) {
        s2.push(b.caption, row(b.header));
        for (const r of b.rows) s2.push(row([r.label, ...r.cells]));
      }
      const s3: string[] = [paren(S3_NOTE), '申请人情况'];
      if (rng.chance(0.5)) s3.push('自然人 法人或其他组织 总计', S3_APPLICANT_LABELS.slice(1).join(' '));
      else s3.push('自然人', '法人或其他组织', '总计', `${S3_APPLICANT_LABELS.slice(1, 3).join(' ')}`, ...S3_APPLICANT_LABELS.slice(3));
      for (const r of tables.s3) {
        const lead: string[] = [];
        if (r.group1) {
          if (rng.chance(0.6)) lead.push(r.group1);
          else s3.push(r.group1);
        }
        if (r.group2) {
          if (rng.chance(0.5)) lead.push(r.group2);
          else s3.push(r.group2);
        }
        s3.push(row([...lead, r.label, ...r.cells]));
      }
      const s4 = [
        S4_TOP.join(' '),
        S4_COL_LABELS.join(' '),
        S4_SUB.join(' '),
        [...S4_COL_LABELS, ...S4_COL_LABELS].join(' '),
        row(tables.s4),
      ];
      return { s2, s3, s4 };
    },
    prose: plainProse,
    finish(lines) {
      if (!doubleSpaced) return lines;
      return lines.flatMap((l) => [l, '']);
    },
  };
}

/* ----------------------------------------------------------- broken-labels */

function brokenLabels(rng: Rng): Layout {
  const leafWidth = rng.int(8, 12);
  const proseWidth = rng.int(20, 30);
  return {
    name: 'broken-labels',
    variant: `w${leafWidth}`,
    caps: { blanks: false, innerSpaces: false, padding: false },
    tables({ tables, template, paren }) {
      const nums = (cells: string[]) => cells.join(' ');
      const s2: string[] = [];
      for (const b of tables.s2) {
        s2.push(b.caption);
        if (template === '2019' && b.header[1] === '本年新制作数量') {
          s2.push('信息内容', '本年新', '制作数量', '本年新', '公开数量', '对外公开总数量');
        } else if (b.header.some((h) => h.length > 12)) {
          // a long header cell wraps inside its column
          for (const h of b.header) s2.push(...chunk(h, 8));
        } else s2.push(b.header.join(' '));
        for (const r of b.rows) s2.push(`${r.label} ${nums(r.cells)}`);
      }
      const s3: string[] = [...chunk(paren(S3_NOTE), rng.int(16, 20)), '申请人情况'];
      const pieces = [...chunk('自然人', 2), '法人或其他组织'];
      const cols = S3_APPLICANT_LABELS.slice(1).flatMap((l) => (l === '其他' ? [l] : chunk(l, l.length > 4 ? 3 : 2)));
      // PDF extraction often glues the 总计 header onto the next cell
      if (rng.chance(0.5)) s3.push(...pieces, `总计${cols[0]}`, ...cols.slice(1));
      else s3.push(...pieces, '总计', ...cols);
      for (const r of tables.s3) {
        if (r.group1) s3.push('三、', ...chunk(r.group1.slice(2), 2));
        if (r.group2) s3.push(...chunk(r.group2, 3));
        const width = r.inSub ? leafWidth : r.inResult ? leafWidth + 5 : 40;
        const parts = chunk(r.label, width);
        if (parts.length === 1) s3.push(`${r.label} ${nums(r.cells)}`);
        else if (rng.chance(0.2)) s3.push(`${parts[0]} ${nums(r.cells)}`, ...parts.slice(1));
        else s3.push(...parts, nums(r.cells));
      }
      const s4: string[] = [S4_TOP.join(' ')];
      const vertical = (l: string) => [...l];
      if (rng.chance(0.5)) {
        s4.push(`${[...'结结其尚'].join(' ')} 总计 ${S4_SUB.join(' ')}`, '');
        // the first characters of four columns sit on the line above; the rest follows one per line
        for (const l of S4_COL_LABELS.slice(0, 4)) s4.push(...vertical(l).slice(1));
        s4.push(...[...S4_COL_LABELS, ...S4_COL_LABELS].flatMap(vertical));
      } else {
        s4.push(...S4_COL_LABELS.flatMap((l) => (l === '总计' ? [l] : vertical(l))), S4_SUB.join(' '));
        s4.push(...[...S4_COL_LABELS, ...S4_COL_LABELS].flatMap(vertical));
      }
      s4.push(nums(tables.s4));
      return { s2, s3, s4 };
    },
    prose(paragraphs) {
      return paragraphs.flatMap((p) => wrapProse(p, proseWidth));
    },
    finish(lines, r) {
      const out: string[] = [];
      for (const l of lines) {
        out.push(l, '');
        if (r.chance(0.03)) out.push('', '');
      }
      return out;
    },
  };
}

/* -------------------------------------------------------------------- tabs */

function tabs(rng: Rng): Layout {
  const padSpanned = rng.chance(0.5);
  return {
    name: 'tabs',
    variant: padSpanned ? 'padded' : 'plain',
    caps: { blanks: true, innerSpaces: true, padding: true },
    tables({ tables, paren }) {
      const row = (cells: string[]) => cells.join('\t');
      const s2: string[] = [];
      for (const b of tables.s2) {
        s2.push(`${b.caption}\t\t\t`);
        const pad = Array(Math.max(0, 4 - b.header.length)).fill('');
        s2.push(row([...b.header, ...pad]));
        for (const r of b.rows) s2.push(row([r.label, ...r.cells, ...pad]));
      }
      const s3: string[] = [
        `${paren(S3_NOTE)}\t申请人情况\t\t\t\t\t\t总计`,
        `\t自然人\t法人或其他组织\t\t\t\t\t`,
        `\t\t${S3_APPLICANT_LABELS.slice(1).join('\t')}\t`,
      ];
      for (const r of tables.s3) {
        let labels: string[];
        if (!r.inResult) labels = [r.label];
        else if (!r.inSub) labels = [r.group1 ?? '', r.label, ...(padSpanned ? [''] : [])];
        else labels = [r.group1 ?? '', r.group2 ?? '', r.label];
        s3.push(row([...labels, ...r.cells]));
        if (rng.chance(0.04)) s3.push('');
      }
      const s4 = [
        `${S4_TOP[0]}\t\t\t\t\t${S4_TOP[1]}${'\t'.repeat(9)}`,
        `${S4_COL_LABELS.join('\t')}\t${S4_SUB[0]}\t\t\t\t\t${S4_SUB[1]}\t\t\t\t`,
        `\t\t\t\t\t${[...S4_COL_LABELS, ...S4_COL_LABELS].join('\t')}`,
        row(tables.s4),
      ];
      return { s2, s3, s4 };
    },
    prose: plainProse,
    finish(lines) {
      return lines.flatMap((l, i) => (i > 0 && !l.includes('\t') && !lines[i - 1].includes('\t') ? ['', l] : [l]));
    },
  };
}

/* ----------------------------------------------------------- cell-per-line */

function cellPerLine(rng: Rng): Layout {
  const variant = rng.weighted([['indent', 2], ['gap', 1], ['dense', 1]] as const);
  const indent = variant === 'indent' ? '\t' : '';
  return {
    name: 'cell-per-line',
    variant,
    caps: { blanks: variant === 'indent', innerSpaces: false, padding: variant === 'indent' },
    tables({ tables, paren }) {
      // a table row: its cells one per line; 'indent' separates rows by a blank line
      const rows: string[][] = [];
      const push = (cells: string[]) => rows.push(cells);
      const merged = variant === 'indent';
      for (const b of tables.s2) {
        push([b.caption]);
        push(b.header);
        for (const r of b.rows) push([r.label, ...r.cells]);
      }
      const s2 = rowsToLines(rows.splice(0));
      push([paren(S3_NOTE), '申请人情况']);
      push(merged ? ['', '自然人', '法人或其他组织', '总计'] : ['自然人', '法人或其他组织', '总计']);
      const heads = S3_APPLICANT_LABELS.slice(1).map((l) => (merged && l.length === 4 && rng.chance(0.5) ? `${l.slice(0, 2)}\n${l.slice(2)}` : l));
      push(merged ? ['', '', ...heads, ''] : heads);
      for (const r of tables.s3) {
        // merged cells of the result block show as empty cells in the indented style
        const labels: string[] = [];
        if (r.inResult && (r.group1 || merged)) labels.push(r.group1 ?? '');
        if (r.inSub && (r.group2 || merged)) labels.push(r.group2 ?? '');
        push([...labels, r.label, ...r.cells]);
      }
      const s3 = rowsToLines(rows.splice(0));
      const wrap = (l: string) => (merged && l.length === 4 && l !== '结果维持' ? `${l.slice(0, 2)}\n${l.slice(2)}` : l);
      push(S4_TOP);
      push([...S4_COL_LABELS.map(wrap), ...S4_SUB]);
      push([...(merged ? ['', '', '', '', ''] : []), ...[...S4_COL_LABELS, ...S4_COL_LABELS].map(wrap)]);
      push(tables.s4);
      const s4 = rowsToLines(rows.splice(0));
      return { s2, s3, s4 };
    },
    prose: plainProse,
    finish(lines) {
      if (variant !== 'gap') return lines;
      return lines.flatMap((l) => [l, '']);
    },
  };
  function rowsToLines(rows: string[][]): string[] {
    const out: string[] = [];
    for (const cells of rows) {
      for (const c of cells) out.push(`${indent}${c}`);
      if (variant === 'indent') out.push('');
    }
    return out;
  }
}

/* ------------------------------------------------------------------- pipes */

function pipes(rng: Rng): Layout {
  const framed = rng.chance(0.4);
  return {
    name: 'pipes',
    variant: framed ? 'framed' : 'plain',
    caps: { blanks: true, innerSpaces: true, padding: true },
    tables({ tables, paren }) {
      const row = (cells: string[], filler = '') => `${framed ? '| ' : ''}${cells.join(' | ')} |${filler}`;
      const s2: string[] = [];
      for (const b of tables.s2) {
        s2.push(row([b.caption], ' |||'));
        const fill = b.header.length < 4 ? ` ${'|'.repeat(4 - b.header.length)}` : '';
        s2.push(row(b.header, fill));
        for (const r of b.rows) s2.push(row([r.label, ...r.cells], fill));
      }
      const s3 = [
        row([paren(S3_NOTE), '申请人情况'], ' ||||||||'),
        row(['自然人', '法人或其他组织', '总计'], ' |||||||'),
        row(S3_APPLICANT_LABELS.slice(1), ' |||||'),
      ];
      for (const r of tables.s3) {
        const labels = [r.group1, r.group2].filter((l): l is string => l !== null);
        s3.push(row([...labels, r.label, ...r.cells], rng.chance(0.5) ? ' |' : ''));
      }
      const s4 = [
        row(S4_TOP, ' |||||||||||||'),
        row([...S4_COL_LABELS, ...S4_SUB], ' ||||||||'),
        row([...S4_COL_LABELS, ...S4_COL_LABELS], ' |||||'),
        row(tables.s4),
      ];
      return { s2, s3, s4 };
    },
    prose: plainProse,
    finish: (lines) => lines,
  };
}

/* -------------------------------------------------------------- pipe-cells */

function pipeCells(rng: Rng): Layout {
  const spacedCells = rng.chance(0.5);
  return {
    name: 'pipe-cells',
    variant: spacedCells ? 'spaced' : 'bare',
    caps: { blanks: true, innerSpaces: true, padding: false },
    tables({ tables, paren }) {
      const out: string[] = [];
      // The last cell of a row carries the filler pipes of the table's empty columns:
      // bare rows always end `0 | |`; the spaced style adds pipes only for missing columns.
      const row = (cells: string[], width = cells.length) => {
        const missing = Math.max(0, width - cells.length);
        const filler = spacedCells ? (missing ? `|${'|'.repeat(missing - 1)}` : '') : ` ${'|'.repeat(missing + 1)}`;
        out.push(spacedCells ? '| ' : '|');
        cells.forEach((c, i) => {
          const cell = spacedCells ? ` ${c}  | ` : `${c} |`;
          out.push(i === cells.length - 1 ? `${cell}${filler}` : cell);
        });
      };
      for (const b of tables.s2) {
        row([b.caption], 4);
        for (const r of [b.header, ...b.rows.map((x) => [x.label, ...x.cells])]) row(r, 4);
      }
      const s2 = out.splice(0);
      row([paren(S3_NOTE), '申请人情况'], 9);
      row(['自然人', '法人或其他组织', '总计'], 9);
      row(S3_APPLICANT_LABELS.slice(1), 9);
      for (const r of tables.s3) row([...[r.group1, r.group2].filter((l): l is string => l !== null), r.label, ...r.cells]);
      const s3 = out.splice(0);
      row(S4_TOP, 15);
      row([...S4_COL_LABELS, ...S4_SUB], 15);
      row([...S4_COL_LABELS, ...S4_COL_LABELS], 15);
      row(tables.s4);
      const s4 = out.splice(0);
      return { s2, s3, s4 };
    },
    prose: plainProse,
    finish: (lines) => lines,
  };
}

export function makeLayout(name: LayoutName, rng: Rng): Layout {
  switch (name) {
    case 'spaced':
      return spaced(rng);
    case 'broken-labels':
      return brokenLabels(rng);
    case 'tabs':
      return tabs(rng);
    case 'cell-per-line':
      return cellPerLine(rng);
    case 'pipes':
      return pipes(rng);
    case 'pipe-cells':
      return pipeCells(rng);
    case 'flattened':
      return flattened(rng);
    case 'detached-labels':
      return detachedLabels(rng);
    case 'ocr-tables':
      return ocrTables(rng);
  }
}
