/**
 * The database describes itself: schema_docs holds every table and column of
 * both kinds of file with its comment from schema.sql; 表格生成器's query and
 * 数据说明's figures answer from the seed build exactly as plain SQL does.
 */
import fs from 'node:fs';
import path from 'node:path';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDatabase } from '../../scripts/lib/buildDatabase';
import { NO_FILTERS } from '../../src/db/filters';
import { buildFigures, dataDocs, tableBuilder } from '../../src/db/researchQueries';
import type { Queryable } from '../../src/db/queries';
import { coreSchemaSql, detailSchemaSql } from '../../src/db/schema';
import { schemaComments, schemaDocs } from '../../src/db/schemaDocs';
import { rowAt, tableFromExec } from '../../src/db/table';
import { rows, tmpDir } from '../build/helpers';

let SQL: SqlJsStatic;
let core: Database;
let q: Queryable;

beforeAll(async () => {
  SQL = await initSqlJs();
  const dir = tmpDir('datadocs');
  await buildDatabase({
    reportsDir: path.resolve('data/reports'),
    manifestPath: path.resolve('data/manifest.csv'),
    outFile: path.join(dir, 'gongkai.sqlite'),
    builtAt: '2026-11-21',
  });
  core = new SQL.Database(fs.readFileSync(path.join(dir, 'gongkai.sqlite')));
  q = { all: (sql, params) => tableFromExec(core.exec(sql, params ?? [])) };
});
afterAll(() => core?.close());

describe('schema_docs: the comments of schema.sql in the file', () => {
  test('a column comment is the text after its --, continued by the comment-only lines below it', () => {
    const c = schemaComments(coreSchemaSql());
    expect(c.columns.get('source_files')?.get('sha256')).toBe("of the file's bytes");
    expect(c.columns.get('reports')?.get('checks')).toBe(
      'one character per check C01…C28 in order: . not applicable, p pass, n not assessable, E/W/I fail (error/warning/info)',
    );
    expect(c.columns.get('reports')?.get('s3_denied_third_party_natural')).toBe('（三）不予公开 4.保护第三方合法权益 · 自然人 [2019/2021]');
    expect(c.table.get('organs')).toBe(
      'One row per organ. Reports of the same organ in different years share a row, matched on match_key (simplified name without 人民政府/政府 variants) and division_code.',
    );
    expect(c.declared.get('failures')?.get('severity')).toBe("TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info'))");
    // a declaration followed by its comment on the same line
    expect(c.declared.get('source_files')?.get('outcome')).toMatch(/^TEXT NOT NULL CHECK \(outcome IN \('ok', 'partial', 'failed'.*\)\)$/);
  });

  test('the built core lists every column of every table of both files, in order, as SQLite sees them', () => {
    const docs = rows(core, 'SELECT file, table_name, position, column_name FROM schema_docs WHERE position > 0 ORDER BY file, table_name, position');
    for (const [file, sql] of [['core', coreSchemaSql()], ['detail', detailSchemaSql()]] as const) {
      const scratch = new SQL.Database();
      scratch.run(sql);
      for (const { name } of rows(scratch, "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')")) {
        const want = rows(scratch, `SELECT name FROM pragma_table_info('${name}') ORDER BY cid`).map((r) => r.name);
        const got = docs.filter((d) => d.file === file && d.table_name === name).map((d) => d.column_name);
        expect(got, `${file}.${name}`).toEqual(want);
      }
      scratch.close();
    }
    // reports: every column, the fact columns with their template labels
    const reports = rows(core, "SELECT column_name, doc FROM schema_docs WHERE file = 'core' AND table_name = 'reports' AND position > 0");
    expect(reports.map((r) => r.column_name)).toEqual(rows(core, "SELECT name FROM pragma_table_info('reports')").map((r) => r.name));
    expect(reports.find((r) => r.column_name === 's2_procurement_amount')?.doc).toBe('政府集中采购 · 采购总金额（万元） [2019]');
  });

  test("every table has its description, and the file's header says how the files fit together", () => {
    const tables = rows(core, "SELECT file, table_name, type, doc FROM schema_docs WHERE position = 0 AND table_name <> ''");
    expect(tables.length).toBe(schemaDocs(SQL).filter((d) => d.position === 0 && d.table !== '').length);
    for (const t of tables) expect(String(t.doc), `${t.file}.${t.table_name}`).not.toBe('');
    expect(tables.find((t) => t.table_name === 'cell_provenance')).toMatchObject({ file: 'detail', type: 'view' });
    const [header] = rows(core, "SELECT doc FROM schema_docs WHERE table_name = ''");
    expect(String(header.doc)).toContain("ATTACH 'detail-1a2b3c4d5e6f.sqlite' AS d1");
  });
});

