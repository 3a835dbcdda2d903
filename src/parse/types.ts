/**
 * What the parser produces for one report. Pure data, JSON-serialisable, shared
 * by the checks, the database build and the parse CLI.
 */
import type { FactKey, Template } from './factKeys';
export type { FactKey, Template } from './factKeys';

/** What a table cell held. `missing`: the row (or the whole table) is not in the text. */
export type CellState = 'number' | 'blank' | 'dash' | 'text' | 'missing';

/** Where a value came from: 1-based line number in the decoded text and that line as printed. */
export interface Provenance {
  line: number;
  text: string;
  /** for structured inputs (HTML/Word/PDF): table, row, column or page and position */
  locator?: string;
  /** on a TAB- or pipe-delimited line, the cell's field (0 = the first): with the line's locator, its grid column */
  field?: number;
}

/**
 * How a figure was read: printed in its own cell; split from a run of figures
 * printed with no separator (the only reading the row and the table's
 * arithmetic allow); or placed in its row by the template's order (its label
 * detached or absent) and confirmed by the arithmetic.
 */
export type CellRead = 'printed' | 'split' | 'ordered';

export interface Cell {
  /** the number, or null when blank, dash, text, missing or unreadable — never a guessed 0 */
  value: number | null;
  state: CellState;
  /** the cell's text as printed ('' when blank or missing) */
  raw: string;
  source: Provenance | null;
  /** e.g. 20余条 → 20 */
  approximate?: boolean;
  /** how the figure was read (absent for a missing cell) */
  read?: CellRead;
}

export interface SectionSpan {
  /** 1..6 for 一..六 */
  index: number;
  /** the heading line as found, e.g. 五、存在的主要问题及改进情况 */
  heading: string;
  /** 1-based, inclusive */
  startLine: number;
  endLine: number;
}

export interface Amount {
  /** normalised to 万元 */
  value: number | null;
  /** the unit as written: 万元 / 元 / null when none is stated */
  unit: '万元' | '元' | null;
  raw: string;
  /** true when the unit could not be determined (value taken as written) */
  unitUnknown: boolean;
}

export interface Region {
  province: string | null;
  city: string | null;
  county: string | null;
  /** national division code of the organ: the township's 9-digit code, or the county's 6-digit code */
  code: string | null;
}

export interface RegionResolution {
  region: Region;
  /** how it was resolved: manifest / county named in text / unique township name / none */
  method: 'manifest' | 'text-county' | 'unique-township' | 'none';
  /** when the name is ambiguous: every candidate, and region stays null */
  candidates: Region[];
}

/** Metadata a manifest row supplies; it overrides the text, and disagreements are reported. */
/** What the parser hands a region resolver; manifest fields, when given, are hints that win. */
export interface RegionQuery {
  /** organ name as written (may be traditional), e.g. 绥滨县连生乡人民政府 */
  organ: string | null;
  /** the report text (the resolver looks for a county or township name in it) */
  text: string;
  province?: string | null;
  city?: string | null;
  county?: string | null;
}

/**
 * Resolves an organ to its place with the national division codes. Injected into
 * the parser so src/parse stays free of Node and of the 3 MB division table.
 */
export type RegionResolver = (query: RegionQuery) => RegionResolution;

export interface ManifestRow {
  file: string;
  organ?: string | null;
  province?: string | null;
  city?: string | null;
  county?: string | null;
  level?: string | null;
  year?: number | null;
  source_url?: string | null;
  published?: string | null;
}

export interface ParseNote {
  /** machine-readable kind, e.g. 'row-missing', 'ambiguous-run', 'manifest-disagrees' */
  kind: string;
  /** the parser stage that decided it (locate-sections, read-tables, align-rows, solve-tables, metadata, manifest) */
  stage?: ParseStage;
  message: string;
  line?: number;
}

export type ParseStage = 'locate-sections' | 'read-tables' | 'align-rows' | 'solve-tables' | 'metadata' | 'manifest';

/** A report's cells by fact key. */
export type FactCells = Partial<Record<FactKey, Cell>>;

export interface ParsedReport {
  organ: string | null;
  organSimplified: string | null;
  organSource: 'title' | 'body' | 'manifest' | null;
  year: number | null;
  template: Template | null;
  /** template-specific labels found in the text (e.g. 本年新制作数量, 本年制发件数), for C02/C03 */
  templateLabels: string[];
  /** the statistical period if stated, e.g. 2021年1月1日至2021年12月31日 */
  period: string | null;
  region: RegionResolution;
  /** every fact key of the template → its cell (state 'missing' when not in the text); no entry for the other template's keys */
  cells: FactCells;
  sections: SectionSpan[];
  /** prose of sections 一, 五, 六 (null when the section is absent) */
  prose: { s1: string | null; s5: string | null; s6: string | null };
  procurementAmount: Amount | null;
  /** whether all three tables were read in full */
  completeness: 'complete' | 'partial' | 'none';
  /** what could not be read, and other things a reader should know */
  notes: ParseNote[];
  /** the decoded text's line count */
  lineCount: number;
}

export type Severity = 'error' | 'warning' | 'info';
export type FindingStatus = 'pass' | 'fail' | 'na';

export interface Finding {
  check: string;
  status: FindingStatus;
  severity: Severity;
  /** a short Chinese sentence with the actual numbers */
  evidence: string;
  /** fact keys involved */
  keys: string[];
}

/** A report's cells with their keys, in the order the parser filled them. */
export function cellEntries(cells: FactCells): [FactKey, Cell][] {
  return Object.entries(cells) as [FactKey, Cell][];
}

/** Facts as plain numbers (the CLI's `facts`). */
export function factValues(report: ParsedReport): Partial<Record<FactKey, number | null>> {
  const out: Partial<Record<FactKey, number | null>> = {};
  for (const [k, c] of cellEntries(report.cells)) out[k] = c.value;
  return out;
}
