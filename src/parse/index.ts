/**
 * parseReport: one report's text → ParsedReport. Pure: no Node, no DOM.
 *
 * 1. normalise characters line by line (full-width, pinyin glosses, traditional → simplified);
 * 2. find the six section headings;
 * 3. tokenise sections 二–四 into label text and value tokens;
 * 4. find each table row by its printed label and read the cells that follow it;
 * 5. metadata (organ, year, period, template) and section 一's stated total.
 */
import type { Cell, ManifestRow, ParsedReport, ParseNote, RegionResolution, RegionResolver, SectionSpan } from './types';
import { keysForTemplate, type Template } from './factKeys';
import { normaliseText, compact, toSimplified } from './normalise';
import { findHeadings, sectionSpans, type Heading } from './sections';
import { tokenise, type Position, type Token } from './tokenise';
import { readRows, assignRow, missingCell, buildStream, type TokenStream } from './rows';
import { table2Specs, table3Specs, table4Spec } from './tables';
import { detectTemplate } from './template';
import { makeAmount, unitFromHeader } from './amounts';
import { proactiveTotal } from './prose';
import { findTitleOrgan, findBodyOrgan, findPeriod, findYear } from './metadata';

export interface ParseOptions {
  file?: string;
  manifest?: ManifestRow;
  resolveRegion?: RegionResolver;
}

const NO_REGION: RegionResolution = {
  region: { province: null, city: null, county: null, code: null },
  method: 'none',
  candidates: [],
};

interface Region {
  from: Position;
  to: Position;
  /** no later section heading: the text stops inside this part */
  open: boolean;
}

const KEYS = new Map<Template, string[]>();
function templateKeys(t: Template): string[] {
  let k = KEYS.get(t);
  if (!k) KEYS.set(t, (k = keysForTemplate(t)));
  return k;
}

function headingPos(h: Heading): Position {
  return { line: h.line, col: h.col };
}

function endPos(lines: readonly string[]): Position {
  const last = lines.length - 1;
  return { line: last, col: lines[last].length };
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.col < b.col);
}

/** Where each table's text is: from its heading to the next heading found (or the end). */
function tableRegions(lines: readonly string[], headings: readonly Heading[]): Record<2 | 3 | 4, Region | null> {
  const byIndex = new Map(headings.map((h) => [h.index, h]));
  const end = endPos(lines);
  const next = (k: number): { pos: Position; open: boolean } => {
    const h = headings.find((x) => x.index > k);
    return h ? { pos: headingPos(h), open: false } : { pos: end, open: true };
  };
  const prev = (k: number): Position | null => {
    let p: Heading | null = null;
    for (const h of headings) if (h.index < k) p = h;
    return p ? headingPos(p) : null;
  };
  const out: Record<2 | 3 | 4, Region | null> = { 2: null, 3: null, 4: null };
  for (const k of [2, 3, 4] as const) {
    const h = byIndex.get(k);
    const n = next(k);
    if (h) {
      out[k] = { from: headingPos(h), to: n.pos, open: n.open };
      continue;
    }
    // no heading: look for the table's own first words between the neighbouring headings
    const start = prev(k) ?? { line: 0, col: 0 };
    const marker = k === 2 ? /第二十条|信息内容/ : k === 3 ? /申请人情况|本年新收|自然人/ : /行政复议/;
    for (let l = start.line; l < lines.length && before({ line: l, col: 0 }, n.pos); l++) {
      if (marker.test(lines[l])) {
        out[k] = { from: { line: l, col: 0 }, to: n.pos, open: n.open };
        break;
      }
    }
  }
  return out;
}

/** Table 四: fifteen numbers in one row (or three rows of five) under a header of text. */
function readTable4(tokens: Token[], ctx: { lines: readonly string[]; notes: ParseNote[]; truncated: boolean }, cells: Record<string, Cell>): void {
  const spec = table4Spec();
  // empty cells on a header line are the header's merged cells, not blank figures
  const textLines = new Set<number>();
  for (const t of tokens) if (t.kind === 'text') textLines.add(t.line);
  const vals: Token[] = [];
  let started = false;
  for (const t of tokens) {
    if (t.kind === 'text') {
      // prose after the numbers (a missing 五 heading): stop
      if (started && (t.text.length > 15 || /[。；]/.test(t.text))) break;
      continue;
    }
    if (t.kind === 'empty' && textLines.has(t.line)) continue;
    if (t.kind !== 'empty') started = true;
    vals.push(t);
  }
  if (!vals.length) return;
  const row = assignRow(spec, vals, ctx, true, vals[0].line);
  spec.keys.forEach((k, i) => (cells[k] = row[i]));
}

