/**
 * C28: published on time. Departments of county-level and higher governments
 * publish by 31 January of the following year; the consolidated report of a
 * county-or-higher government by 31 March; townships follow local deadlines.
 */
import type { ManifestRow, ParsedReport } from '../parse/types';
import { type CheckFinding, finding } from './finding';

export type OrganLevelKind = 'department' | 'government' | 'township';

export interface LevelReading {
  kind: OrganLevelKind;
  /** how it was known: the manifest's level, or inferred from the organ's name */
  from: 'level' | 'name';
  text: string;
}

/** 县级部门 / 市级政府 / 乡镇 … as written in a manifest, or inferred from the organ's name. */
export function readLevel(level: string | null | undefined, organ: string | null | undefined): LevelReading | null {
  const l = (level ?? '').trim();
  if (l) {
    if (/乡|镇|街道|苏木/.test(l)) return { kind: 'township', from: 'level', text: l };
    if (/部门|局|委|办|厅|单位/.test(l)) return { kind: 'department', from: 'level', text: l };
    if (/政府/.test(l)) return { kind: 'government', from: 'level', text: l };
  }
  const o = (organ ?? '').replace(/[（(][^）)]*[）)]/g, '').trim();
  if (!o) return null;
  if (/(乡|镇|街道|街道办事处|苏木)(人民政府)?$/.test(o)) return { kind: 'township', from: 'name', text: o };
  if (/(省|自治区|市|州|盟|地区|县|区|旗)人民政府$/.test(o)) return { kind: 'government', from: 'name', text: o };
  if (/(局|委员会|委|办公室|厅|中心|院|所|站|队)$/.test(o)) return { kind: 'department', from: 'name', text: o };
  return null;
}

/** YYYY-MM-DD of an ISO date or date-time, or null. */
function isoDay(s: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec((s ?? '').trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

export function checkPublishedOnTime(
  report: ParsedReport,
  ctx: { manifest?: ManifestRow | null; level?: string | null } = {},
): CheckFinding {
  const published = isoDay(ctx.manifest?.published);
  const year = report.year ?? ctx.manifest?.year ?? null;
  if (!published) return finding('C28', 'na', 'warning', '缺发布日期，无法判断是否按时发布');
  if (year === null) return finding('C28', 'na', 'warning', `发布于 ${published}，但报告年度不详`);
  if (year < 2019) {
    // the 2008 regulation (Art. 31): every organ by 31 March
    const deadline = `${year + 1}-03-31`;
    const ok = published <= deadline;
    return finding('C28', ok ? 'pass' : 'fail', 'warning', `发布于 ${published}，原条例时限为 ${deadline}${ok ? '，按时' : '，逾期'}`);
  }
  const lv = readLevel(ctx.level ?? ctx.manifest?.level, report.organSimplified ?? report.organ ?? ctx.manifest?.organ);
  if (!lv) return finding('C28', 'na', 'warning', `发布于 ${published}，机关层级不详，无法确定时限`);
  if (lv.kind === 'township') return finding('C28', 'na', 'warning', `发布于 ${published}；乡镇按地方规定时限`);
  const deadline = lv.kind === 'department' ? `${year + 1}-01-31` : `${year + 1}-03-31`;
  const rule = lv.kind === 'department' ? '县级以上政府部门' : '县级以上人民政府';
  const how = lv.from === 'level' ? `层级“${lv.text}”` : `按机关名称推断`;
  const ok = published <= deadline;
  return finding(
    'C28',
    ok ? 'pass' : 'fail',
    'warning',
    `发布于 ${published}，${rule}（${how}）时限为 ${deadline}${ok ? '，按时' : '，逾期'}`,
  );
}
