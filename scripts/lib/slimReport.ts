/**
 * A report once its detail is written: only what the core row, the collection
 * checks and the parse CLI read — each cell's value and state (and its text
 * when it is not a plain number, for the checks' wording), the prose, the
 * metadata, and the findings without their key lists. Packed for the trip
 * from a file worker to the main thread, and unpacked there through an
 * Interner, so equal cells and label lists (most cells are 0) are one object.
 */
import { cellEntries, type Cell, type Finding, type ManifestRow, type ParsedReport } from '../../src/parse/types';
import type { ProcessedFile } from './pipeline';

/** A slim report's cells as sent: the keys (joined) and one id string per cell. */
export interface PackedCells {
  keys: string;
  cells: string[];
}

export type PackedReport = Omit<ParsedReport, 'cells' | 'templateLabels'> & { cells: PackedCells; templateLabels: string };

/** A processed file as a worker sends it back. */
export type PackedFile = Omit<ProcessedFile, 'report' | 'contextLines' | 'lineLocators'> & { report: PackedReport | null };

const SEP = '\u0001';

/** @param allEvidence keep every finding's evidence (the CLI prints it), not only the failures' (the core stores those) */
export function packFile(p: ProcessedFile, allEvidence = false): PackedFile {
  const { contextLines: _c, lineLocators: _l, report, ...rest } = p;
  const findings = p.findings.map((f) => ({ ...f, evidence: allEvidence || f.status === 'fail' ? f.evidence : '', keys: [] }));
  if (!report) return { ...rest, findings, report: null };
  const entries = cellEntries(report.cells);
  const keys = entries.map(([k]) => k);
  const cells = entries.map(([, c]) => {
    const plain = c.state === 'number' && c.value !== null;
    return `${c.state}${SEP}${c.value}${SEP}${c.approximate ? 1 : 0}${SEP}${plain ? '' : c.raw}`;
  });
  return {
    ...rest,
    findings,
    report: { ...report, notes: report.notes.filter((n) => n.kind === 'manifest-disagrees'), cells: { keys: keys.join(SEP), cells }, templateLabels: report.templateLabels.join(SEP) },
  };
}

/** Shared read-only objects of one build (never kept past it). */
export class Interner {
  private readonly cells = new Map<string, Cell>();
  private readonly lists = new Map<string, string[]>();
  private readonly shapes = new Map<string, new (cells: Cell[]) => ParsedReport['cells']>();

  /**
   * A constructor that sets these keys in this order: its objects keep V8's fast
   * properties (1.7 KB a report's 200 cells) where a record filled key by key
   * turns into a dictionary (12 KB) — the difference between a 200,000-report
   * build fitting in 2 GB or not.
   */
  private shape(joined: string, keys: readonly string[]): new (cells: Cell[]) => ParsedReport['cells'] {
    let C = this.shapes.get(joined);
    if (!C) {
      C = new Function('cells', keys.map((k, i) => `this[${JSON.stringify(k)}] = cells[${i}];`).join('\n')) as unknown as new (cells: Cell[]) => ParsedReport['cells'];
      this.shapes.set(joined, C);
    }
    return C;
  }

  protected list(joined: string): string[] {
    let l = this.lists.get(joined);
    if (!l) {
      l = Object.freeze(joined ? joined.split(SEP) : []) as string[];
      this.lists.set(joined, l);
    }
    return l;
  }

  protected cell(id: string): Cell {
    let c = this.cells.get(id);
    if (!c) {
      const [state, value, approx, raw] = id.split(SEP);
      c = Object.freeze({
        value: value === 'null' ? null : Number(value),
        state: state as Cell['state'],
        raw,
        source: null,
        ...(approx === '1' ? { approximate: true } : {}),
      });
      this.cells.set(id, c);
    }
    return c;
  }

  unpack(p: PackedFile): ProcessedFile {
    if (!p.report) return { ...p, report: null };
    const r = p.report;
    const keys = this.list(r.cells.keys);
    const Cells = this.shape(r.cells.keys, keys);
    const cells = new Cells(r.cells.cells.map((id) => this.cell(id)));
    return { ...p, report: { ...r, cells, templateLabels: this.list(r.templateLabels) } };
  }
}

/**
 * A report's own findings as the build keeps them between its parse and the
 * core: which checks ran, with their status and severity, as one interned
 * string (most reports share it), and the failures' evidence — what the core
 * stores (packFile has emptied every other evidence and every key list). About
 * 3.5 KB a report as objects; a few bytes this way.
 */
export interface KeptFindings {
  /** check, status, severity of each finding in order, joined */
  readonly codes: string;
  /** the evidence of each failed finding, in order (null: none failed) */
  readonly evidence: readonly string[] | null;
}

const FSEP = '\u0002';

/** Cell ids per chunk of the build's slim reports (a chunk holds some 300 reports' cells). */
const CHUNK = 1 << 16;

