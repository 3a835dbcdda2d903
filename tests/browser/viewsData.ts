/**
 * The data set of the views' browser tests: the seeds, 60 generated reports (so
 * the report list has pages), a truncated report with no tables (枫林镇, 仅部分可判断)
 * and a seed whose manifest gives a javascript: source URL. The second variant adds
 * a report in front of them all (every build-order id shifts) and removes 刘楼乡.
 */
import { gzipCore } from '../../scripts/lib/publish';
import fs from 'node:fs';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { buildSiteOf } from './harness';
import { buildDatabase } from '../../scripts/lib/buildDatabase';
import { generateReport } from '../../scripts/synth/index';
import { sourceUrl } from '../../scripts/synth';

const SEEDS = path.resolve('data/reports');
export const LIULOU = '004_0416b198e20bfbfb.txt';
export const HOUTOU = '003_3e29c1783746c98c.txt';
export const TRUNCATED = '900_fenglin_truncated.txt';
export const JS_URL = 'javascript:alert(document.domain)';

/** Seeds + 60 generated + a truncated report; `second` adds one in front and removes 刘楼乡. */
export function writeData(dir: string, second: boolean): void {
  const reports = path.join(dir, 'reports');
  fs.mkdirSync(reports, { recursive: true });
  const manifest = fs.readFileSync(path.resolve('data/manifest.csv'), 'utf8').trimEnd().split('\n');
  for (const f of fs.readdirSync(SEEDS)) fs.copyFileSync(path.join(SEEDS, f), path.join(reports, f));
  // 城郊乡 2020: its source URL as a javascript: link
  const i = manifest.findIndex((l) => l.startsWith('001_'));
  manifest[i] = manifest[i].replace(/,,$/, `,${JS_URL},`);
  // the text stops before table 二: no table check can be judged
  const seed = fs.readFileSync(path.join(SEEDS, LIULOU), 'utf8').split('\n');
  fs.writeFileSync(path.join(reports, TRUNCATED), ['枫林镇2019年政府信息公开工作年度报告', ...seed.slice(0, 15)].join('\n'));
  manifest.push(`${TRUNCATED},枫林镇,浙江省,温州市,永嘉县,乡镇,2019,,`);
  for (let n = 1; n <= 60; n++) {
    const r = generateReport(n);
    const file = `5${String(n).padStart(2, '0')}_synth.txt`;
    fs.writeFileSync(path.join(reports, file), r.text);
    manifest.push([file, r.organ, r.province, r.city, r.county, r.level, r.year, sourceUrl(r, n), r.published].join(','));
  }
  if (second) {
    fs.writeFileSync(path.join(reports, '000_000_added.txt'), fs.readFileSync(path.join(SEEDS, '001_230915953f1370e3.txt'), 'utf8').replaceAll('城郊乡', '新添乡'));
    manifest.push('000_000_added.txt,新添乡人民政府,,,,乡镇,2021,,');
    fs.rmSync(path.join(reports, LIULOU));
    manifest.splice(manifest.findIndex((l) => l.startsWith(LIULOU)), 1);
  }
  fs.writeFileSync(path.join(dir, 'manifest.csv'), manifest.join('\n') + '\n');
}

/**
 * Database and site of one data folder: dir/build (database), dir/dist (site).
 * The build keeps only http(s) source URLs; the core is then given a javascript:
 * one, as a database from elsewhere could hold, to test that the site shows it as text.
 */
export async function buildSite(dir: string): Promise<string> {
  const buildDir = path.join(dir, 'build');
  const dbFile = path.join(buildDir, 'gongkai.sqlite');
  const summary = await buildDatabase({
    reportsDir: path.join(dir, 'reports'),
    manifestPath: path.join(dir, 'manifest.csv'),
    outFile: dbFile,
    builtAt: '2026-10-09',
  });
  if (!summary.manifestProblems.some((p) => p.includes(JS_URL))) throw new Error('the build kept a javascript: source URL');
  const SQL = await initSqlJs();
  const core = new SQL.Database(fs.readFileSync(dbFile));
  core.run("UPDATE reports SET source_url = ? WHERE file_id = (SELECT file_id FROM source_files WHERE file = '001_230915953f1370e3.txt')", [JS_URL]);
  fs.writeFileSync(dbFile, core.export());
  core.close();
  // and its gzipped copy, the file the page loads
  fs.writeFileSync(`${dbFile}.gz`, gzipCore(fs.readFileSync(dbFile)));
  const out = path.join(dir, 'dist');
  await buildSiteOf(buildDir, out);
  return out;
}

