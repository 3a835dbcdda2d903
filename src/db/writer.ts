/**
 * Writes parsed reports into the core database and its detail shards (the two
 * kinds of file of schema.sql). Pure over sql.js (no Node APIs): the build's
 * file workers write the shards, its main thread the core, and the tests both.
 * Every INSERT names its columns, so a column added to the schema cannot shift
 * the values of another.
 */
import type { Database, SqlJsStatic, Statement } from 'sql.js';
import { FACT_KEYS } from '../parse/factKeys';
import type { Finding, ManifestRow, ParsedReport } from '../parse/types';
import { CHECKS, CODE_ORDER } from './checkCatalogue';
import { encodeChecks } from './checkCodes';
import { coverageOf } from './coverage';
import { organHash, organKeys } from './keys';
import { ROLLUP_SQL, SCHEMA_VERSION, coreSchemaSql, detailSchemaSql } from './schema';
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

/** fact_keys.key_id of a fact key (template order, from 1). */
export const KEY_ID: ReadonlyMap<string, number> = new Map(FACT_KEYS.map((f, i) => [f.key, i + 1]));

/** A finding's fact keys as stored: their key_ids, space-separated. */
export function keyIdList(keys: readonly string[]): string {
  return keys.map((k) => KEY_ID.get(k) ?? k).join(' ');
}

/** Reports per detail shard: one report's detail is a few KB, so a shard is a quick download. */
export const DEFAULT_SHARD_SIZE = 200;

/** Content-addressed name of a (gzipped) shard, given the hex SHA-256 of its bytes as served. */
export function shardFileName(sha256hex: string): string {
  return `detail-${sha256hex.slice(0, 12)}.sqlite.gz`;
}

type SqlValue = string | number | null;

/**
 * INSERT by column name: the statement lists its columns and a row is the
 * values in that order. Many rows go to one statement (a report has ~200
 * cells; one sql.js call per row was most of the write time).
 */
export class Insert<C extends string> {
  private readonly statements = new Map<number, Statement>();
  private pending: SqlValue[] = [];
  private rows = 0;

  constructor(
    private readonly db: Database,
    private readonly table: string,
    private readonly columns: readonly C[],
    private readonly batch = 64,
    private readonly verb = 'INSERT',
  ) {}

  add(row: Readonly<Record<C, SqlValue>>): void {
    for (const c of this.columns) this.pending.push(row[c]);
    if (++this.rows === this.batch) this.flush();
  }

