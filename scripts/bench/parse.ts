/**
 * Parse throughput over a corpus on disk, one core (this process), files read one
 * at a time. Three passes over the same files, page cache warm for all:
 *   floor  — read the file, decode UTF-8, count its lines;
 *   parse  — read, decodeReport, parseReport;
 *   file   — processFile, what build-db does per file (sha256, parse, single-report checks, region).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseReport } from '../../src/parse/index';
import { decodeText as decodeReport } from '../../src/extract/decode';
import { processFile } from '../lib/pipeline';
import { loadRegionResolver } from '../lib/regions';

export interface ParseResult {
  files: number;
  floorRate: number;
  parseRate: number;
  fileRate: number;
  lines: number;
}

const secs = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

export async function parseBench(reportsDir: string, limit: number): Promise<ParseResult> {
  const files = fs.readdirSync(reportsDir).filter((f) => f.endsWith('.txt')).sort().slice(0, limit).map((f) => path.join(reportsDir, f));
  const dec = new TextDecoder('utf-8');
  // warm-up: JIT and page cache
  for (const f of files.slice(0, 300)) {
    const d = decodeReport(fs.readFileSync(f));
    if ('text' in d) parseReport(d.text, { file: f });
  }
  let lines = 0;
  let t0 = process.hrtime.bigint();
  for (const f of files) {
    const t = dec.decode(fs.readFileSync(f));
    let n = 1;
    for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) n++;
    lines += n;
  }
  const floorS = secs(t0);
  let cells = 0;
  t0 = process.hrtime.bigint();
  for (const f of files) {
    const d = decodeReport(fs.readFileSync(f));
    if ('text' in d) cells += Object.keys(parseReport(d.text, { file: f }).cells).length;
  }
  const parseS = secs(t0);
  const resolveRegion = loadRegionResolver();
  const fileN = Math.min(files.length, 5000);
  t0 = process.hrtime.bigint();
  for (const f of files.slice(0, fileN)) await processFile(f, path.basename(f), { resolveRegion });
  const fileS = secs(t0);
  if (cells === 0) throw new Error('parse produced no cells');
  return { files: files.length, floorRate: files.length / floorS, parseRate: files.length / parseS, fileRate: fileN / fileS, lines };
}

export interface CliResult {
  files: number;
  seconds: number;
  rate: number;
  lines: number;
  /** where the CLI's time went, as it reports it (GONGKAI_CLI_PHASES): the files on its workers, then on one thread the collection checks and lines, the output */
  phases?: { workers: number; files: number; collection: number; output: number };
}

/**
 * The parse CLI end to end (`node --import tsx scripts/parse-cli.ts FILE...`, its
 * file workers on every core), over the same files as the bare parse: wall clock
 * from spawn to exit, output counted, not kept.
 */
export function cliBench(root: string, reportsDir: string, limit: number): Promise<CliResult> {
  const files = fs.readdirSync(reportsDir).filter((f) => f.endsWith('.txt')).sort().slice(0, limit);
  const t0 = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/parse-cli.ts'), ...files.map((f) => path.join(reportsDir, f))], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GONGKAI_CLI_PHASES: '1' } });
    let lines = 0;
    let err = '';
    let phases: CliResult['phases'];
    child.stdout.on('data', (d: Buffer) => {
      for (let i = d.indexOf(10); i >= 0; i = d.indexOf(10, i + 1)) lines++;
    });
    child.stderr.on('data', (d: Buffer) => {
      err = (err + d.toString()).slice(-2000);
      const m = /parse-phases (\{.*\})/.exec(err);
      if (m) phases = JSON.parse(m[1]) as CliResult['phases'];
    });
    child.on('close', (code) => {
      const seconds = secs(t0);
      if (code !== 0 || lines !== files.length) reject(new Error(`parse CLI exit ${code}, ${lines} of ${files.length} lines: ${err.trim().split('\n').slice(-2).join(' / ')}`));
      else resolve({ files: files.length, seconds, rate: files.length / seconds, lines, phases });
    });
  });
}
