import fs from 'node:fs';
import initSqlJs from 'sql.js';
import { describe, expect, test } from 'vitest';
import { coreSchemaSql, detailSchemaSql, schemaSql } from '../../src/db/schema';
import { FACT_KEYS } from '../../src/parse/factKeys';

describe('database schema', () => {
  test('the committed schema.sql is what schema.ts generates (run npm run schema)', () => {
    expect(fs.readFileSync('src/db/schema.sql', 'utf8')).toBe(schemaSql());
  });

  test('reports has one column per fact key, named with _ for .', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run(coreSchemaSql());
    const cols = db.exec("SELECT name FROM pragma_table_info('reports')")[0].values.map((r) => String(r[0]));
    for (const f of FACT_KEYS) expect(cols).toContain(f.column);
    expect(cols).toContain('s3_denied_third_party_natural');
    expect(cols.length).toBe(FACT_KEYS.length + 19);
    for (const c of ['assessed', 'passed', 'unassessed', 'partial']) expect(cols).toContain(c);
    expect(cols).toContain('checks');
  });

  test('a detail shard holds findings, provenance and prose, and its view joins them', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run(detailSchemaSql());
    const names = db.exec("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")[0].values.map((r) => String(r[0]));
    expect(names).toEqual(['cell_provenance', 'cell_sources', 'fact_keys', 'findings', 'report_sections', 'source_lines']);
  });
});
