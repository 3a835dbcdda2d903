/**
 * Writes parsed reports into the core database and its detail shards (the two
 * kinds of file of schema.sql). Pure over sql.js (no Node APIs) so the build
 * script and the tests share it.
 */
import type { Database, SqlJsStatic, Statement } from 'sql.js';
import { FACT_KEYS } from '../parse/factKeys';
import type { Finding, ManifestRow, ParsedReport } from '../parse/types';
import { CHECKS, CODE_ORDER } from './checkCatalogue';
import { encodeChecks } from './checkCodes';
import { coverageOf } from './coverage';
import { organHash, organKeys } from './keys';
import { SCHEMA_VERSION, coreSchemaSql, detailSchemaSql } from './schema';
import { insertSchemaDocs } from './schemaDocs';

export type Outcome = 'ok' | 'partial' | 'failed' | 'skipped';

export interface SourceFileRow {
  file: string;
  sha256: string;
  bytes: number;
  encoding: string | null;
  outcome: Outcome;
  reason: string | null;
}

export interface OrganRow {
  name: string;
  nameSimplified: string;
  matchKey: string;
  level: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  divisionCode: string | null;
}

/** What a report's detail shard holds: written as soon as the report is parsed. */
export interface DetailRow {
  report: ParsedReport;
  /** the report's own findings; the collection's are added when the shard is patched */
  findings: readonly Finding[];
  /** lines near the cells' lines (shown with a cell's source), by line number */
  contextLines?: ReadonlyMap<number, string>;
  /** per-line locators of structured inputs (HTML/Word/PDF), indexed by line − 1 */
  lineLocators?: readonly (string | null)[];
}

/** The report's row in the core: written once the whole collection is checked. */
export interface CoreRow {
  organId: number;
  fileId: number;
  report: ParsedReport;
  manifest: ManifestRow | null;
  /** every finding (own and collection, merged) */
  findings: readonly Finding[];
  duplicate: boolean;
}

const KEY_ID = new Map(FACT_KEYS.map((f, i) => [f.key, i + 1]));

/** Reports per detail shard: one report's detail is a few KB, so a shard is a quick download. */
export const DEFAULT_SHARD_SIZE = 200;

export interface Shard {
  firstReportId: number;
  lastReportId: number;
  bytes: Uint8Array;
}

export interface WrittenDatabase {
  core: Uint8Array;
  shards: Shard[];
}

/** Content-addressed name of a shard, given the hex SHA-256 of its bytes. */
export function shardFileName(sha256hex: string): string {
  return `detail-${sha256hex.slice(0, 12)}.sqlite`;
}

/**
 * A closed shard with more findings laid over its own (INSERT OR REPLACE: the
 * collection's C11 replaces the single-report one), vacuumed again.
 */
export function patchShard(SQL: SqlJsStatic, bytes: Uint8Array, findings: readonly { id: number; findings: readonly Finding[] }[]): Uint8Array {
  const db = new SQL.Database(bytes);
  db.run('BEGIN');
  const st = db.prepare('INSERT OR REPLACE INTO findings VALUES (?, ?, ?, ?, ?, ?)');
  for (const r of findings) for (const f of r.findings) st.run([r.id, f.check, f.status, f.severity, f.evidence, f.keys.join(' ')]);
  st.free();
  db.run('COMMIT');
  db.run('VACUUM');
  const out = db.export();
  db.close();
  return out;
}

function insertFactKeys(db: Database): void {
  const fk = db.prepare('INSERT INTO fact_keys VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  FACT_KEYS.forEach((f, i) =>
    fk.run([i + 1, f.key, f.column, f.section, f.rowLabel, f.colLabel, f.label, f.unit, f.templates.join(',')]),
  );
  fk.free();
}

type SqlValue = string | number | null;

/**
 * Rows of one table inserted many to a statement: a report has ~200 cells, and
 * one sql.js call per row was most of the build's write time.
 */
class BatchInsert {
  private readonly statements = new Map<number, Statement>();
  private pending: SqlValue[] = [];
  private rows = 0;

  constructor(
    private readonly db: Database,
    private readonly table: string,
    private readonly width: number,
    private readonly batch = 64,
  ) {}

  add(values: SqlValue[]): void {
    for (const v of values) this.pending.push(v);
    if (++this.rows === this.batch) this.flush();
  }

  flush(): void {
    if (!this.rows) return;
    let st = this.statements.get(this.rows);
    if (!st) {
      const row = `(${new Array(this.width).fill('?').join(', ')})`;
      st = this.db.prepare(`INSERT INTO ${this.table} VALUES ${new Array(this.rows).fill(row).join(', ')}`);
      this.statements.set(this.rows, st);
    }
    st.run(this.pending);
    this.pending = [];
    this.rows = 0;
  }

  free(): void {
    this.flush();
    for (const st of this.statements.values()) st.free();
    this.statements.clear();
  }
}