describe('表格生成器 and 数据说明 over the seed build', () => {
  test('tableBuilder: one row per report, the figures as columns (NULL kept), the source file', () => {
    const keys = ['s3.new.total', 's2.procurement.amount', 's4.review.total', 's3.granted.natural'];
    const t = tableBuilder(q, { filters: { ...NO_FILTERS, province: '黑龙江省' }, find: '', keys });
    const want = rows(
      core,
      `SELECT r.report_id, r.s3_new_total, r.s2_procurement_amount, r.s4_review_total, r.s3_granted_natural, s.file
       FROM reports r JOIN organs o USING (organ_id) JOIN source_files s USING (file_id) WHERE o.province = '黑龙江省'`,
    );
    expect(t.length).toBe(3);
    for (let i = 0; i < t.length; i++) {
      const row = rowAt(t, i);
      const w = want.find((x) => x.report_id === row.report_id)!;
      expect([row['s3.new.total'], row['s2.procurement.amount'], row['s4.review.total'], row['s3.granted.natural'], row.file]).toEqual([
        w.s3_new_total, w.s2_procurement_amount, w.s4_review_total, w.s3_granted_natural, w.file,
      ]);
    }
    // the 2021 report has no procurement row: NULL, not 0
    expect(rowAt(t, t.columns.year.indexOf(2021))['s2.procurement.amount']).toBeNull();
  });

  test('tableBuilder: the name search matches the name as written or simplified; % is a plain character', () => {
    expect(tableBuilder(q, { filters: NO_FILTERS, find: '连生乡', keys: [] }).length).toBe(2);
    expect(tableBuilder(q, { filters: NO_FILTERS, find: '%', keys: [] }).length).toBe(0);
    expect(() => tableBuilder(q, { filters: NO_FILTERS, find: '', keys: ['s9.nothing'] })).toThrow('未知指标：s9.nothing');
  });

  test('dataDocs and buildFigures: outcomes per file, per year and per province add up to the build', () => {
    const d = dataDocs(q);
    const info = Object.fromEntries(rows(core, 'SELECT key, value FROM build_info').map((r) => [r.key, r.value]));
    const outcome = (o: string) => Number(d.outcomes.columns.n[d.outcomes.columns.outcome.indexOf(o)] ?? 0);
    expect([outcome('ok'), outcome('partial'), outcome('failed')]).toEqual([Number(info.reports_ok), Number(info.reports_partial), Number(info.reports_failed)]);
    expect(d.checks.length).toBe(28);
    expect(d.factKeys.length).toBe(Number(rows(core, 'SELECT COUNT(*) AS n FROM fact_keys')[0].n));
    const f = buildFigures(q);
    const sum = (t: typeof f.byYear, c: string) => (t.columns[c] as number[]).reduce((a, b) => a + b, 0);
    expect(sum(f.byYear, 'ok')).toBe(outcome('ok'));
    expect(sum(f.byProvince, 'partial')).toBe(outcome('partial'));
    expect(f.byYear.columns.year).toEqual([2019, 2020, 2021]);
    expect(f.byYear.columns.reports).toEqual([1, 3, 1]);
  });
});
