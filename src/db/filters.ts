/**
 * The dashboard's filters and their SQL. Queries alias reports as r and organs as o.
 */
import { legacyId } from './keys';

export interface Filters {
  province: string;
  city: string;
  county: string;
  level: string;
  /** an organ key (organs.organ_key), or `#<organ_id>` from a link made before keys */
  organ: string | null;
  from: number | null;
  to: number | null;
  template: '' | '2019' | '2021';
}

export const NO_FILTERS: Filters = {
  province: '',
  city: '',
  county: '',
  level: '',
  organ: null,
  from: null,
  to: null,
  template: '',
};

export interface Where {
  sql: string;
  params: (string | number)[];
}

export function whereFilters(f: Filters, omit: (keyof Filters)[] = []): Where {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  const use = (k: keyof Filters) => !omit.includes(k);
  if (use('province') && f.province) (parts.push('o.province = ?'), params.push(f.province));
  if (use('city') && f.city) (parts.push('o.city = ?'), params.push(f.city));
  if (use('county') && f.county) (parts.push('o.county = ?'), params.push(f.county));
  if (use('level') && f.level) (parts.push('o.level = ?'), params.push(f.level));
  if (use('organ') && f.organ != null) {
    const id = legacyId(f.organ);
    if (id !== null) (parts.push('r.organ_id = ?'), params.push(id));
    else (parts.push('r.organ_id = (SELECT organ_id FROM organs WHERE organ_key = ?)'), params.push(f.organ));
  }
  if (use('from') && f.from != null) (parts.push('r.year >= ?'), params.push(f.from));
  if (use('to') && f.to != null) (parts.push('r.year <= ?'), params.push(f.to));
  if (use('template') && f.template) (parts.push('r.template = ?'), params.push(f.template));
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}
