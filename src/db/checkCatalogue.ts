/**
 * The checks as a build writes them: the rows of the database's `checks` table
 * (each definition of src/checks without its rule; the site reads titles and
 * severities from there) and the order of reports.checks. Build side only. The
 * ids are stable: the database, the site and the tests all use them.
 */
import { CATALOGUE } from '../checks/catalogue';
import { CHECK_GROUPS, type CheckGroup } from '../checks/defineCheck';
import { checkPosition, codeOrderOf } from './checkCodes';

export interface CheckInfo {
  id: string;
  group: CheckGroup;
  groupLabel: string;
  title: string;
  /** the usual severity; C01 and C02 vary by case (the finding carries its own) */
  severity: 'error' | 'warning' | 'info';
  /** whether the check needs other reports (cross-year and collection checks both do) */
  scope: 'report' | 'collection';
}

/** In the order of reports.checks. */
export const CHECKS: readonly CheckInfo[] = [...CATALOGUE]
  .sort((a, b) => checkPosition(a.id) - checkPosition(b.id))
  .map((c) => ({
    id: c.id,
    group: c.group,
    groupLabel: CHECK_GROUPS[c.group],
    title: c.title,
    severity: c.severity,
    scope: c.scope === 'report' ? 'report' : 'collection',
  }));

/** The check at each position of reports.checks as a build writes it. */
export const CODE_ORDER: readonly (string | null)[] = codeOrderOf(CHECKS.map((c) => c.id));