  flush(): void {
    if (!this.rows) return;
    let st = this.statements.get(this.rows);
    if (!st) {
      const row = `(${this.columns.map(() => '?').join(', ')})`;
      st = this.db.prepare(`${this.verb} INTO ${this.table} (${this.columns.join(', ')}) VALUES ${new Array(this.rows).fill(row).join(', ')}`);
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

const FINDING_COLUMNS = ['report_id', 'check_id', 'status', 'severity', 'evidence', 'key_ids'] as const;

function insertFactKeys(db: Database): void {
  const fk = new Insert(db, 'fact_keys', ['key_id', 'key', 'column_name', 'section', 'row_label', 'col_label', 'label', 'unit', 'templates'], 1);
  FACT_KEYS.forEach((f, i) =>
    fk.add({ key_id: i + 1, key: f.key, column_name: f.column, section: f.section, row_label: f.rowLabel, col_label: f.colLabel, label: f.label, unit: f.unit, templates: f.templates.join(',') }),
  );
  fk.free();
}

function newDatabase(SQL: SqlJsStatic, schema: string): Database {
  const db = new SQL.Database();
  db.run('PRAGMA page_size = 4096');
  db.run(schema);
  db.run(`PRAGMA user_version = ${SCHEMA_VERSION}`);
  db.run('BEGIN');
  return db;
}

/**
 * One detail shard being written: the reports of one batch of input files,
 * report ids given by the caller (a report's id follows its file's place in
 * the sorted input, so a worker knows it without waiting for the others).
 */
export class DetailShardWriter {
  private readonly db: Database;
  private readonly finding: Insert<(typeof FINDING_COLUMNS)[number]>;
  private readonly cell: Insert<'report_id' | 'key_id' | 'state' | 'line' | 'raw' | 'read'>;
  private readonly line: Insert<'report_id' | 'line' | 'text' | 'locator'>;
  private readonly section: Insert<'report_id' | 'section' | 'heading' | 'start_line' | 'end_line' | 'text'>;
  first = 0;
  last = 0;
  reports = 0;

  constructor(SQL: SqlJsStatic) {
    this.db = newDatabase(SQL, detailSchemaSql());
    insertFactKeys(this.db);
    this.finding = new Insert(this.db, 'findings', FINDING_COLUMNS);
    this.cell = new Insert(this.db, 'cell_sources', ['report_id', 'key_id', 'state', 'line', 'raw', 'read']);
    this.line = new Insert(this.db, 'source_lines', ['report_id', 'line', 'text', 'locator']);
    this.section = new Insert(this.db, 'report_sections', ['report_id', 'section', 'heading', 'start_line', 'end_line', 'text']);
  }

  add(id: number, r: DetailRow): void {
    if (!this.reports++) this.first = id;
    this.last = id;
    const { report } = r;
    for (const f of [...r.findings].sort((a, b) => a.check.localeCompare(b.check))) {
      this.finding.add({ report_id: id, check_id: f.check, status: f.status, severity: f.severity, evidence: f.evidence, key_ids: keyIdList(f.keys) });
    }
    const lines = new Map<number, string>();
    for (const f of FACT_KEYS) {
      const cell = report.cells[f.key];
      if (!cell || cell.state === 'missing') continue;
      const line = cell.source?.line ?? null;
      if (line !== null && cell.source) lines.set(line, cell.source.text);
      const plain = cell.value !== null && cell.raw.trim() === String(cell.value);
      this.cell.add({ report_id: id, key_id: KEY_ID.get(f.key)!, state: cell.state, line, raw: plain ? null : cell.raw, read: cell.state === 'number' ? (cell.read ?? null) : null });
    }
    for (const [line, text] of r.contextLines ?? []) if (!lines.has(line)) lines.set(line, text);
    for (const [line, text] of [...lines].sort((a, b) => a[0] - b[0])) {
      this.line.add({ report_id: id, line, text, locator: r.lineLocators?.[line - 1] ?? null });
    }
    for (const s of report.sections) {
      const text = s.index === 1 ? report.prose.s1 : s.index === 5 ? report.prose.s5 : s.index === 6 ? report.prose.s6 : null;
      this.section.add({ report_id: id, section: s.index, heading: s.heading, start_line: s.startLine, end_line: s.endLine, text });
    }
  }

  /** The shard's bytes, not yet vacuumed: patchShard lays the collection's findings over them and vacuums. */
  finish(): Uint8Array {
    for (const s of [this.finding, this.cell, this.line, this.section]) s.free();
    this.db.run('COMMIT');
    const bytes = this.db.export();
    this.db.close();
    return bytes;
  }
}

/**
 * A closed shard with more findings laid over its own (INSERT OR REPLACE: the
 * collection's C11 replaces the single-report one), vacuumed.
 */
export function patchShard(SQL: SqlJsStatic, bytes: Uint8Array, findings: readonly { id: number; findings: readonly Finding[] }[]): Uint8Array {
  const db = new SQL.Database(bytes);
  db.run('BEGIN');
  const st = new Insert(db, 'findings', FINDING_COLUMNS, 1, 'INSERT OR REPLACE');
  for (const r of findings) {
    for (const f of r.findings) st.add({ report_id: r.id, check_id: f.check, status: f.status, severity: f.severity, evidence: f.evidence, key_ids: keyIdList(f.keys) });
  }
  st.free();
  db.run('COMMIT');
  db.run('VACUUM');
  const out = db.export();
  db.close();
  return out;
}

const REPORT_COLUMNS = [
  'report_id', 'organ_id', 'file_id', 'organ_name', 'year', 'template', 'period', 'source_url', 'published',
  'completeness', 'duplicate', 'procurement_unit', 'errors', 'warnings', 'checks',
  'assessed', 'passed', 'unassessed', 'partial', ...FACT_KEYS.map((f) => f.column),
] as const;

/** The shards as the core lists them. */
export interface ShardListing {
  firstReportId: number;
  lastReportId: number;
  file: string;
  bytes: number;
}

/** The core file: source files, organs, report rows with their failures, then the listings and rollups. */
export class CoreWriter {
  readonly db: Database;
  private readonly file: Insert<'file_id' | 'file' | 'sha256' | 'bytes' | 'encoding' | 'outcome' | 'reason'>;
  private readonly organ: Insert<'organ_id' | 'name' | 'name_simplified' | 'match_key' | 'level' | 'province' | 'city' | 'county' | 'division_code' | 'organ_key'>;
  private readonly report: Insert<string>;
  private readonly failure: Insert<'report_id' | 'check_id' | 'severity' | 'evidence'>;
  private nextFileId = 1;
  private nextOrganId = 1;

  constructor(SQL: SqlJsStatic) {
    this.db = newDatabase(SQL, coreSchemaSql());
    this.file = new Insert(this.db, 'source_files', ['file_id', 'file', 'sha256', 'bytes', 'encoding', 'outcome', 'reason']);
    this.organ = new Insert(this.db, 'organs', ['organ_id', 'name', 'name_simplified', 'match_key', 'level', 'province', 'city', 'county', 'division_code', 'organ_key']);
    this.report = new Insert<string>(this.db, 'reports', REPORT_COLUMNS, 16);
    this.failure = new Insert(this.db, 'failures', ['report_id', 'check_id', 'severity', 'evidence']);
    insertFactKeys(this.db);
    const ck = new Insert(this.db, 'checks', ['check_id', 'grp', 'group_label', 'title', 'severity', 'scope'], 1);
    for (const c of CHECKS) ck.add({ check_id: c.id, grp: c.group, group_label: c.groupLabel, title: c.title, severity: c.severity, scope: c.scope });
    ck.free();
    insertSchemaDocs(SQL, this.db);
  }

  addSourceFile(f: SourceFileRow): number {
    const id = this.nextFileId++;
    this.file.add({ file_id: id, file: f.file, sha256: f.sha256, bytes: f.bytes, encoding: f.encoding, outcome: f.outcome, reason: f.reason });
    return id;
  }

  addOrgan(o: OrganRow): number {
    const id = this.nextOrganId++;
    // the full hash for now; finish() shortens every key to the prefix no other organ shares
    const hash = organHash(o.matchKey, o.divisionCode, o.county);
    this.organ.add({
      organ_id: id, name: o.name, name_simplified: o.nameSimplified, match_key: o.matchKey, level: o.level,
      province: o.province, city: o.city, county: o.county, division_code: o.divisionCode, organ_key: `${hash}#${id}`,
    });
    return id;
  }

  /** The report's core row and its failures (its id is the one its detail was written under). */
  addReport(id: number, r: CoreRow): void {
    const { report, manifest } = r;
    const failed = r.findings.filter((f) => f.status === 'fail');
    const cov = coverageOf(r.findings);
    const row: Record<string, SqlValue> = {
      report_id: id,
      organ_id: r.organId,
      file_id: r.fileId,
      organ_name: report.organ,
      year: report.year,
      template: report.template,
      period: report.period,
      source_url: manifest?.source_url ?? null,
      published: manifest?.published ?? null,
      completeness: report.completeness,
      duplicate: r.duplicate ? 1 : 0,
      procurement_unit: report.procurementAmount?.unit ?? null,
      errors: failed.filter((f) => f.severity === 'error').length,
      warnings: failed.filter((f) => f.severity === 'warning').length,
      checks: encodeChecks(r.findings, CODE_ORDER),
      assessed: cov.assessed,
      passed: cov.passed,
      unassessed: cov.unassessed,
      partial: cov.partial,
    };
    for (const f of FACT_KEYS) row[f.column] = report.cells[f.key]?.value ?? null;
    this.report.add(row);
    for (const f of [...failed].sort((a, b) => a.check.localeCompare(b.check))) {
      this.failure.add({ report_id: id, check_id: f.check, severity: f.severity, evidence: f.evidence });
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

  /** List the shards, record the build's properties, compute the rollups, ANALYZE and VACUUM: the file's bytes. */
  finish(info: Record<string, string | number>, shards: readonly ShardListing[]): Uint8Array {
    const db = this.finishDatabase(info, shards);
    const out = db.export();
    db.close();
    return out;
  }

  /** finish(), the database left open (the caller's to close): a split reads it where it is, with no copy. */
  finishDatabase(info: Record<string, string | number>, shards: readonly ShardListing[]): Database {
    for (const s of [this.file, this.organ, this.report, this.failure]) s.free();
    this.settleOrganKeys();
    const sh = new Insert(this.db, 'shards', ['shard_id', 'first_report_id', 'last_report_id', 'file', 'bytes'], 1);
    shards.forEach((s, i) => sh.add({ shard_id: i + 1, first_report_id: s.firstReportId, last_report_id: s.lastReportId, file: s.file, bytes: s.bytes }));
    sh.free();
    const bi = new Insert(this.db, 'build_info', ['key', 'value'], 1);
    bi.add({ key: 'schema_version', value: String(SCHEMA_VERSION) });
    for (const [k, v] of Object.entries(info).sort()) bi.add({ key: k, value: String(v) });
    bi.free();
    for (const sql of ROLLUP_SQL) this.db.run(sql);
    this.db.run('COMMIT');
    this.db.run('ANALYZE');
    this.db.run('VACUUM');
    return this.db;
  }
}
