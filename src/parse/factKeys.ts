/**
 * The catalogue of fact keys (DOMAIN.md): one name for every number a report's
 * tables can state, with its section, the template's own Chinese label, unit and
 * the templates that have it. The parser, the checks, the database schema and the
 * site all derive from this list, so it is the single place a key is defined.
 */
export type Template = '2019' | '2021';

export interface FactKeyInfo {
  key: string;
  /** database column: the key with `.` replaced by `_` */
  column: string;
  section: 's1' | 's2' | 's3' | 's4';
  /** row label as printed in the template */
  rowLabel: string;
  /** column label as printed in the template ('' when the row has one value) */
  colLabel: string;
  /** full Chinese label, row and column: 规范性文件 · 本年新制作数量 */
  label: string;
  unit: '件' | '项' | '个' | '条' | '万元';
  templates: readonly Template[];
}

const BOTH: readonly Template[] = ['2019', '2021'];
const T2019: readonly Template[] = ['2019'];
const T2021: readonly Template[] = ['2021'];

function info(
  key: string,
  section: FactKeyInfo['section'],
  rowLabel: string,
  colLabel: string,
  unit: FactKeyInfo['unit'],
  templates: readonly Template[],
): FactKeyInfo {
  return {
    key,
    column: key.replaceAll('.', '_'),
    section,
    rowLabel,
    colLabel,
    label: colLabel ? `${rowLabel} · ${colLabel}` : rowLabel,
    unit,
    templates,
  };
}

/** Table 二 rows in template order. */
export const S2_ROWS_2019 = [
  { row: 'rules', label: '规章', cols: ['new', 'published', 'total'] },
  { row: 'normative', label: '规范性文件', cols: ['new', 'published', 'total'] },
  { row: 'licensing', label: '行政许可', cols: ['prev', 'delta', 'decisions'] },
  { row: 'other_services', label: '其他对外管理服务事项', cols: ['prev', 'delta', 'decisions'] },
  { row: 'punishment', label: '行政处罚', cols: ['prev', 'delta', 'decisions'] },
  { row: 'enforcement', label: '行政强制', cols: ['prev', 'delta', 'decisions'] },
  { row: 'fees', label: '行政事业性收费', cols: ['prev', 'delta'] },
  { row: 'procurement', label: '政府集中采购', cols: ['count', 'amount'] },
] as const;

export const S2_ROWS_2021 = [
  { row: 'rules', label: '规章', cols: ['issued', 'repealed', 'in_force'] },
  { row: 'normative', label: '行政规范性文件', cols: ['issued', 'repealed', 'in_force'] },
  { row: 'licensing', label: '行政许可', cols: ['decisions'] },
  { row: 'punishment', label: '行政处罚', cols: ['decisions'] },
  { row: 'enforcement', label: '行政强制', cols: ['decisions'] },
  { row: 'fees', label: '行政事业性收费', cols: ['amount'] },
] as const;

export const S2_COL_LABELS: Record<string, string> = {
  new: '本年新制作数量',
  published: '本年新公开数量',
  total: '对外公开总数量',
  issued: '本年制发件数',
  repealed: '本年废止件数',
  in_force: '现行有效件数',
  prev: '上一年项目数量',
  delta: '本年增/减',
  decisions: '处理决定数量',
  count: '采购项目数量',
  amount: '采购总金额',
};

/** Table 三 columns, in template order. */
export const S3_COLS = [
  { col: 'natural', label: '自然人' },
  { col: 'commercial', label: '商业企业' },
  { col: 'research', label: '科研机构' },
  { col: 'social', label: '社会公益组织' },
  { col: 'legal', label: '法律服务机构' },
  { col: 'other_org', label: '其他' },
  { col: 'total', label: '总计' },
] as const;

export interface S3Row {
  row: string;
  label: string;
  /** the group heading the row sits under, if any: 三、本年度办理结果 / （三）不予公开 … */
  group: string | null;
  templates: readonly Template[];
  /** a leaf of 办理结果 (summed by C14) */
  leaf: boolean;
}