/** One detail shard being written. */
class DetailShard {
  readonly db: Database;
  readonly finding: BatchInsert;
  readonly cell: BatchInsert;
  readonly line: BatchInsert;
  readonly section: BatchInsert;
  first = 0;
  last = 0;

  constructor(SQL: SqlJsStatic) {
    this.db = new SQL.Database();
    this.db.run('PRAGMA page_size = 4096');
    this.db.run(detailSchemaSql());
    this.db.run(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    this.db.run('BEGIN');
    insertFactKeys(this.db);
    this.finding = new BatchInsert(this.db, 'findings', 6);
    this.cell = new BatchInsert(this.db, 'cell_sources', 5);
    this.line = new BatchInsert(this.db, 'source_lines', 4);
    this.section = new BatchInsert(this.db, 'report_sections', 6);
  }

  /** @param vacuum false when the shard is patched (and so vacuumed) afterwards */
  finish(vacuum: boolean): Shard {
    for (const s of [this.finding, this.cell, this.line, this.section]) s.free();
    this.db.run('COMMIT');
    if (vacuum) this.db.run('VACUUM');
    const bytes = this.db.export();
    this.db.close();
    return { firstReportId: this.first, lastReportId: this.last, bytes };
  }
}

export class DatabaseWriter {
  readonly db: Database;
  private readonly insertFile: Statement;
  private readonly insertOrgan: Statement;
  private readonly insertReport: Statement;
  private readonly insertFailure: Statement;
  private readonly SQL: SqlJsStatic;
  private shard: DetailShard | null = null;
  private readonly shards: Shard[] = [];
  private nextFileId = 1;
  private nextOrganId = 1;
  private nextReportId = 1;