/** A build's slim reports, made smaller still for the collection checks and the core. */
export class BuildInterner extends Interner {
  private readonly codes = new Map<string, string>();
  /** every distinct cell of the build, by number, and the number of each packed cell */
  private readonly table: Cell[] = [];
  private readonly numbers = new Map<string, number>();
  private chunk: Uint16Array | Uint32Array = new Uint16Array(CHUNK);
  private used = 0;
  private readonly getters = new Map<string, new (chunk: Uint16Array | Uint32Array, at: number) => ParsedReport['cells']>();

  /**
   * A report's cells as the numbers of its cells in a shared chunk, read through
   * getters on a prototype per key list: `cells[key]` gives the cell as before
   * (reading them one by one is all the collection checks and the core do; they
   * are not own properties, so Object.entries sees none). 400 B a report where the
   * object of fast properties took 1.6 KB.
   */
  private cellsOf(keysJoined: string, packed: readonly string[]): ParsedReport['cells'] {
    let Cells = this.getters.get(keysJoined);
    if (!Cells) {
      const table = this.table;
      const proto: Record<string, unknown> = {};
      this.list(keysJoined).forEach((k, i) =>
        Object.defineProperty(proto, k, {
          get(this: { c: Uint16Array | Uint32Array; o: number }) {
            return table[this.c[this.o + i]];
          },
          enumerable: false,
        }),
      );
      const C = function (this: { c: Uint16Array | Uint32Array; o: number }, c: Uint16Array | Uint32Array, o: number) {
        this.c = c;
        this.o = o;
      } as unknown as new (chunk: Uint16Array | Uint32Array, at: number) => ParsedReport['cells'];
      C.prototype = proto;
      this.getters.set(keysJoined, (Cells = C));
    }
    const ids = packed.map((id) => {
      let n = this.numbers.get(id);
      if (n === undefined) {
        n = this.table.length;
        this.table.push(this.cell(id));
        this.numbers.set(id, n);
      }
      return n;
    });
    const wide = this.table.length > 0xffff;
    if (this.used + ids.length > this.chunk.length || (wide && this.chunk instanceof Uint16Array)) {
      this.chunk = wide ? new Uint32Array(Math.max(CHUNK, ids.length)) : new Uint16Array(Math.max(CHUNK, ids.length));
      this.used = 0;
    }
    const at = this.used;
    this.chunk.set(ids, at);
    this.used += ids.length;
    return new Cells(this.chunk, at);
  }

  /** unpack(), the cells kept as numbers (see cellsOf). */
  unpackSlim(p: PackedFile): ProcessedFile {
    if (!p.report) return { ...p, report: null };
    const r = p.report;
    return { ...p, report: { ...r, cells: this.cellsOf(r.cells.keys, r.cells.cells), templateLabels: this.list(r.templateLabels) } };
  }
  private readonly regions = new Map<string, ParsedReport['region']>();
  private static readonly NO_SECTIONS: ParsedReport['sections'] = Object.freeze([]) as unknown as ParsedReport['sections'];

  keepFindings(findings: readonly Finding[]): KeptFindings {
    const joined = findings.map((f) => `${f.check}${FSEP}${f.status}${FSEP}${f.severity}`).join(SEP);
    let codes = this.codes.get(joined);
    if (codes === undefined) this.codes.set(joined, (codes = joined));
    const failed = findings.filter((f) => f.status === 'fail').map((f) => f.evidence);
    return { codes, evidence: failed.length ? failed : null };
  }

  /**
   * The slim report without what neither the collection checks nor the core
   * read (its section spans, section 六's prose), its region shared with the reports of the same
   * place, and its manifest row the build's own object when unchanged.
   */
  compact(p: ProcessedFile, manifest: ManifestRow | null): ProcessedFile {
    const same = manifest && p.manifest && JSON.stringify(manifest) === JSON.stringify(p.manifest);
    const out = { ...p, manifest: same ? manifest : p.manifest };
    if (!p.report) return out;
    const key = JSON.stringify(p.report.region);
    let region = this.regions.get(key);
    if (!region) this.regions.set(key, (region = p.report.region));
    // section 六's prose: neither the collection checks (一 and 五) nor the core read it
    return { ...out, report: { ...p.report, region, sections: BuildInterner.NO_SECTIONS, prose: { ...p.report.prose, s6: null } } };
  }
}

/** The findings keepFindings() kept, as Finding objects again (equal to those it was given). */
export function keptFindings(k: KeptFindings): Finding[] {
  if (!k.codes) return [];
  let e = 0;
  return k.codes.split(SEP).map((c) => {
    const [check, status, severity] = c.split(FSEP) as [string, Finding['status'], Finding['severity']];
    return { check, status, severity, evidence: status === 'fail' ? k.evidence![e++] : '', keys: [] };
  });
}