const RESULT = '三、本年度办理结果';
export const S3_ROWS: readonly S3Row[] = [
  { row: 'new', label: '一、本年新收政府信息公开申请数量', group: null, templates: BOTH, leaf: false },
  { row: 'carried_over', label: '二、上年结转政府信息公开申请数量', group: null, templates: BOTH, leaf: false },
  { row: 'granted', label: '（一）予以公开', group: RESULT, templates: BOTH, leaf: true },
  { row: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', group: RESULT, templates: BOTH, leaf: true },
  { row: 'denied.secret', label: '1.属于国家秘密', group: '（三）不予公开', templates: BOTH, leaf: true },
  { row: 'denied.law', label: '2.其他法律行政法规禁止公开', group: '（三）不予公开', templates: BOTH, leaf: true },
  { row: 'denied.security', label: '3.危及“三安全一稳定”', group: '（三）不予公开', templates: BOTH, leaf: true },
  { row: 'denied.third_party', label: '4.保护第三方合法权益', group: '（三）不予公开', templates: BOTH, leaf: true },
  { row: 'denied.internal', label: '5.属于三类内部事务信息', group: '（三）不予公开', templates: BOTH, leaf: true },
  { row: 'denied.process', label: '6.属于四类过程性信息', group: '（三）不予公开', templates: BOTH, leaf: true },
  { row: 'denied.enforcement_file', label: '7.属于行政执法案卷', group: '（三）不予公开', templates: BOTH, leaf: true },
  { row: 'denied.inquiry', label: '8.属于行政查询事项', group: '（三）不予公开', templates: BOTH, leaf: true },
  { row: 'unable.not_held', label: '1.本机关不掌握相关政府信息', group: '（四）无法提供', templates: BOTH, leaf: true },
  { row: 'unable.needs_creation', label: '2.没有现成信息需要另行制作', group: '（四）无法提供', templates: BOTH, leaf: true },
  { row: 'unable.unclear', label: '3.补正后申请内容仍不明确', group: '（四）无法提供', templates: BOTH, leaf: true },
  { row: 'rejected.petition', label: '1.信访举报投诉类申请', group: '（五）不予处理', templates: BOTH, leaf: true },
  { row: 'rejected.repeat', label: '2.重复申请', group: '（五）不予处理', templates: BOTH, leaf: true },
  { row: 'rejected.publication', label: '3.要求提供公开出版物', group: '（五）不予处理', templates: BOTH, leaf: true },
  { row: 'rejected.mass', label: '4.无正当理由大量反复申请', group: '（五）不予处理', templates: BOTH, leaf: true },
  { row: 'rejected.confirm', label: '5.要求行政机关确认或重新出具已获取信息', group: '（五）不予处理', templates: BOTH, leaf: true },
  { row: 'other', label: '（六）其他处理', group: RESULT, templates: T2019, leaf: true },
  { row: 'other.no_correction', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', group: '（六）其他处理', templates: T2021, leaf: true },
  { row: 'other.no_fee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', group: '（六）其他处理', templates: T2021, leaf: true },
  { row: 'other.other', label: '3.其他', group: '（六）其他处理', templates: T2021, leaf: true },
  { row: 'total', label: '（七）总计', group: RESULT, templates: BOTH, leaf: false },
  { row: 'carried_forward', label: '四、结转下年度继续办理', group: null, templates: BOTH, leaf: false },
];

export const S4_GROUPS = [
  { group: 'review', label: '行政复议' },
  { group: 'direct', label: '行政诉讼 · 未经复议直接起诉' },
  { group: 'after_review', label: '行政诉讼 · 复议后起诉' },
] as const;

export const S4_COLS = [
  { col: 'maintained', label: '结果维持' },
  { col: 'corrected', label: '结果纠正' },
  { col: 'other', label: '其他结果' },
  { col: 'pending', label: '尚未审结' },
  { col: 'total', label: '总计' },
] as const;

function buildCatalogue(): FactKeyInfo[] {
  const out: FactKeyInfo[] = [];
  out.push(info('s1.proactive_total', 's1', '主动公开政府信息总数（第一部分所述）', '', '条', BOTH));
  // Table 二: a key shared by both templates (licensing.decisions …) is listed once.
  const seen = new Map<string, FactKeyInfo>();
  for (const [rows, tpl] of [[S2_ROWS_2019, '2019'], [S2_ROWS_2021, '2021']] as const) {
    for (const r of rows) {
      for (const c of r.cols) {
        const key = `s2.${r.row}.${c}`;
        const prior = seen.get(key);
        if (prior) {
          prior.templates = BOTH;
          continue;
        }
        let colLabel = S2_COL_LABELS[c] ?? c;
        if (tpl === '2021' && c === 'decisions') colLabel = '本年处理决定数量';
        if (tpl === '2021' && c === 'amount') colLabel = '本年收费金额';
        const unit = c === 'amount' ? '万元' : r.row === 'rules' || r.row === 'normative' ? '件' : '项';
        const entry = info(key, 's2', r.label, colLabel, unit, tpl === '2019' ? T2019 : T2021);
        seen.set(key, entry);
        out.push(entry);
      }
    }
  }
  for (const r of S3_ROWS) {
    for (const c of S3_COLS) {
      const rowLabel = r.group && r.group !== RESULT ? `${r.group} ${r.label}` : r.label;
      out.push(info(`s3.${r.row}.${c.col}`, 's3', rowLabel, c.label, '件', r.templates));
    }
  }
  for (const g of S4_GROUPS) {
    for (const c of S4_COLS) {
      out.push(info(`s4.${g.group}.${c.col}`, 's4', g.label, c.label, '件', BOTH));
    }
  }
  return out;
}

/** Every fact key, in template order (s1, table 二, table 三 row by row, table 四). */
export const FACT_KEYS: readonly FactKeyInfo[] = buildCatalogue();

export const FACT_KEY_INFO: ReadonlyMap<string, FactKeyInfo> = new Map(FACT_KEYS.map((f) => [f.key, f]));

/** The keys a report of this template can state (s1.proactive_total included). */
export function keysForTemplate(template: Template): string[] {
  return FACT_KEYS.filter((f) => f.templates.includes(template)).map((f) => f.key);
}