  /**
   * @param onShard receives each detail shard as it fills (the build writes it to
   *   disk, so memory does not grow with the collection), not yet vacuumed: the
   *   receiver passes it through patchShard, which does; by default they are kept,
   *   vacuumed, and returned by finish().
   */
  constructor(
    SQL: SqlJsStatic,
    private readonly shardSize = DEFAULT_SHARD_SIZE,
    private readonly onShard?: (shard: Shard) => void,
  ) {
    this.SQL = SQL;
    this.db = new SQL.Database();
    this.db.run('PRAGMA page_size = 4096');
    this.db.run(coreSchemaSql());
    this.db.run(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    this.db.run('BEGIN');
    const factCols = FACT_KEYS.map((f) => f.column);
    const reportCols = [
      'report_id', 'organ_id', 'file_id', 'organ_name', 'year', 'template', 'period', 'source_url', 'published',
      'completeness', 'duplicate', 'procurement_unit', 'errors', 'warnings', 'checks',
      'assessed', 'passed', 'unassessed', 'partial', ...factCols,
    ];
    this.insertFile = this.db.prepare('INSERT INTO source_files VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.insertOrgan = this.db.prepare(
      `INSERT INTO organs (organ_id, name, name_simplified, match_key, level, province, city, county, division_code, organ_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertReport = this.db.prepare(
      `INSERT INTO reports (${reportCols.join(', ')}) VALUES (${reportCols.map(() => '?').join(', ')})`,
    );
    this.insertFailure = this.db.prepare('INSERT INTO failures VALUES (?, ?, ?, ?)');
    insertFactKeys(this.db);
    const ck = this.db.prepare('INSERT INTO checks VALUES (?, ?, ?, ?, ?, ?)');
    for (const c of CHECKS) ck.run([c.id, c.group, c.groupLabel, c.title, c.severity, c.scope]);
    ck.free();
    insertSchemaDocs(SQL, this.db);
  }

  addSourceFile(f: SourceFileRow): number {
    const id = this.nextFileId++;
    this.insertFile.run([id, f.file, f.sha256, f.bytes, f.encoding, f.outcome, f.reason]);
    return id;
  }

  addOrgan(o: OrganRow): number {
    const id = this.nextOrganId++;
    // the full hash for now; finish() shortens every key to the prefix no other organ shares
    const hash = organHash(o.matchKey, o.divisionCode, o.county);
    this.insertOrgan.run([id, o.name, o.nameSimplified, o.matchKey, o.level, o.province, o.city, o.county, o.divisionCode, `${hash}#${id}`]);
    return id;
  }

  /** A report's detail rows, into the current shard; returns the report's id (ids follow the calls). */
  addDetail(r: DetailRow): number {
    const id = this.nextReportId++;
    const { report } = r;
    const shard = this.shardFor(id);
    for (const f of [...r.findings].sort((a, b) => a.check.localeCompare(b.check))) {
      shard.finding.add([id, f.check, f.status, f.severity, f.evidence, f.keys.join(' ')]);
    }
    const lines = new Map<number, string>();
    for (const f of FACT_KEYS) {
      const cell = report.cells[f.key];
      if (!cell || cell.state === 'missing') continue;
      const line = cell.source?.line ?? null;
      if (line !== null && cell.source) lines.set(line, cell.source.text);
      const plain = cell.value !== null && cell.raw.trim() === String(cell.value);
      shard.cell.add([id, KEY_ID.get(f.key)!, cell.state, line, plain ? null : cell.raw]);
    }
    for (const [line, text] of r.contextLines ?? []) if (!lines.has(line)) lines.set(line, text);
    for (const [line, text] of [...lines].sort((a, b) => a[0] - b[0])) {
      shard.line.add([id, line, text, r.lineLocators?.[line - 1] ?? null]);
    }
    for (const s of report.sections) {
      const text = s.index === 1 ? report.prose.s1 : s.index === 5 ? report.prose.s5 : s.index === 6 ? report.prose.s6 : null;
      shard.section.add([id, s.index, s.heading, s.startLine, s.endLine, text]);
    }
    return id;
  }

  /** The report's core row and its failures (id from addDetail). */
  addCore(id: number, r: CoreRow): void {
    const { report, manifest } = r;
    const failed = r.findings.filter((f) => f.status === 'fail');
    const cov = coverageOf(r.findings);
    const values: (string | number | null)[] = [
      id,
      r.organId,
      r.fileId,
      report.organ,
      report.year,
      report.template,
      report.period,
      manifest?.source_url ?? null,
      manifest?.published ?? null,
      report.completeness,
      r.duplicate ? 1 : 0,
      report.procurementAmount?.unit ?? null,
      failed.filter((f) => f.severity === 'error').length,
      failed.filter((f) => f.severity === 'warning').length,
      encodeChecks(r.findings, CODE_ORDER),
      cov.assessed,
      cov.passed,
      cov.unassessed,
      cov.partial,
    ];
    for (const f of FACT_KEYS) values.push(report.cells[f.key]?.value ?? null);
    this.insertReport.run(values);
    for (const f of [...failed].sort((a, b) => a.check.localeCompare(b.check))) {
      this.insertFailure.run([id, f.check, f.severity, f.evidence]);
    }
  }

  /** Every organ's key: the shortest prefix of its hash no other organ of the build shares (see keys.ts). */
  private settleOrganKeys(): void {
    const res = this.db.exec('SELECT organ_id, organ_key FROM organs ORDER BY organ_id')[0];
    if (!res) return;
    const ids = res.values.map((v) => Number(v[0]));
    const keys = organKeys(res.values.map((v) => String(v[1]).split('#')[0]));
    const st = this.db.prepare('UPDATE organs SET organ_key = ? WHERE organ_id = ?');
    ids.forEach((id, i) => st.run([keys[i], id]));
    st.free();
  }

  /** Report ids are given in order, so a shard is a contiguous range of them. */
  private shardFor(id: number): DetailShard {
    if (this.shard && id - this.shard.first >= this.shardSize) this.closeShard();
    if (!this.shard) {
      this.shard = new DetailShard(this.SQL);
      this.shard.first = id;
    }
    this.shard.last = id;
    return this.shard;
  }

  private closeShard(): void {
    if (!this.shard) return;
    // a shard handed to onShard is patched with the collection's findings and vacuumed then (patchShard)
    const done = this.shard.finish(!this.onShard);
    this.shard = null;
    if (this.onShard) this.onShard(done);
    else this.shards.push(done);
  }

  /** Close the last shard (call before finish when shards go to onShard and are patched). */
  closeShards(): void {
    this.closeShard();
  }

  /**
   * List the final shards in the core (`listed`: their ranges, names and sizes, or
   * by default the shards kept here, named by `nameShard`), record the build's
   * properties, ANALYZE and VACUUM.
   */
  finish(
    info: Record<string, string | number>,
    nameShard: (bytes: Uint8Array) => string,
    listed?: readonly { firstReportId: number; lastReportId: number; file: string; bytes: number }[],
  ): WrittenDatabase {
    this.closeShard();
    this.settleOrganKeys();
    const rows =
      listed ?? this.shards.map((s) => ({ firstReportId: s.firstReportId, lastReportId: s.lastReportId, file: nameShard(s.bytes), bytes: s.bytes.length }));
    const sh = this.db.prepare('INSERT INTO shards VALUES (?, ?, ?, ?, ?)');
    rows.forEach((s, i) => sh.run([i + 1, s.firstReportId, s.lastReportId, s.file, s.bytes]));
    sh.free();
    const bi = this.db.prepare('INSERT INTO build_info VALUES (?, ?)');
    bi.run(['schema_version', String(SCHEMA_VERSION)]);
    for (const [k, v] of Object.entries(info).sort()) bi.run([k, String(v)]);
    bi.free();
    for (const s of [this.insertFile, this.insertOrgan, this.insertReport, this.insertFailure]) s.free();
    this.db.run('COMMIT');
    this.db.run('ANALYZE');
    this.db.run('VACUUM');
    return { core: this.db.export(), shards: this.shards };
  }
}
