/**
 * What the 自查 view asks of the loaded database: the earlier reports of the
 * organ of a report checked in the page, matched as the build matches organs
 * (the organ's match key, and a county that does not disagree: organKey.ts), and
 * on request their prose (section 一 and 五, for C22).
 *
 * `selfcheckEarlier` reads only what the page already holds: in a split build,
 * the parts and directories loaded so far (it says `split`), so checking a file
 * never makes the page fetch anything. When the reader asks, `selfcheckEarlierLoad`
 * answers the same after the worker has fetched the directory of the organ's
 * province and the parts of the earlier years; `selfcheckProse` reads the
 * report's detail shard, also fetched only when the reader asks.
 */
import { FACT_KEYS } from '../parse/factKeys';
import { MATCH_WORDS, matchMethod, simplifyOrganChars, type OrganIdentity } from '../checks/organKey';
import { REPORT_KEY_SQL } from './keys';
import { nums, strs, type Table } from './table';
import type { Queryable } from './queries';

export interface EarlierArgs {
  identity: OrganIdentity;
  /** the checked report's year: reports before it are returned */
  year: number;
  /** the organ's province, when known: in a split build, the directory `selfcheckEarlierLoad` fetches (else every one) */
  province?: string | null;
}

export interface EarlierAnswer {
  /** the organ's reports before `year`, latest first: report_id, report_key, organ_name, organ, name_simplified, year, template, province, city, county, division_code and every fact column */
  reports: Table;
  /** how each row was matched (按机关名称+区划代码匹配 …) */
  how: string[];
  /** the build is split: only the parts loaded so far were searched */
  split: boolean;
}

const FACTS = FACT_KEYS.map((f) => `r.${f.column}`).join(', ');

export function selfcheckEarlier(db: Queryable, a: EarlierArgs): EarlierAnswer {
  const split = (nums(db.all('SELECT COUNT(*) AS n FROM parts'), 'n')[0] ?? 0) > 0;
  const t = db.all(
    `SELECT r.report_id, ${REPORT_KEY_SQL} AS report_key, r.organ_name, o.name AS organ, o.name_simplified, r.year, r.template,
            o.province, o.city, o.county, o.division_code, ${FACTS}
     FROM reports r JOIN organs o ON o.organ_id = r.organ_id JOIN source_files s ON s.file_id = r.file_id
     WHERE o.match_key = ? AND r.year < ? ORDER BY r.year DESC, r.report_id`,
    [a.identity.key, a.year],
  );
  const codes = strs(t, 'division_code');
  const counties = strs(t, 'county');
  const keep: number[] = [];
  const how: string[] = [];
  for (let i = 0; i < t.length; i++) {
    const other: OrganIdentity = {
      key: a.identity.key,
      county6: /^\d{6}/.test(codes[i]) ? codes[i].slice(0, 6) : null,
      countyName: counties[i] ? simplifyOrganChars(counties[i]) : null,
    };
    const m = matchMethod(a.identity, other);
    if (!m) continue;
    keep.push(i);
    how.push(MATCH_WORDS[m]);
  }
  const columns: Table['columns'] = {};
  for (const [k, col] of Object.entries(t.columns)) columns[k] = keep.map((i) => col[i]);
  return { reports: { length: keep.length, columns }, how, split };
}

/** Sections 一 and 五 of a report as the build stored them (its detail shard). */
export function selfcheckProse(db: Queryable, a: { id: number }): Table {
  return db.all('SELECT section, text FROM report_sections WHERE report_id = ? AND section IN (1, 5) ORDER BY section', [a.id]);
}
