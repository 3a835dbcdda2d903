/**
 * npm run --silent parse -- FILE...
 * One JSON line per file: {file, organ, year, template, region, facts, findings, error?}.
 * A file that cannot be read gives {file, error} and the others still come out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseReport } from '../src/parse/index';
import { factValues, type RegionResolver } from '../src/parse/types';
import { decodeReport } from './lib/decode';

async function loadResolver(): Promise<RegionResolver | undefined> {
  const file = path.join(path.dirname(new URL(import.meta.url).pathname), 'lib', 'regions.ts');
  if (!fs.existsSync(file)) return undefined;
  try {
    const mod = (await import(pathToFileURL(file).href)) as { loadRegionResolver?: () => RegionResolver };
    return mod.loadRegionResolver?.();
  } catch (e) {
    process.stderr.write(`parse: region resolver not loaded: ${(e as Error).message}\n`);
    return undefined;
  }
}

const files = process.argv.slice(2).filter((a) => a !== '--');
if (!files.length) {
  process.stderr.write('usage: npm run --silent parse -- FILE...\n');
  process.exit(2);
}
const resolveRegion = await loadResolver();
const out: string[] = [];
for (const file of files) {
  let line: object;
  try {
    const decoded = decodeReport(new Uint8Array(fs.readFileSync(file)));
    if ('error' in decoded) line = { file, error: decoded.error };
    else {
      const r = parseReport(decoded.text, { file, resolveRegion });
      line = {
        file,
        organ: r.organ,
        year: r.year,
        template: r.template,
        region: { province: r.region.region.province, city: r.region.region.city, county: r.region.region.county, code: r.region.region.code },
        facts: factValues(r),
        findings: [],
      };
    }
  } catch (e) {
    line = { file, error: (e as Error).message || String(e) };
  }
  out.push(JSON.stringify(line));
  if (out.length >= 200) {
    process.stdout.write(out.join('\n') + '\n');
    out.length = 0;
  }
}
if (out.length) process.stdout.write(out.join('\n') + '\n');
