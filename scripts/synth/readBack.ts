/**
 * What the parser read of a generated report, against the report's truth: the
 * figures stated (a number in the truth), the figures read (the parser gave
 * that same number) and the figures invented — a number where the truth has a
 * different number, null (a blank or dash cell, a total left empty) or no such
 * fact. A null from the parser is never wrong, only unread.
 *
 * Shared by the property tests (tests/parse/property*.test.ts) and
 * `npm run bench:synth-read`, so both count the same way.
 */
import type { FactKey, ParsedReport } from '../../src/parse/types';
import type { SynthReport } from './index';

export interface WrongFigure {
  key: string;
  /** the truth: a number, null (printed blank or as a dash, or left empty), or 'no such fact' in this template */
  want: number | null | 'no such fact';
  got: number;
}

export interface ReadBack {
  /** facts the report states as a number */
  stated: number;
  /** of those, given by the parser with the same number */
  read: number;
  wrong: WrongFigure[];
  /** template or year given and different from the truth (null is not wrong) */
  meta: string[];
}

export function sameFigure(want: number, got: number): boolean {
  return Number.isInteger(want) ? got === want : Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
}

export function readBack(r: SynthReport, p: ParsedReport): ReadBack {
  let stated = 0;
  let read = 0;
  const wrong: WrongFigure[] = [];
  for (const [key, want] of Object.entries(r.facts)) {
    const got = p.cells[key as FactKey]?.value;
    if (want !== null) stated++;
    if (typeof got !== 'number') continue;
    if (want === null) wrong.push({ key, want, got });
    else if (sameFigure(want, got)) read++;
    else wrong.push({ key, want, got });
  }
  for (const [key, cell] of Object.entries(p.cells)) {
    if (!(key in r.facts) && typeof cell?.value === 'number') wrong.push({ key, want: 'no such fact', got: cell.value });
  }
  const meta: string[] = [];
  if (p.template !== null && p.template !== r.template) meta.push(`template: want ${r.template} got ${p.template}`);
  if (p.year !== null && p.year !== r.year) meta.push(`year: want ${r.year} got ${p.year}`);
  return { stated, read, wrong, meta };
}

export function describeWrong(w: WrongFigure): string {
  return `${w.key}: want ${w.want} got ${w.got}`;
}
