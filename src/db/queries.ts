import type { Database } from 'sql.js';

export interface ReportRow {
  file: string;
  organ: string | null;
  year: number | null;
}

export function listReports(db: Database): ReportRow[] {
  const res = db.exec('SELECT file, organ, year FROM reports ORDER BY year, organ, file');
  if (!res.length) return [];
  return res[0].values.map(([file, organ, year]) => ({
    file: String(file),
    organ: organ === null ? null : String(organ),
    year: year === null ? null : Number(year),
  }));
}
