/**
 * County right for the shared corpus's truth files (real excerpts + seeds). The organ comes from
 * each truth file (the parser is tested on its own); annotations like "X (simplified: …)" are cut.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegionResolver } from '../../scripts/lib/regions';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const dirs = ['real', 'seeds'].map((d) => path.join(CORPUS, d));

interface Truth { organ?: string | null; county?: string | null }

describe.skipIf(!fs.existsSync(CORPUS))('region over the shared corpus', () => {
  it('names the right county for ≥95% of the truth files that have one', () => {
    const resolve = loadRegionResolver();
    let withCounty = 0;
    let right = 0;
    let rightAsWritten = 0;
    let resolveMs = 0;
    let n = 0;
    const misses: string[] = [];
    for (const dir of dirs.filter((d) => fs.existsSync(d))) {
      for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json'))) {
        const truth = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Truth;
        const txt = path.join(dir, f.replace(/\.json$/, '.txt'));
        if (!fs.existsSync(txt)) continue;
        const text = fs.readFileSync(txt, 'utf8');
        const organ = truth.organ ? truth.organ.replace(/\s*[(（].*$/, '').trim() || null : null;
        const t0 = performance.now();
        const r = resolve({ organ, text });
        resolveMs += performance.now() - t0;
        n++;
        if (!truth.county) {
          // no county in the truth: never invent one for a city department
          if (organ && /市.*(局|中心|委员会)$/.test(organ) && !/[县区]/.test(organ)) expect(r.region.county, f).toBeNull();
          continue;
        }
        withCounty++;
        const asWritten = (r.region as { countyAsWritten?: string }).countyAsWritten;
        if (r.region.county === truth.county) right++;
        else misses.push(`${f}: ${r.region.county ?? 'null'}${asWritten ? ` (written ${asWritten})` : ''} want ${truth.county}`);
        if (r.region.county === truth.county || asWritten === truth.county) rightAsWritten++;
      }
    }
    console.log(
      `county right ${right}/${withCounty} (${((100 * right) / withCounty).toFixed(1)}%), ` +
        `counting the name as written ${rightAsWritten}/${withCounty}; mean resolve ${(resolveMs / n).toFixed(3)} ms` +
        (misses.length ? `\n  misses: ${misses.join('; ')}` : ''),
    );
    expect(withCounty).toBeGreaterThan(0);
    expect(right / withCounty).toBeGreaterThanOrEqual(0.95);
    expect(rightAsWritten).toBe(withCounty);
  });
});
