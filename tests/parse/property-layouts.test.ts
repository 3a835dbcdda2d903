/**
 * Property: in the generated layouts that lose a table's structure — the
 * crawler's flattened page text, PDF→markdown with detached labels, OCR'd
 * tables (scripts/synth NEW_LAYOUTS) — every figure the parser gives is the
 * report's own. A number where the truth is a different number, null (a blank
 * or dash cell, a total left empty) or no such fact fails, and so does a
 * template or year given wrong. A null is never wrong here, only unread: the
 * share read (figures given right / figures stated) is printed per layout and
 * template, not asserted — `npm run bench:synth-read` measures it over 1,000
 * reports a layout and writes it into BENCHMARKS.md.
 *
 * Counts per layout and template are kept small enough for `npm test`: 60
 * flattened reports a template (the parser spends ~50–200 ms on one), 150
 * detached-label and OCR ones. A failure names the seed: replay it with
 * generateReport(seed, { layout, template }).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse/index';
import { generateReport, NEW_LAYOUTS, type NewLayoutName } from '../../scripts/synth/index';
import { describeWrong, readBack, type ReadBack } from '../../scripts/synth/readBack';

const TEMPLATES = ['2019', '2021'] as const;
const PER_TEMPLATE: Record<NewLayoutName, number> = { flattened: 60, 'detached-labels': 150, 'ocr-tables': 150 };

interface Tally {
  reports: number;
  stated: number;
  read: number;
  wrong: number;
}
const tallies = new Map<string, Tally>();

function check(seed: number, layout: NewLayoutName, template: '2019' | '2021'): ReadBack {
  const r = generateReport(seed, { layout, template });
  const b = readBack(r, parseReport(r.text, { file: `synth-${seed}.txt` }));
  const t = tallies.get(`${layout} ${template}`) ?? { reports: 0, stated: 0, read: 0, wrong: 0 };
  t.reports++;
  t.stated += b.stated;
  t.read += b.read;
  t.wrong += b.wrong.length;
  tallies.set(`${layout} ${template}`, t);
  return b;
}

function problems(b: ReadBack): string[] {
  return [...b.meta, ...b.wrong.map(describeWrong)];
}

/** the failures of a batch, summarised so a red test says where to look */
function summary(failures: { seed: number; problems: string[] }[], total: number, layout: string, template: string): string {
  const byKey = new Map<string, number>();
  for (const f of failures) for (const p of f.problems) byKey.set(p.split(':')[0], (byKey.get(p.split(':')[0]) ?? 0) + 1);
  const keys = [...byKey].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, n]) => `${k}×${n}`);
  const first = failures.slice(0, 3).map((f) => `generateReport(${f.seed}, { layout: '${layout}', template: '${template}' }): ${f.problems.slice(0, 4).join('; ')}`);
  return `${failures.length} of ${total} reports with a figure the text does not give; keys: ${keys.join(', ')}\n${first.join('\n')}`;
}

describe('the parser invents no figure in the flattened, detached-label and OCR layouts', () => {
  for (const layout of NEW_LAYOUTS) {
    for (const template of TEMPLATES) {
      const n = PER_TEMPLATE[layout];
      it(`${layout}, ${template} template, ${n} reports: every figure given is right`, () => {
        const failures: { seed: number; problems: string[] }[] = [];
        const base = 2_000_000 + NEW_LAYOUTS.indexOf(layout) * 10_000 + (template === '2021' ? 5_000 : 0);
        for (let i = 0; i < n; i++) {
          const seed = base + i;
          const p = problems(check(seed, layout, template));
          if (p.length) failures.push({ seed, problems: p });
        }
        expect(failures.length, summary(failures, n, layout, template)).toBe(0);
      });
    }
  }

  it('any seed, the detached-label or OCR layout, either template (fast-check, 100 runs)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom<NewLayoutName>('detached-labels', 'ocr-tables'), fc.constantFrom(...TEMPLATES), (seed, layout, template) => {
        const p = problems(check(seed, layout, template));
        expect(p.slice(0, 8), `generateReport(${seed}, { layout: '${layout}', template: '${template}' })`).toEqual([]);
      }),
      { numRuns: 100, seed: 1313, endOnFailure: true },
    );
  });

  afterAll(() => {
    const rows = [...tallies].sort(([a], [b]) => a.localeCompare(b));
    const lines = rows.map(([k, t]) => `  ${k.padEnd(21)} ${String(t.reports).padStart(4)} reports  read ${((100 * t.read) / Math.max(1, t.stated)).toFixed(1).padStart(5)} % (${t.read}/${t.stated})  wrong ${t.wrong}`);
    console.log(`share of figures read (figures given right / figures stated):\n${lines.join('\n')}`);
  });
});
