/**
 * A generated corpus on disk for the benchmarks: DIR/reports/NNNNNN.txt and
 * DIR/manifest.csv, written one report at a time (never all texts in memory).
 * A corpus that is already complete (DIR/.complete names the same recipe) is reused.
 *
 * Figures: real reports are mostly zeros (a township's tables are ~95 % zeros),
 * so each report draws its share of zero cells from a fixed mix — see ZERO_MIX.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateReport } from '../synth/index';
import { sourceUrl } from '../synth';

/** [share of reports, zeroShare]: townships (near-empty), county governments, busy departments */
export const ZERO_MIX: [number, number][] = [
  [0.6, 0.95],
  [0.3, 0.75],
  [0.1, 0.4],
];
export const SEED = 7_000_000;
export const ZERO_MIX_TEXT = ZERO_MIX.map(([w, z]) => `${Math.round(w * 100)} % of reports with ${Math.round(z * 100)} % zero cells`).join(', ');
const meanZero = ZERO_MIX.reduce((s, [w, z]) => s + w * z, 0);
export const ZERO_MIX_MEAN = meanZero;

function zeroShareFor(i: number): number {
  // deterministic, evenly spread: i mod 10 picks the class
  const u = ((i * 7919) % 1000) / 1000;
  let acc = 0;
  for (const [w, z] of ZERO_MIX) {
    acc += w;
    if (u < acc) return z;
  }
  return ZERO_MIX[ZERO_MIX.length - 1][1];
}

function csvField(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export interface Corpus {
  dir: string;
  reportsDir: string;
  manifest: string;
  count: number;
  bytes: number;
  /** seconds spent generating, or null when reused */
  generatedS: number | null;
}

export function ensureCorpus(root: string, count: number, log: (s: string) => void): Corpus {
  const dir = path.join(root, `corpus-${count}`);
  const reportsDir = path.join(dir, 'reports');
  const manifest = path.join(dir, 'manifest.csv');
  const recipe = JSON.stringify({ count, seed: SEED, mix: ZERO_MIX, v: 1 });
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker)) {
    const m = JSON.parse(fs.readFileSync(marker, 'utf8')) as { recipe: string; bytes: number };
    if (m.recipe === recipe) {
      log(`corpus ${count}: reusing ${dir}`);
      return { dir, reportsDir, manifest, count, bytes: m.bytes, generatedS: null };
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(reportsDir, { recursive: true });
  const fd = fs.openSync(manifest, 'w');
  fs.writeSync(fd, 'file,organ,province,city,county,level,year,source_url,published\n');
  const width = Math.max(6, String(count).length);
  const t0 = performance.now();
  let bytes = 0;
  let buf = '';
  for (let i = 0; i < count; i++) {
    const seed = SEED + i;
    const r = generateReport(seed, { zeroShare: zeroShareFor(i) });
    const file = `${String(i + 1).padStart(width, '0')}.txt`;
    fs.writeFileSync(path.join(reportsDir, file), r.text);
    bytes += Buffer.byteLength(r.text);
    buf += `${[file, r.organ, r.province, r.city, r.county, r.level, r.year, sourceUrl(r, seed), r.published].map(csvField).join(',')}\n`;
    if (buf.length > 1 << 16) {
      fs.writeSync(fd, buf);
      buf = '';
    }
    if ((i + 1) % 20000 === 0) log(`  generated ${i + 1}/${count}`);
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
  const generatedS = (performance.now() - t0) / 1000;
  fs.writeFileSync(marker, JSON.stringify({ recipe, bytes }));
  log(`corpus ${count}: generated in ${generatedS.toFixed(1)} s (${(bytes / count).toFixed(0)} bytes/report)`);
  return { dir, reportsDir, manifest, count, bytes, generatedS };
}
