/**
 * The complete real reports of ../shared/corpus/complete — a published PDF, a
 * saved page, two flattened crawler texts and a PDF→markdown text — through
 * the two doors users use: the parse CLI and `build:db`. Each is scored against
 * its hand-checked truth: no figure wrong, every stated figure read — except
 * where the flattened text leaves more than one reading and no identity of
 * the template decides (table 二's 行政规范性文件 row of three cells run
 * together: '693665', '77132470'), which must be null, never a guess.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { openBuiltDatabase } from '../../scripts/lib/openBuilt';
import { rows, tmpDir } from '../build/helpers';

const root = path.resolve(__dirname, '../..');
const complete = path.resolve(root, '../shared/corpus/complete');
const have = fs.existsSync(complete);

interface Truth {
  organ: string;
  year: number;
  template: string;
  facts: Record<string, number>;
  absent?: string[];
}

const files = have ? fs.readdirSync(complete).filter((f) => !f.endsWith('.json')).sort() : [];
const stem = (f: string) => f.replace(/\.[^.]+$/, '');
const truthOf = (f: string): Truth => JSON.parse(fs.readFileSync(path.join(complete, `${stem(f)}.json`), 'utf8'));

/** The figures no reading can decide: three cells of table 二 run together with no identity between them. */
const UNDECIDABLE: Record<string, string[]> = {
  'pingtan-2021': ['s2.normative.issued', 's2.normative.repealed', 's2.normative.in_force'],
  'pingtan-2023': ['s2.normative.issued', 's2.normative.repealed', 's2.normative.in_force'],
};

function scoreFacts(name: string, facts: Record<string, number | null | undefined>, truth: Truth) {
  const wrong: string[] = [];
  const missed: string[] = [];
  for (const [k, v] of Object.entries(truth.facts)) {
    const got = facts[k];
    if (typeof got === 'number' && Math.abs(got - v) < 1e-6) continue;
    if (typeof got === 'number') wrong.push(`${name} ${k}=${got} want ${v}`);
    else missed.push(k);
  }
  for (const k of truth.absent ?? []) if (facts[k] !== null && facts[k] !== undefined) wrong.push(`${name} ${k}=${facts[k]} want null`);
  return { wrong, missed, stated: Object.keys(truth.facts).length };
}

describe.skipIf(!have)('complete real reports through the parse CLI', () => {
  let out: Map<string, Record<string, unknown>>;
  beforeAll(() => {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/parse-cli.ts', ...files.map((f) => path.join(complete, f))], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
    out = new Map(stdout.split('\n').filter(Boolean).map((l) => {
      const o = JSON.parse(l) as Record<string, unknown>;
      return [stem(path.basename(String(o.file))), o];
    }));
  }, 120_000); // five files through the CLI: ~3 s alone, far longer while other builds share the 2 cores

  it('reads every format (PDF, saved page, flattened text, PDF→markdown) without an error', () => {
    expect([...out.keys()].sort()).toEqual(files.map(stem));
    for (const [name, o] of out) expect(o.error, name).toBeUndefined();
    expect(new Set(files.map((f) => path.extname(f)))).toEqual(new Set(['.pdf', '.html', '.txt', '.md']));
  });

  for (const f of files) {
    it(`${f}: no figure wrong, every decidable figure read; organ, year and template right`, () => {
      const o = out.get(stem(f))!;
      const truth = truthOf(f);
      const s = scoreFacts(stem(f), o.facts as Record<string, number | null>, truth);
      expect(s.wrong).toEqual([]);
      expect(s.missed).toEqual(UNDECIDABLE[stem(f)] ?? []);
      for (const k of UNDECIDABLE[stem(f)] ?? []) expect((o.facts as Record<string, unknown>)[k]).toBeNull();
      expect(String(o.organ)).toContain(truth.organ.replace(/人民政府$/, ''));
      expect(o.year).toBe(truth.year);
      expect(o.template).toBe(truth.template);
    });
  }

  it('the real figures: 洪泽区 9,487 licences and 2,428 items disclosed; 平潭 fees 24,252.311082 万元; 科委 34 new applications; 测试市 11,398,889 licences', () => {
    const fact = (n: string, k: string) => (out.get(n)!.facts as Record<string, number | null>)[k];
    expect(fact('hongze-2024', 's2.licensing.decisions')).toBe(9487);
    expect(fact('hongze-2024', 's1.proactive_total')).toBe(2428);
    expect(fact('pingtan-2021', 's2.fees.amount')).toBe(24252.311082);
    expect(fact('pingtan-2021', 's4.direct.total')).toBe(12);
    expect(fact('pingtan-2023', 's3.unable.not_held.natural')).toBe(31);
    expect(fact('kewei-2024', 's3.new.total')).toBe(34);
    expect(fact('kewei-2024', 's3.other.no_correction.total')).toBe(10);
    expect(fact('testcity-2025', 's2.licensing.decisions')).toBe(11398889);
  });
});

