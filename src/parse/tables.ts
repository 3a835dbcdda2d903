/**
 * The row specifications of tables 二, 三 and 四 for each template: which
 * printed labels identify a row and which fact keys its cells fill.
 */
import { S2_ROWS_2019, S2_ROWS_2021, S3_COLS, S3_ROWS, S4_COLS, S4_GROUPS, type Template } from './factKeys';
import { patternsOf, type RowSpec } from './rows';
import { GROUPS_OF_FIVE, SUM_LAST_7 } from './segment';

const S2_PATTERNS: Record<string, string[]> = {
  rules: ['规章'],
  normative: ['规范性文件', '规范性文'],
  licensing: ['行政许可'],
  other_services: ['其他对外', '对外管理服务'],
  punishment: ['行政处罚'],
  enforcement: ['行政强制'],
  fees: ['行政事业', '事业性收费'],
  procurement: ['政府集中', '集中采购'],
};

const S3_PATTERNS: Record<string, string[]> = {
  new: ['本年新收'],
  carried_over: ['上年结转'],
  granted: ['予以公开'],
  partial: ['部分公开'],
  // a label broken after 4–6 characters still shows its prefix before the numbers
  'denied.secret': ['属于国家', '国家秘密'],
  'denied.law': ['其他法律', '法规禁止公开'],
  'denied.security': ['危及三安', '三安全一稳定'],
  'denied.third_party': ['保护第三', '第三方合法'],
  'denied.internal': ['属于三类', '三类内部'],
  'denied.process': ['属于四类', '四类过程'],
  'denied.enforcement_file': ['属于行政执', '行政执法案卷'],
  'denied.inquiry': ['属于行政查', '行政查询'],
  'unable.not_held': ['本机关不', '不掌握相关'],
  'unable.needs_creation': ['没有现成', '另行制作'],
  'unable.unclear': ['补正后申', '仍不明确'],
  'rejected.petition': ['信访举报'],
  'rejected.repeat': ['重复申请'],
  'rejected.publication': ['要求提供', '公开出版物'],
  'rejected.mass': ['无正当理由', '大量反复'],
  'rejected.confirm': ['要求行政', '重新出具'],
  other: ['其他处理'],
  'other.no_correction': ['申请人无正', '逾期不补正'],
  'other.no_fee': ['申请人逾期', '收费通知'],
  'other.other': ['3.其他', '3、其他', '(三)其他'],
  total: ['(七)总计', '七、总计', '(七)合计'],
  carried_forward: ['结转下年', '结转下一年'],
};

/** A prefix that also occurs inside a later row's label: 无正当理由 in 申请人无正当理由逾期不补正. */
const NOT_AFTER: Record<string, string> = { 'rejected.mass': '申请人' };

const cache = new Map<string, RowSpec[]>();

export function table2Specs(template: Template): RowSpec[] {
  const hit = cache.get(`2${template}`);
  if (hit) return hit;
  const rows = template === '2019' ? S2_ROWS_2019 : S2_ROWS_2021;
  const specs = rows.map((r): RowSpec => {
    const signed = new Set<number>();
    (r.cols as readonly string[]).forEach((c, i) => c === 'delta' && signed.add(i));
    return {
      id: `s2.${r.row}`,
      patterns: patternsOf(...S2_PATTERNS[r.row]),
      keys: r.cols.map((c) => `s2.${r.row}.${c}`),
      ...(signed.size ? { signed } : {}),
    };
  });
  cache.set(`2${template}`, specs);
  return specs;
}

export function table3Specs(template: Template): RowSpec[] {
  const hit = cache.get(`3${template}`);
  if (hit) return hit;
  const specs: RowSpec[] = [];
  for (const r of S3_ROWS) {
    if (template === '2021' && r.row === 'other') {
      // in 2021 （六）其他处理 heads three rows of its own
      specs.push({ id: 's3.other', patterns: patternsOf('其他处理'), keys: [], group: true });
      continue;
    }
    if (!r.templates.includes(template)) continue;
    specs.push({
      id: `s3.${r.row}`,
      patterns: patternsOf(...S3_PATTERNS[r.row]),
      keys: S3_COLS.map((c) => `s3.${r.row}.${c.col}`),
      check: SUM_LAST_7,
      notAfter: NOT_AFTER[r.row],
    });
  }
  cache.set(`3${template}`, specs);
  return specs;
}

export function table4Spec(): RowSpec {
  const keys: string[] = [];
  for (const g of S4_GROUPS) for (const c of S4_COLS) keys.push(`s4.${g.group}.${c.col}`);
  return { id: 's4', patterns: [], keys, check: GROUPS_OF_FIVE };
}
