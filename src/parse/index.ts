/**
 * parseReport: one report's text → ParsedReport. Pure: no Node, no DOM.
 * Named stages, each deciding one thing and recording what it decided in the
 * report's notes (as camelot's parser stages do), tuned by one settings object:
 *
 * 1. normalise    characters line by line (full-width, pinyin glosses, traditional → simplified);
 * 2. locate-sections  the six section headings and where each table's text is;
 * 3. read-tables  tokens → rows found by their printed labels;
 * 4. align-rows   table 三 rows whose labels went missing placed by the template's order;
 * 5. solve-tables digit runs split, and placements confirmed, only where the
 *                 tables' identities leave one reading; amounts in 万元;
 * 6. metadata     organ, year, period, template, section 一's stated total;
 * 7. manifest     the manifest row overrides the text, disagreements noted.
 */
import { cellEntries } from './types';
import type { Cell, FactCells, ManifestRow, ParsedReport, ParseNote, RegionResolution, RegionResolver, SectionSpan } from './types';
import { keysForTemplate, type FactKey, type Template } from './factKeys';
import { normaliseText, compact, toSimplified, type NormalisedText } from './normalise';
import { findHeadings, sectionSpans, type Heading } from './sections';
import { tokenise, type Position } from './tokenise';
import { missingCell, buildStream, type RowContext, type RunState, type TokenStream } from './rows';
import { readTable2, readTable3, readTable4 } from './readTables';
import { detectTemplate } from './template';
import { makeAmount, unitFromHeader } from './amounts';
import { proactiveTotal } from './prose';
import { findTitleOrgan, findBodyOrgan, findPeriod, findYear, organFromPageTitle } from './metadata';
import { resolveSettings, type ParserSettings } from './settings';

export interface ParseOptions {
  file?: string;
  manifest?: ManifestRow;
  resolveRegion?: RegionResolver;
  /** the title a saved page states about itself (its <title>), used when the text prints no title */
  pageTitle?: string;
  /** limits and windows of the stages (unknown keys are rejected) */
  settings?: Partial<ParserSettings>;
}

const NO_REGION: RegionResolution = {
  region: { province: null, city: null, county: null, code: null },
  method: 'none',
  candidates: [],
};

interface TextSpan {
  from: Position;
  to: Position;
  /** no later section heading: the text stops inside this part */
  open: boolean;
}

const KEYS: { [T in Template]: readonly FactKey[] } = { '2019': keysForTemplate('2019'), '2021': keysForTemplate('2021') };

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

// ---------------------------------------------------------------- stage: locate sections

interface Located {
  headings: Heading[];
  sections: SectionSpan[];
  tables: Record<2 | 3 | 4, TextSpan | null>;
}