describe.skipIf(!have)('complete real reports through build:db', () => {
  let dir: string;
  let db: Database;
  let summary: string;
  beforeAll(async () => {
    dir = tmpDir('complete');
    fs.mkdirSync(path.join(dir, 'reports'));
    for (const f of files) fs.copyFileSync(path.join(complete, f), path.join(dir, 'reports', f));
    fs.writeFileSync(path.join(dir, 'manifest.csv'), 'file,organ,province,city,county,level,year,source_url,published\n');
    const outFile = path.join(dir, 'out', 'gongkai.sqlite');
    summary = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-db.ts', '--data', dir, '--out', outFile], { cwd: root, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '0' } });
    db = await openBuiltDatabase(outFile);
  }, 180_000);
  afterAll(() => {
    db?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('every file becomes a report; none failed', () => {
    const got = rows(db, 'SELECT file, outcome FROM source_files ORDER BY file');
    expect(got.map((r) => r.file)).toEqual(files);
    expect(got.filter((r) => r.outcome === 'failed')).toEqual([]);
    expect(summary).toMatch(/失败 0/);
  });

  it('the detail files keep how each figure was read: printed, split from a run, placed by the template order', () => {
    const got = rows(
      db,
      `SELECT s.file, p.read, COUNT(*) AS n FROM cell_provenance p JOIN reports r USING (report_id) JOIN source_files s ON s.file_id = r.file_id
       WHERE p.state = 'number' GROUP BY s.file, p.read ORDER BY s.file, p.read`,
    );
    const by = (file: string) => Object.fromEntries(got.filter((r) => r.file === file).map((r) => [r.read, r.n]));
    // a published PDF and a saved page print every figure in a cell of its own
    expect(by('hongze-2024.pdf')).toEqual({ printed: 180 });
    expect(by('testcity-2025.html')).toEqual({ printed: 200 });
    // flattened page text: the table cells run together, split by the sums
    expect(by('pingtan-2021.txt')).toEqual({ printed: 6, split: 192 });
    // PDF→markdown with row labels detached from their numbers
    expect(by('kewei-2024.md')).toEqual({ printed: 129, ordered: 70 });
    // blanks, dashes and text have no reading
    expect(rows(db, "SELECT COUNT(*) AS n FROM cell_sources WHERE state <> 'number' AND read IS NOT NULL")[0].n).toBe(0);
  });

  for (const f of files) {
    it(`${f}: the database holds the same figures as the truth, none wrong`, () => {
      const truth = truthOf(f);
      const cols = rows(db, 'SELECT key, column_name AS col FROM fact_keys');
      const r = rows(db, `SELECT r.* FROM reports r JOIN source_files s ON s.file_id = r.file_id WHERE s.file = ?`, [f])[0];
      expect(r, f).toBeDefined();
      const facts: Record<string, number | null> = {};
      for (const c of cols) facts[String(c.key)] = r[String(c.col)] as number | null;
      const s = scoreFacts(stem(f), facts, truth);
      expect(s.wrong).toEqual([]);
      expect(s.missed).toEqual(UNDECIDABLE[stem(f)] ?? []);
    });
  }
});

/**
 * The same reports flattened further — every space and tab gone, and once
 * more with every line break gone too (what a crawler makes of a page) — go
 * through the CLI: whatever share is read, no figure may be wrong.
 */
const corpus = path.resolve(root, '../shared/corpus');
describe.skipIf(!have)('real reports flattened further: never a wrong figure', () => {
  for (const mode of ['no spaces', 'one line'] as const) {
    it(`${mode}: seeds and the complete texts`, () => {
      const dir = tmpDir('flat');
      const sources = [
        ...fs.readdirSync(path.join(corpus, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => path.join(corpus, 'seeds', f)),
        ...files.filter((f) => /\.(txt|md)$/.test(f)).map((f) => path.join(complete, f)),
      ];
      const truths = new Map<string, Truth>();
      for (const src of sources) {
        let text = fs.readFileSync(src, 'utf8').replace(/[ \t\u3000|]+/g, '');
        if (mode === 'one line') text = text.replace(/\n+/g, '');
        const name = `${stem(path.basename(src))}.txt`;
        fs.writeFileSync(path.join(dir, name), text);
        truths.set(stem(name), JSON.parse(fs.readFileSync(src.replace(/\.(txt|md)$/, '.json'), 'utf8')));
      }
      const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/parse-cli.ts', ...[...truths.keys()].map((n) => path.join(dir, `${n}.txt`))], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
      let stated = 0;
      let read = 0;
      const wrong: string[] = [];
      for (const line of stdout.split('\n').filter(Boolean)) {
        const o = JSON.parse(line) as { file: string; facts?: Record<string, number | null> };
        const name = stem(path.basename(o.file));
        const s = scoreFacts(name, o.facts ?? {}, { ...truths.get(name)!, facts: truths.get(name)!.facts ?? {} });
        wrong.push(...s.wrong);
        stated += s.stated;
        read += s.stated - s.missed.length - s.wrong.length;
      }
      fs.rmSync(dir, { recursive: true, force: true });
      console.log(`flattened (${mode}): ${read} of ${stated} figures read (${((100 * read) / stated).toFixed(1)}%), ${wrong.length} wrong`);
      expect(wrong).toEqual([]);
      expect(stated).toBeGreaterThan(1400);
    });
  }
});
