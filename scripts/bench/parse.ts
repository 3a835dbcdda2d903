/**
 * Parse throughput over a corpus on disk, one core (this process), files read one
 * at a time. Three passes over the same files, page cache warm for all:
 *   floor  — read the file, decode UTF-8, count its lines;
 *   parse  — read, decodeReport, parseReport;
 *   file   — processFile, what build-db does per file (sha256, parse, single-report checks, region).
 */
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
