/** The row labels only one template prints, by which a report shows the template it used (C02, C03). */
import type { ParsedReport } from '../parse/types';

export const LABELS_2019 = ['本年新制作数量', '对外公开总数量', '上一年项目数量', '本年增/减', '其他对外管理服务事项', '政府集中采购'];
export const LABELS_2021 = ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额'];

const normLabel = (s: string) => s.replace(/[\s/／、]/g, '');

/** Those of `wanted` the report prints, in the order of `wanted`. */
export function labelsFound(report: ParsedReport, wanted: readonly string[]): string[] {
  const have = new Set(report.templateLabels.map(normLabel));
  return wanted.filter((w) => have.has(normLabel(w)));
}
