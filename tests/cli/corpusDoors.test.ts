/**
 * The real files of ../shared/corpus/complete (a PDF, a saved page, crawler text,
 * markdown) through both doors users use: the parse CLI and `build:db`. Each
 * gives a report, not an error, and extraction yields the same text through both:
 * every line the database keeps (source_lines: the lines figures were read from
 * and the lines above them) is the CLI's extracted line, with the same locator and
 * encoding, and the figures agree. (Parser scores are not asserted here.)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'sql.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openBuiltDatabase } from '../../scripts/lib/openBuilt.ts';
import { FACT_KEYS } from '../../src/parse/factKeys.ts';
import { rows } from '../build/helpers.ts';

const COMPLETE = path.resolve('../shared/corpus/complete');
const present = fs.existsSync(COMPLETE);
const files = present ? fs.readdirSync(COMPLETE).filter((f) => !f.endsWith('.json')).sort() : [];

interface Extracted {
  file: string;
  encoding?: string;
  text?: string;
  lineLocators?: (string | null)[];
  error?: string;
}
interface Parsed {
  file: string;
  facts?: Record<string, number | null>;
  error?: string;
}

const cli = (args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/parse-cli.ts', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 })
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe.skipIf(!present)('the complete real reports through the parse CLI and build:db', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-doors-'));
  const out = path.join(dir, 'out', 'gongkai.sqlite');
  let extracted: Map<string, Extracted>;
  let parsed: Map<string, Parsed>;
  let summary: string;
  let db: Database;

  beforeAll(async () => {
    const paths = files.map((f) => path.join(COMPLETE, f));
    extracted = new Map(cli(['--extract', ...paths]).map((l: Extracted) => [path.basename(l.file), l]));
    parsed = new Map(cli(paths).map((l: Parsed) => [path.basename(l.file), l]));
    // the build reads a data folder: copies outside the project, with an empty manifest
    fs.mkdirSync(path.join(dir, 'data', 'reports'), { recursive: true });
    for (const f of files) fs.copyFileSync(path.join(COMPLETE, f), path.join(dir, 'data', 'reports', f));
    fs.writeFileSync(path.join(dir, 'data', 'manifest.csv'), 'file,organ,province,city,county,level,year,source_url,published\n');
    summary = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-db.ts', '--data', path.join(dir, 'data'), '--out', out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    db = await openBuiltDatabase(out);
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the corpus holds a PDF, a saved page and text files', () => {
    expect(files.map((f) => path.extname(f)).sort()).toEqual(['.html', '.md', '.pdf', '.txt', '.txt']);
  });

  test('the build reads every file as a report, none failed', () => {
    expect(summary).toContain(`报告文件 ${files.length} 份`);
    expect(summary).toContain('失败 0');
    const got = rows(db, 'SELECT f.file, f.outcome, r.report_id FROM source_files f LEFT JOIN reports r USING (file_id) ORDER BY f.file');
    expect(got.map((g) => g.file)).toEqual(files);
    for (const g of got) {
      expect(g.outcome, String(g.file)).not.toBe('failed');
      expect(g.report_id, String(g.file)).not.toBeNull();
    }
  });

  for (const file of files) {
    describe(file, () => {
      test('the CLI extracts text and parses a report, not an error', () => {
        const e = extracted.get(file)!;
        expect(e.error).toBeUndefined();
        expect(e.text!.length).toBeGreaterThan(1000);
        expect(parsed.get(file)!.error).toBeUndefined();
        expect(Object.keys(parsed.get(file)!.facts!).length).toBeGreaterThan(50);
      });

      test('every line the database keeps is the CLI\'s extracted line, with its locator; same encoding', () => {
        const e = extracted.get(file)!;
        const lines = e.text!.split('\n');
        const [f] = rows(db, 'SELECT file_id, encoding FROM source_files WHERE file = ?', [file]);
        expect(f.encoding).toBe(e.encoding);
        const kept = rows(db, 'SELECT l.line, l.text, l.locator FROM source_lines l JOIN reports r USING (report_id) WHERE r.file_id = ? ORDER BY l.line', [f.file_id as number]);
        expect(kept.length).toBeGreaterThan(0);
        for (const k of kept) {
          const n = k.line as number;
          expect(k.text, `${file} line ${n}`).toBe(lines[n - 1]);
          expect(k.locator, `${file} line ${n}`).toBe(e.lineLocators![n - 1] ?? null);
        }
      });

      test('the figures agree: the CLI\'s facts are the database\'s columns', () => {
        const facts = parsed.get(file)!.facts!;
        const [r] = rows(db, 'SELECT r.* FROM reports r JOIN source_files f USING (file_id) WHERE f.file = ?', [file]);
        const stated = FACT_KEYS.filter((k) => k.key in facts);
        expect(stated.length).toBeGreaterThan(50);
        for (const k of stated) expect(r[k.column], `${file} ${k.key}`).toEqual(facts[k.key]);
      });
    });
  }
});
