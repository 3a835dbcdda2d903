/**
 * Which template a report follows, decided only from the labels its tables
 * print (never from the year or from a cited notice number).
 */
import type { Template } from './factKeys';

/** label as the template prints it → compact prefixes that identify it (truncated labels such as 本年发件 included) */
const LABELS_2019: Record<string, string[]> = {
  本年新制作数量: ['本年新制作'],
  本年新公开数量: ['本年新公开'],
  对外公开总数量: ['对外公开总数'],
  上一年项目数量: ['上一年项目数'],
  '本年增/减': ['本年增/减', '本年增减'],
  其他对外管理服务事项: ['其他对外管理服务'],
  政府集中采购: ['政府集中采购'],
  采购项目数量: ['采购项目数量'],
  采购总金额: ['采购总金额'],
};

const LABELS_2021: Record<string, string[]> = {
  本年制发件数: ['本年制发件', '本年发件'],
  本年废止件数: ['本年废止件'],
  现行有效件数: ['现行有效件'],
  本年处理决定数量: ['本年处理决定数'],
  本年收费金额: ['本年收费金额'],
  申请人无正当理由逾期不补正: ['逾期不补正'],
  申请人逾期未按收费通知要求缴纳费用: ['逾期未按收费通知'],
};

export interface TemplateDecision {
  template: Template | null;
  labels: string[];
  mixed: boolean;
}

function found(text: string, table: Record<string, string[]>): string[] {
  const out: string[] = [];
  for (const [label, prefixes] of Object.entries(table)) if (prefixes.some((p) => text.includes(p))) out.push(label);
  return out;
}

/** Labels that head a row of one template only: a report's rows say more than a header a converter may have misplaced. */
const ROW_LABELS = new Set(['其他对外管理服务事项', '政府集中采购', '申请人无正当理由逾期不补正', '申请人逾期未按收费通知要求缴纳费用']);

/**
 * `c`: the text of sections 二–四 (or what stands for them) in compact form
 * (see normalise.compact). 本年新 | 本年新 (024) counts as 2019. When labels of
 * both templates are printed, the rows decide (a header can be misplaced, a
 * row of one template's own cannot), then the headers; a tie is no decision.
 */
export function detectTemplate(c: string): TemplateDecision {
  const l19 = found(c, LABELS_2019);
  const l21 = found(c, LABELS_2021);
  if (!l19.includes('本年新制作数量') && /本年新[|\u0001]*本年新/.test(c)) l19.push('本年新制作数量');
  const labels = [...l19, ...l21];
  if (!l19.length && !l21.length) return { template: null, labels, mixed: false };
  if (!l21.length) return { template: '2019', labels, mixed: false };
  if (!l19.length) return { template: '2021', labels, mixed: false };
  const rows = (l: string[]) => l.filter((x) => ROW_LABELS.has(x)).length;
  const heads = (l: string[]) => l.filter((x) => !ROW_LABELS.has(x)).length;
  const byRows = rows(l19) - rows(l21);
  const byHeads = heads(l19) - heads(l21);
  const lead = byRows !== 0 ? byRows : byHeads;
  return { template: lead > 0 ? '2019' : lead < 0 ? '2021' : null, labels, mixed: true };
}
