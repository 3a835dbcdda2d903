/**
 * Writes parsed reports into a sql.js database with the schema of schema.sql.
 * Pure over sql.js (no Node APIs) so the build script and the tests share it.
 */
import type { Database, SqlJsStatic, Statement } from 'sql.js';
import { FACT_KEYS } from '../parse/factKeys';
import type { Finding, ManifestRow, ParsedReport } from '../parse/types';
import { CHECKS } from './checkCatalogue';
import { SCHEMA_VERSION, schemaSql } from './schema';

export type Outcome = 'ok' | 'partial' | 'failed';

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

export interface ReportRow {
  organId: number;
  fileId: number;
  report: ParsedReport;
  manifest: ManifestRow | null;
  findings: Finding[];
  duplicate: boolean;
  /** per-line locators of structured inputs (HTML/Word/PDF), indexed by line − 1 */
  lineLocators?: readonly (string | null)[];
}

const KEY_ID = new Map(FACT_KEYS.map((f, i) => [f.key, i + 1]));

export class DatabaseWriter {
  readonly db: Database;
  private readonly insertFile: Statement;
  private readonly insertOrgan: Statement;
  private readonly insertReport: Statement;
  private readonly insertFinding: Statement;
  private readonly insertCell: Statement;
  private readonly insertLine: Statement;
  private readonly insertSection: Statement;
  private nextFileId = 1;
  private nextOrganId = 1;
  private nextReportId = 1;

  constructor(SQL: SqlJsStatic) {
    this.db = new SQL.Database();
    this.db.run('PRAGMA page_size = 4096');
    this.db.run(schemaSql());
    this.db.run(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    this.db.run('BEGIN');
    const factCols = FACT_KEYS.map((f) => f.column);
    const reportCols = [
      'report_id', 'organ_id', 'file_id', 'organ_name', 'year', 'template', 'period', 'source_url', 'published',
      'completeness', 'duplicate', 'procurement_unit', 'errors', 'warnings', ...factCols,
    ];
    this.insertFile = this.db.prepare('INSERT INTO source_files VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.insertOrgan = this.db.prepare('INSERT INTO organs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    this.insertReport = this.db.prepare(
      `INSERT INTO reports (${reportCols.join(', ')}) VALUES (${reportCols.map(() => '?').join(', ')})`,
    );
    this.insertFinding = this.db.prepare('INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?)');
    this.insertCell = this.db.prepare('INSERT INTO cell_sources VALUES (?, ?, ?, ?, ?)');
    this.insertLine = this.db.prepare('INSERT INTO source_lines VALUES (?, ?, ?, ?)');
    this.insertSection = this.db.prepare('INSERT INTO report_sections VALUES (?, ?, ?, ?, ?, ?)');

    const fk = this.db.prepare('INSERT INTO fact_keys VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    FACT_KEYS.forEach((f, i) =>
      fk.run([i + 1, f.key, f.column, f.section, f.rowLabel, f.colLabel, f.label, f.unit, f.templates.join(',')]),
    );
    fk.free();
    const ck = this.db.prepare('INSERT INTO checks VALUES (?, ?, ?, ?, ?, ?)');
    for (const c of CHECKS) ck.run([c.id, c.group, c.groupLabel, c.title, c.severity, c.scope]);
    ck.free();
  }

  addSourceFile(f: SourceFileRow): number {
    const id = this.nextFileId++;
    this.insertFile.run([id, f.file, f.sha256, f.bytes, f.encoding, f.outcome, f.reason]);
    return id;
  }

  addOrgan(o: OrganRow): number {
    const id = this.nextOrganId++;
    this.insertOrgan.run([id, o.name, o.nameSimplified, o.matchKey, o.level, o.province, o.city, o.county, o.divisionCode]);
    return id;
  }

  addReport(r: ReportRow): number {
    const id = this.nextReportId++;
    const { report, manifest } = r;
    const failed = r.findings.filter((f) => f.status === 'fail');
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
    ];
    for (const f of FACT_KEYS) values.push(report.cells[f.key]?.value ?? null);
    this.insertReport.run(values);

    for (const f of [...r.findings].sort((a, b) => a.check.localeCompare(b.check))) {
      this.insertFinding.run([id, f.check, f.status, f.severity, f.evidence, f.keys.join(' ')]);
    }

    const lines = new Map<number, string>();
    for (const f of FACT_KEYS) {
      const cell = report.cells[f.key];
      if (!cell || cell.state === 'missing') continue;
      const line = cell.source?.line ?? null;
      if (line !== null && cell.source) lines.set(line, cell.source.text);
      const plain = cell.value !== null && cell.raw.trim() === String(cell.value);
      this.insertCell.run([id, KEY_ID.get(f.key)!, cell.state, line, plain ? null : cell.raw]);
    }
    for (const [line, text] of [...lines].sort((a, b) => a[0] - b[0])) {
      this.insertLine.run([id, line, text, r.lineLocators?.[line - 1] ?? null]);
    }

    for (const s of report.sections) {
      const text = s.index === 1 ? report.prose.s1 : s.index === 5 ? report.prose.s5 : s.index === 6 ? report.prose.s6 : null;
      this.insertSection.run([id, s.index, s.heading, s.startLine, s.endLine, text]);
    }
    return id;
  }

  /** Commit, record the build's properties, ANALYZE and VACUUM; returns the file's bytes. */
  finish(info: Record<string, string | number>): Uint8Array {
    const bi = this.db.prepare('INSERT INTO build_info VALUES (?, ?)');
    bi.run(['schema_version', String(SCHEMA_VERSION)]);
    for (const [k, v] of Object.entries(info).sort()) bi.run([k, String(v)]);
    bi.free();
    for (const s of [this.insertFile, this.insertOrgan, this.insertReport, this.insertFinding, this.insertCell, this.insertLine, this.insertSection]) {
      s.free();
    }
    this.db.run('COMMIT');
    this.db.run('ANALYZE');
    this.db.run('VACUUM');
    return this.db.export();
  }
}