function lineOfOffset(lines: readonly string[], fromLine: number, toLine: number, needle: string): number {
  for (let l = fromLine; l <= toLine && l < lines.length; l++) if (lines[l].includes(needle)) return l;
  return fromLine;
}

export function parseReport(text: string, options: ParseOptions = {}): ParsedReport {
  const notes: ParseNote[] = [];
  const norm = normaliseText(text);
  const lines = norm.simp;
  const headings = findHeadings(lines);
  const sections: SectionSpan[] = sectionSpans(headings, lines.length);
  const spanOf = (i: number) => sections.find((s) => s.index === i) ?? null;
  const proseOf = (i: number): string | null => {
    const s = spanOf(i);
    if (!s) return null;
    const h = headings.find((x) => x.index === i)!;
    const first = lines[s.startLine - 1].slice(h.col);
    const body = [first.replace(/^\s*\S*?(?:情况|事项|概述|概况|改进情况)\s*/, ''), ...lines.slice(s.startLine, s.endLine)];
    return body.join('\n').trim();
  };
  for (let i = 1; i <= 6; i++) if (!spanOf(i)) notes.push({ kind: 'section-missing', message: `section ${'一二三四五六'[i - 1]} not found` });

  // ---- tables
  const regions = tableRegions(lines, headings);
  const streams = {} as Record<2 | 3 | 4, TokenStream | null>;
  for (const k of [2, 3, 4] as const) {
    const r = regions[k];
    streams[k] = r ? buildStream(tokenise(lines, r.from, r.to)) : null;
  }
  const decision = detectTemplate([streams[2], streams[3], streams[4]].map((s) => s?.compact ?? '').join('\u0001'));
  const template: Template | null = decision.template;
  if (decision.mixed) notes.push({ kind: 'mixed-template-labels', message: `labels of both templates: ${decision.labels.join(', ')}` });

  const cells: Record<string, Cell> = {};
  let procurementAmount: ParsedReport['procurementAmount'] = null;
  if (template) {
    for (const k of templateKeys(template)) cells[k] = missingCell();
    const r2 = regions[2];
    const stream = streams[2];
    if (r2 && stream) {
      const tokens = stream.tokens;
      readRows(stream, table2Specs(template), { lines: norm.raw, notes, truncated: r2.open }, cells);
      if (template === '2019') {
        const at = stream.compact.indexOf('采购总金额');
        const header = at >= 0 ? unitFromHeader(stream.compact.slice(at, at + 30)) : null;
        const c = cells['s2.procurement.amount'];
        const tok = c.source ? tokens.find((t) => t.kind === 'value' && t.line + 1 === c.source!.line && t.cell?.raw === c.raw) : undefined;
        if (c.state === 'number' && c.value !== null) {
          procurementAmount = makeAmount(c.value, c.raw, tok?.cell?.unit, header);
          cells['s2.procurement.amount'] = { ...c, value: procurementAmount.value };
          if (procurementAmount.unitUnknown) notes.push({ kind: 'unit-unknown', message: `procurement amount '${c.raw}' states no unit (taken as 万元 as written)`, line: c.source?.line });
        } else if (c.state !== 'missing') {
          procurementAmount = { value: null, unit: tok?.cell?.unit ?? header, raw: c.raw, unitUnknown: (tok?.cell?.unit ?? header) === null };
        }
      } else {
        const c = cells['s2.fees.amount'];
        const tok = c.source ? tokens.find((t) => t.kind === 'value' && t.line + 1 === c.source!.line && t.cell?.raw === c.raw) : undefined;
        if (tok?.cell?.unit === '元' && c.value !== null) {
          cells['s2.fees.amount'] = { ...c, value: makeAmount(c.value, c.raw, '元', '万元').value };
          notes.push({ kind: 'unit-converted', message: `fee amount '${c.raw}' printed in 元, converted to 万元`, line: c.source?.line });
        }
      }
    }
    const r3 = regions[3];
    if (r3 && streams[3]) readRows(streams[3], table3Specs(template), { lines: norm.raw, notes, truncated: r3.open, labelPadFirst: true }, cells);
    const r4 = regions[4];
    if (r4 && streams[4]) readTable4(streams[4].tokens, { lines: norm.raw, notes, truncated: r4.open }, cells);
  } else {
    notes.push({ kind: 'no-template', message: 'no template table (二/三/四) found in the text' });
  }

  // ---- section 一's stated total
  const s1 = proseOf(1);
  if (template) {
    const fig = s1 ? proactiveTotal(s1) : null;
    if (fig) {
      const span = spanOf(1)!;
      const l = lineOfOffset(lines, span.startLine - 1, span.endLine - 1, String(fig.value).slice(0, 3));
      const cell: Cell = { value: fig.value, state: 'number', raw: fig.raw, source: { line: l + 1, text: norm.raw[l] } };
      if (fig.approximate) cell.approximate = true;
      cells['s1.proactive_total'] = cell;
    }
  }

  // ---- completeness
  const tableKeys = Object.keys(cells).filter((k) => !k.startsWith('s1.'));
  const read = tableKeys.filter((k) => cells[k].state !== 'missing').length;
  const completeness: ParsedReport['completeness'] = !template || read === 0 ? 'none' : read === tableKeys.length ? 'complete' : 'partial';
  if (completeness === 'partial') notes.push({ kind: 'tables-incomplete', message: `${tableKeys.length - read} of ${tableKeys.length} table cells not in the text` });

  // ---- metadata
  const title = findTitleOrgan(lines, 40);
  const found = title ?? findBodyOrgan(lines, 300);
  let organ: string | null = null;
  let organSimplified: string | null = null;
  let organSource: ParsedReport['organSource'] = null;
  if (found) {
    // the organ as printed (traditional kept), the pinyin glosses dropped
    const cleanLine = norm.clean[found.line];
    organ = cleanLine.length === lines[found.line].length && found.col >= 0 ? cleanLine.slice(found.col, found.col + found.organ.length) : found.organ;
    organSimplified = found.organ;
    organSource = found.source;
  }
  const m = options.manifest;
  if (m?.organ) {
    const mo = m.organ.trim();
    const ms = toSimplifiedName(mo);
    if (organSimplified && !sameOrgan(ms, organSimplified)) {
      notes.push({ kind: 'manifest-disagrees', message: `机关：清单为“${mo}”，正文为“${organ}”（采用清单）` });
    }
    organ = mo;
    organSimplified = ms;
    organSource = 'manifest';
  }
  const period = findPeriod(lines.slice(0, Math.min(lines.length, 200)).join('\n'));
  let year = findYear(lines, title?.year ?? null, period?.year ?? null, s1);
  if (m?.year) {
    if (year !== null && year !== m.year) notes.push({ kind: 'manifest-disagrees', message: `年度：清单为 ${m.year}，正文为 ${year}（采用清单）` });
    year = m.year;
  }

  let region: RegionResolution = NO_REGION;
  if (options.resolveRegion) {
    try {
      region = options.resolveRegion({
        organ: organ,
        text: lines.slice(0, 400).join('\n'),
        province: m?.province ?? null,
        city: m?.city ?? null,
        county: m?.county ?? null,
      });
    } catch (e) {
      notes.push({ kind: 'region-error', message: `region resolver failed: ${(e as Error).message}` });
    }
  }

  return {
    organ,
    organSimplified,
    organSource,
    year,
    template,
    templateLabels: decision.labels,
    period: period?.period ?? null,
    region,
    cells,
    sections,
    prose: { s1, s5: proseOf(5), s6: proseOf(6) },
    procurementAmount,
    completeness,
    notes,
    lineCount: lines.length,
  };
}

function toSimplifiedName(s: string): string {
  return /[縣鎮鄉區東陽陝廣門貴遼寧務會開]/.test(s) ? toSimplified(s) : s;
}

function sameOrgan(a: string, b: string): boolean {
  const n = (s: string) => compact(s).replace(/[（(].*?[)）]/g, '').replace(/人民政府|政府/g, '');
  const x = n(a);
  const y = n(b);
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}

export { factValues } from './types';
export type { ParsedReport } from './types';
