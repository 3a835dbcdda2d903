/**
 * Property: the parser reads back every fact of a generated report, in every
 * layout and both templates — the number for a printed cell, null for a blank
 * or dash cell — plus the template and the year.
 *
 * 6 layouts × 2 templates × 90 seeds = 1,080 fixed reports, then 300 more from
 * fast-check over any seed. A failure names the seed: replay it with
 * generateReport(seed, { layout, template }) from scripts/synth.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse/index';
import type { FactKey, ParsedReport } from '../../src/parse/types';
import { generateReport, LAYOUTS, type LayoutName, type SynthReport } from '../../scripts/synth/index';

const PER_CELL = 90;
const TEMPLATES = ['2019', '2021'] as const;

function same(want: number | null, got: number | null | undefined): boolean {
  if (want === null) return got === null || got === undefined;
  if (typeof got !== 'number') return false;
  return Number.isInteger(want) ? got === want : Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
}

/** what the parser got wrong in one report, as `key: want … got …` lines */
function mismatches(r: SynthReport, p: ParsedReport): string[] {
  const out: string[] = [];
  if (p.template !== r.template) out.push(`template: want ${r.template} got ${p.template}`);
  if (p.year !== r.year) out.push(`year: want ${r.year} got ${p.year}`);
  for (const [key, want] of Object.entries(r.facts)) {
    const got = p.cells[key as FactKey]?.value;
    if (!same(want, got)) out.push(`${key}: want ${want} got ${got === undefined ? 'no cell' : got}`);
  }
  return out;
}

function check(seed: number, layout: LayoutName, template: '2019' | '2021'): string[] {
  const r = generateReport(seed, { layout, template });
  const file = `synth-${seed}.txt`;
  let p: ParsedReport;
  try {
    p = parseReport(r.text, { file });
  } catch (e) {
    return [`threw ${(e as Error).message}`];
  }
  return mismatches(r, p);
}

/** the failures of a batch, summarised so a red test says where to look */
function summary(failures: { seed: number; problems: string[] }[], total: number): string {
  const byKey = new Map<string, number>();
  for (const f of failures) for (const p of f.problems) byKey.set(p.split(':')[0], (byKey.get(p.split(':')[0]) ?? 0) + 1);
  const keys = [...byKey].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, n]) => `${k}×${n}`);
  const first = failures.slice(0, 3).map((f) => `seed ${f.seed}: ${f.problems.slice(0, 4).join('; ')}`);
  return `${failures.length} of ${total} reports wrong; keys: ${keys.join(', ')}\n${first.join('\n')}`;
}

describe('parseReport reads back every fact of generated reports', () => {
  for (const layout of LAYOUTS) {
    for (const template of TEMPLATES) {
      it(`${layout}, ${template} template, ${PER_CELL} reports`, () => {
        const failures: { seed: number; problems: string[] }[] = [];
        const base = 1_000_000 + LAYOUTS.indexOf(layout) * 10_000 + (template === '2021' ? 5_000 : 0);
        for (let i = 0; i < PER_CELL; i++) {
          const seed = base + i;
          const problems = check(seed, layout, template);
          if (problems.length) failures.push({ seed, problems });
        }
        expect(failures.length, summary(failures, PER_CELL)).toBe(0);
      });
    }
  }

  it('any seed, any layout, either template (fast-check, 300 runs)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(...LAYOUTS), fc.constantFrom(...TEMPLATES), (seed, layout, template) => {
        const problems = check(seed, layout, template);
        expect(problems.slice(0, 8), `generateReport(${seed}, { layout: '${layout}', template: '${template}' })`).toEqual([]);
      }),
      { numRuns: 300, seed: 4242, endOnFailure: true },
    );
  });
});