/** Where each table's text is: from its heading to the next heading found (or the end). */
function tableSpans(lines: readonly string[], headings: readonly Heading[]): Record<2 | 3 | 4, TextSpan | null> {
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
  const out: Record<2 | 3 | 4, TextSpan | null> = { 2: null, 3: null, 4: null };
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

function locateSections(lines: readonly string[], notes: ParseNote[]): Located {
  const headings = findHeadings(lines);
  const sections = sectionSpans(headings, lines.length);
  for (let i = 1; i <= 6; i++) {
    if (!sections.some((s) => s.index === i)) notes.push({ kind: 'section-missing', message: `section ${'一二三四五六'[i - 1]} not found`, stage: 'locate-sections' });
  }
  return { headings, sections, tables: tableSpans(lines, headings) };
}

function proseOf(lines: readonly string[], located: Located, i: number): string | null {
  const s = located.sections.find((x) => x.index === i);
  if (!s) return null;
  const h = located.headings.find((x) => x.index === i)!;
  const first = lines[s.startLine - 1].slice(h.col);
  const body = [first.replace(/^\s*\S*?(?:情况|事项|概述|概况|改进情况)\s*/, ''), ...lines.slice(s.startLine, s.endLine)];
  return body.join('\n').trim();
}

// ---------------------------------------------------------------- stages: read, align and solve tables

interface Tables {
  template: Template | null;
  templateLabels: string[];
  cells: FactCells;
  procurementAmount: ParsedReport['procurementAmount'];
}

/**
 * The tables, read once cutting runs into cells; when a run fits no reading or
 * the arithmetic breaks around cut runs, the report's runs have lost empty
 * cells somewhere, so the tables are read again without cutting any run.
 */
function readTables(norm: NormalisedText, located: Located, settings: ParserSettings, notes: ParseNote[]): Tables {
  const first: ParseNote[] = [];
  const runs: RunState = { cut: true };
  const t = readTablesOnce(norm, located, settings, first, runs);
  if (!runs.misfit) {
    notes.push(...first);
    return t;
  }
  const misfit = runs.misfit;
  const again = readTablesOnce(norm, located, settings, notes, { cut: false, misfit });
  notes.push({ kind: 'vanished-blanks', message: `${misfit.row}: cells run together fit no reading, so empty cells vanished from this report's runs; no run is cut`, line: misfit.line, stage: 'solve-tables' });
  return again;
}

function readTablesOnce(norm: NormalisedText, located: Located, settings: ParserSettings, notes: ParseNote[], runs: RunState): Tables {
  const lines = norm.simp;
  const streams = {} as Record<2 | 3 | 4, TokenStream | null>;
  for (const k of [2, 3, 4] as const) {
    const r = located.tables[k];
    streams[k] = r ? buildStream(tokenise(lines, r.from, r.to)) : null;
  }
  const decision = detectTemplate([streams[2], streams[3], streams[4]].map((s) => s?.compact ?? '').join('\u0001'));
  const template = decision.template;
  if (decision.mixed) notes.push({ kind: 'mixed-template-labels', message: `labels of both templates: ${decision.labels.join(', ')}`, stage: 'read-tables' });
  const cells: FactCells = {};
  let procurementAmount: ParsedReport['procurementAmount'] = null;
  if (!template) {
    notes.push({ kind: 'no-template', message: 'no template table (二/三/四) found in the text', stage: 'read-tables' });
    return { template, templateLabels: decision.labels, cells, procurementAmount };
  }
  for (const k of KEYS[template]) cells[k] = missingCell();
  // one run state for the three tables: a misfit in any of them is evidence for all
  const ctxOf = (k: 2 | 3 | 4): RowContext => ({ lines: norm.raw, notes, truncated: located.tables[k]!.open, runs });
  const s2 = streams[2];
  if (s2) {
    const { units } = readTable2(s2, template, ctxOf(2), settings, cells);
    procurementAmount = amounts(template, s2, cells, units, notes);
  }
  if (streams[3]) readTable3(streams[3], template, { ...ctxOf(3), labelPadFirst: true }, settings, cells);
  if (streams[4]) readTable4(streams[4].tokens, ctxOf(4), settings, cells);
  return { template, templateLabels: decision.labels, cells, procurementAmount };
}

/** Money in table 二 in 万元: 2019's procurement amount (unit from the cell or its header), 2021's fees printed in 元. */
function amounts(template: Template, stream: TokenStream, cells: FactCells, units: Map<string, '万元' | '元'>, notes: ParseNote[]): ParsedReport['procurementAmount'] {
  if (template === '2019') {
    const at = stream.compact.indexOf('采购总金额');
    const header = at >= 0 ? unitFromHeader(stream.compact.slice(at, at + 30)) : null;
    const c = cells['s2.procurement.amount']!;
    const cellUnit = units.get('s2.procurement.amount');
    if (c.state === 'number' && c.value !== null) {
      const amount = makeAmount(c.value, c.raw, cellUnit, header);
      cells['s2.procurement.amount'] = { ...c, value: amount.value };
      if (amount.unitUnknown) notes.push({ kind: 'unit-unknown', message: `procurement amount '${c.raw}' states no unit (taken as 万元 as written)`, line: c.source?.line, stage: 'solve-tables' });
      return amount;
    }
    if (c.state !== 'missing') return { value: null, unit: cellUnit ?? header, raw: c.raw, unitUnknown: (cellUnit ?? header) === null };
    return null;
  }
  const c = cells['s2.fees.amount']!;
  if (units.get('s2.fees.amount') === '元' && c.value !== null) {
    cells['s2.fees.amount'] = { ...c, value: makeAmount(c.value, c.raw, '元', '万元').value };
    notes.push({ kind: 'unit-converted', message: `fee amount '${c.raw}' printed in 元, converted to 万元`, line: c.source?.line, stage: 'solve-tables' });
  }
  return null;
}

// ---------------------------------------------------------------- stage: metadata

function lineOfOffset(lines: readonly string[], fromLine: number, toLine: number, needle: string): number {
  for (let l = fromLine; l <= toLine && l < lines.length; l++) if (lines[l].includes(needle)) return l;
  return fromLine;
}

interface Metadata {
  organ: string | null;
  organSimplified: string | null;
  organSource: ParsedReport['organSource'];
  year: number | null;
  period: string | null;
}

function readMetadata(norm: NormalisedText, s1: string | null, settings: ParserSettings, pageTitle: string | undefined): Metadata {
  const lines = norm.simp;
  const title = findTitleOrgan(lines, settings.titleLines);
  const page = title || !pageTitle ? null : organFromPageTitle(toSimplified(pageTitle));
  const found = title ?? (page ? null : findBodyOrgan(lines, settings.bodyOrganLines));
  let organ: string | null = null;
  let organSimplified: string | null = null;
  let organSource: ParsedReport['organSource'] = null;
  if (page) {
    organ = page.organ;
    organSimplified = page.organ;
    organSource = 'title';
  } else if (found) {
    // the organ as printed (traditional kept), the pinyin glosses dropped
    const cleanLine = norm.clean[found.line];
    organ = cleanLine.length === lines[found.line].length && found.col >= 0 ? cleanLine.slice(found.col, found.col + found.organ.length) : found.organ;
    organSimplified = found.organ;
    organSource = found.source;
  }
  const period = findPeriod(lines.slice(0, Math.min(lines.length, settings.periodLines)).join('\n'));
  const year = findYear(lines, title?.year ?? page?.year ?? null, period?.year ?? null, s1);
  return { organ, organSimplified, organSource, year, period: period?.period ?? null };
}

/** Section 一's overall figure of proactive disclosure (never one category of it); null when it states none. */
function statedTotal(norm: NormalisedText, located: Located, s1: string | null, cells: FactCells): void {
  const fig = s1 ? proactiveTotal(s1) : null;
  if (!fig) return;
  const lines = norm.simp;
  const span = located.sections.find((s) => s.index === 1)!;
  const l = lineOfOffset(lines, span.startLine - 1, span.endLine - 1, String(fig.value).slice(0, 3));
  const cell: Cell = { value: fig.value, state: 'number', raw: fig.raw, source: { line: l + 1, text: norm.raw[l] }, read: 'printed' };
  if (fig.approximate) cell.approximate = true;
  cells['s1.proactive_total'] = cell;
}

// ---------------------------------------------------------------- stage: manifest

function applyManifest(meta: Metadata, m: ManifestRow | undefined, notes: ParseNote[]): Metadata {
  if (!m) return meta;
  const out = { ...meta };
  if (m.organ) {
    const mo = m.organ.trim();
    const ms = toSimplifiedName(mo);
    if (meta.organSimplified && !sameOrgan(ms, meta.organSimplified)) {
      notes.push({ kind: 'manifest-disagrees', message: `机关：清单为“${mo}”，正文为“${meta.organ}”（采用清单）`, stage: 'manifest' });
    }
    out.organ = mo;
    out.organSimplified = ms;
    out.organSource = 'manifest';
  }
  if (m.year) {
    if (meta.year !== null && meta.year !== m.year) notes.push({ kind: 'manifest-disagrees', message: `年度：清单为 ${m.year}，正文为 ${meta.year}（采用清单）`, stage: 'manifest' });
    out.year = m.year;
  }
  return out;
}

function resolveRegionOf(options: ParseOptions, organ: string | null, lines: readonly string[], settings: ParserSettings, notes: ParseNote[]): RegionResolution {
  if (!options.resolveRegion) return NO_REGION;
  const m = options.manifest;
  try {
    return options.resolveRegion({
      organ,
      text: lines.slice(0, settings.regionLines).join('\n'),
      province: m?.province ?? null,
      city: m?.city ?? null,
      county: m?.county ?? null,
    });
  } catch (e) {
    notes.push({ kind: 'region-error', message: `region resolver failed: ${(e as Error).message}`, stage: 'manifest' });
    return NO_REGION;
  }
}

// ---------------------------------------------------------------- the report

export function parseReport(text: string, options: ParseOptions = {}): ParsedReport {
  const settings = resolveSettings(options.settings);
  const notes: ParseNote[] = [];
  const norm = normaliseText(text);
  const lines = norm.simp;
  const located = locateSections(lines, notes);
  const tables = readTables(norm, located, settings, notes);
  const { cells, template } = tables;

  const s1 = proseOf(lines, located, 1);
  if (template) statedTotal(norm, located, s1, cells);

  const tableCells = cellEntries(cells).filter(([k]) => !k.startsWith('s1.'));
  const tableKeys = tableCells.map(([k]) => k);
  const read = tableCells.filter(([, c]) => c.state !== 'missing').length;
  const completeness: ParsedReport['completeness'] = !template || read === 0 ? 'none' : read === tableKeys.length ? 'complete' : 'partial';
  if (completeness === 'partial') notes.push({ kind: 'tables-incomplete', message: `${tableKeys.length - read} of ${tableKeys.length} table cells not in the text`, stage: 'solve-tables' });

  const meta = applyManifest(readMetadata(norm, s1, settings, options.pageTitle), options.manifest, notes);
  const region = resolveRegionOf(options, meta.organ, lines, settings, notes);

  return {
    organ: meta.organ,
    organSimplified: meta.organSimplified,
    organSource: meta.organSource,
    year: meta.year,
    template,
    templateLabels: tables.templateLabels,
    period: meta.period,
    region,
    cells,
    sections: located.sections,
    prose: { s1, s5: proseOf(lines, located, 5), s6: proseOf(lines, located, 6) },
    procurementAmount: tables.procurementAmount,
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
export { DEFAULT_SETTINGS, type ParserSettings } from './settings';
