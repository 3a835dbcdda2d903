/**
 * An earlier report of the database as the cross-year checks read it: a
 * ParsedReport with the stored figures as its cells (a figure the database
 * holds as NULL is a cell without a value), its template, year, organ and
 * region, and sections 一 and 五 when they were loaded.
 */
import type { Counterpart, Earlier } from '../../checks/index';
import { FACT_KEYS } from '../../parse/factKeys';
import type { FactCells, ParsedReport } from '../../parse/types';
import type { EarlierReport } from './protocol';

export function earlierParsed(e: EarlierReport): ParsedReport {
  const cells: FactCells = {};
  for (const f of FACT_KEYS) {
    if (f.section !== 's1' && (!e.template || !f.templates.includes(e.template))) continue;
    const v = e.facts[f.key] ?? null;
    cells[f.key] = { value: v, state: v === null ? 'blank' : 'number', raw: v === null ? '' : String(v), source: null };
  }
  return {
    organ: e.organ,
    organSimplified: e.organSimplified,
    organSource: 'title',
    year: e.year,
    template: e.template,
    templateLabels: [],
    period: null,
    region: { region: e.region, method: 'none', candidates: [] },
    cells,
    sections: [],
    prose: { s1: e.prose?.s1 ?? null, s5: e.prose?.s5 ?? null, s6: null },
    procurementAmount: null,
    completeness: 'complete',
    notes: [],
    lineCount: 0,
  };
}

/** The report of year − 1 and the latest before `year`, from the organ's earlier reports (latest first). */
export function earlierOf(year: number, reports: readonly EarlierReport[]): Earlier {
  const counterpart = (e: EarlierReport | undefined): Counterpart | null => (e ? { report: earlierParsed(e), how: `${e.how}，数据库中的报告` } : null);
  return {
    yearBefore: counterpart(reports.find((r) => r.year === year - 1)),
    latestEarlier: counterpart(reports.find((r) => r.year < year)),
  };
}
