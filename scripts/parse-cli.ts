/**
 * npm run --silent parse -- [--manifest data/manifest.csv] FILE...
 * One JSON line per file: {file, organ, year, template, region, facts, findings, error?}.
 * Text (UTF-8/GB18030), saved web pages, PDF and Word files are read alike. Findings
 * hold every check; the cross-year ones compare the files given together (the same
 * organ in several years). A file that cannot be read gives {file, error} and the
 * others still come out.
 */
import path from 'node:path';
import { mergeFindings, runCollectionChecks } from '../src/checks/index';
import { factValues, type ManifestRow } from '../src/parse/types';
import { loadManifest } from './lib/manifest';
import { FilePool } from './lib/pool';

const args = process.argv.slice(2).filter((a) => a !== '--');
let manifest = new Map<string, ManifestRow>();
const mi = args.indexOf('--manifest');
if (mi >= 0) {
  const m = loadManifest(args[mi + 1]);
  for (const p of m.problems) process.stderr.write(`parse: ${args[mi + 1]} 第 ${p.line} 行：${p.message}\n`);
  manifest = m.rows;
  args.splice(mi, 2);
}
if (!args.length) {
  process.stderr.write('usage: npm run --silent parse -- [--manifest FILE] FILE...\n');
  process.exit(2);
}

// every core parses (the build's file workers), each file within the time budget; output in input order
const pool = new FilePool();
const done = await pool.processAll(args.map((file) => ({ path: file, name: file, manifest: manifest.get(path.basename(file)) ?? manifest.get(file) ?? null })));
await pool.close();

const parsed = done.filter((p) => p.report);
const collection = runCollectionChecks(
  parsed.map((p) => ({ id: p.file, report: p.report!, manifest: p.manifest, regionCode: p.report!.region.region.code })),
);

for (const p of done) {
  const r = p.report;
  const line = r
    ? {
        file: p.file,
        organ: r.organ,
        year: r.year,
        template: r.template,
        region: { province: r.region.region.province, city: r.region.region.city, county: r.region.region.county, code: r.region.region.code },
        facts: factValues(r),
        findings: mergeFindings(p.findings, collection.get(p.file)).map(({ check, status, severity, evidence }) => ({ check, status, severity, evidence })),
      }
    : { file: p.file, error: p.reason ?? 'unreadable' };
  // process.stdout, not a raw write to fd 1: a pipe may take a write only in part
  process.stdout.write(JSON.stringify(line) + '\n');
}
