/**
 * The one row shape every chart draws from and downloads: who, where, when,
 * which figure, and its value. Aggregates name the selection as their organ.
 */
export interface FactRow {
  organ: string;
  province: string;
  city: string;
  county: string;
  year: number | null;
  template: string;
  key: string;
  label: string;
  unit: string;
  value: number | string | null;
  /** reports behind the value (1 for one report's figure) */
  reports: number;
  /** the series (of the chart's series definitions) the row belongs to */
  series?: string;
  /** the report a one-report row comes from */
  reportId?: number;
  /** a caveat shown beside the value (e.g. the unit was converted) */
  note?: string;
}
