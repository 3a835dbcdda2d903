/**
 * The catalogue of fact keys (DOMAIN.md): one name for every number a report's
 * tables can state, with its section, the template's own Chinese label, unit and
 * the templates that have it. The parser, the checks, the database schema and the
 * site all derive from this list, so it is the single place a key is defined.
 */
export type Template = '2019' | '2021';

export const TEMPLATES: readonly Template[] = ['2019', '2021'];

export const isTemplate = (t: unknown): t is Template => t === '2019' || t === '2021';

export interface FactKeyInfo {
  key: FactKey;
  /** database column: the key with `.` replaced by `_` */
  column: FactColumn;
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

/*
 * One record per row of the template: its key part, the label as printed, the
 * prefixes that identify it in a report's text (compact form: no spaces or
 * quotes), and its cells. Everything else — the key type, the catalogue, the
 * parser's row specifications, the database columns — is derived from these.
 */
interface S2RowDef {
  row: string;
  label: string;
  cols: readonly string[];
  patterns: readonly string[];
}

/** Table 二 rows in template order. */
export const S2_ROWS_2019 = [
  { row: 'rules', label: '规章', cols: ['new', 'published', 'total'], patterns: ['规章'] },
  { row: 'normative', label: '规范性文件', cols: ['new', 'published', 'total'], patterns: ['规范性文件', '规范性文'] },
  { row: 'licensing', label: '行政许可', cols: ['prev', 'delta', 'decisions'], patterns: ['行政许可'] },
  { row: 'other_services', label: '其他对外管理服务事项', cols: ['prev', 'delta', 'decisions'], patterns: ['其他对外', '对外管理服务'] },
  { row: 'punishment', label: '行政处罚', cols: ['prev', 'delta', 'decisions'], patterns: ['行政处罚'] },
  { row: 'enforcement', label: '行政强制', cols: ['prev', 'delta', 'decisions'], patterns: ['行政强制'] },
  { row: 'fees', label: '行政事业性收费', cols: ['prev', 'delta'], patterns: ['行政事业', '事业性收费'] },
  { row: 'procurement', label: '政府集中采购', cols: ['count', 'amount'], patterns: ['政府集中', '集中采购'] },
] as const satisfies readonly S2RowDef[];

export const S2_ROWS_2021 = [
  { row: 'rules', label: '规章', cols: ['issued', 'repealed', 'in_force'], patterns: ['规章'] },
  { row: 'normative', label: '行政规范性文件', cols: ['issued', 'repealed', 'in_force'], patterns: ['规范性文件', '规范性文'] },
  { row: 'licensing', label: '行政许可', cols: ['decisions'], patterns: ['行政许可'] },
  { row: 'punishment', label: '行政处罚', cols: ['decisions'], patterns: ['行政处罚'] },
  { row: 'enforcement', label: '行政强制', cols: ['decisions'], patterns: ['行政强制'] },
  { row: 'fees', label: '行政事业性收费', cols: ['amount'], patterns: ['行政事业', '事业性收费'] },
] as const satisfies readonly S2RowDef[];

/** Table 二's rows of each template. */
export const S2_ROWS: { readonly '2019': typeof S2_ROWS_2019; readonly '2021': typeof S2_ROWS_2021 } = { '2019': S2_ROWS_2019, '2021': S2_ROWS_2021 };

type KeysOfS2<R> = R extends { row: infer Row extends string; cols: readonly (infer Col extends string)[] } ? `s2.${Row}.${Col}` : never;
export type S2Key = KeysOfS2<(typeof S2_ROWS_2019)[number]> | KeysOfS2<(typeof S2_ROWS_2021)[number]>;
export type S2Row = (typeof S2_ROWS_2019)[number] | (typeof S2_ROWS_2021)[number];

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

export interface S3RowDef {
  row: string;
  label: string;
  /** the row named short in evidence (新收, 上年结转, 结转下年度); otherwise its group and label */
  short?: string;
  /** the group heading the row sits under, if any: 三、本年度办理结果 / （三）不予公开 … */
  group: string | null;
  templates: readonly Template[];
  /** a leaf of 办理结果 (summed by C14) */
  leaf: boolean;
  /** compact label prefixes that identify the row (a label broken after 4–6 characters still shows its prefix) */
  patterns: readonly string[];
  /** a prefix that also stands inside a later row's label: skip a match right after this text */
  notAfter?: string;
}

const RESULT = '三、本年度办理结果';
const DENIED = '（三）不予公开';
const UNABLE = '（四）无法提供';
const REJECTED = '（五）不予处理';
const OTHER = '（六）其他处理';
export const S3_ROWS = [
  { row: 'new', label: '一、本年新收政府信息公开申请数量', short: '新收', group: null, templates: BOTH, leaf: false, patterns: ['本年新收'] },
  { row: 'carried_over', label: '二、上年结转政府信息公开申请数量', short: '上年结转', group: null, templates: BOTH, leaf: false, patterns: ['上年结转'] },
  { row: 'granted', label: '（一）予以公开', group: RESULT, templates: BOTH, leaf: true, patterns: ['予以公开'] },
  { row: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', group: RESULT, templates: BOTH, leaf: true, patterns: ['部分公开'] },
  { row: 'denied.secret', label: '1.属于国家秘密', group: DENIED, templates: BOTH, leaf: true, patterns: ['属于国家', '国家秘密'] },
  { row: 'denied.law', label: '2.其他法律行政法规禁止公开', group: DENIED, templates: BOTH, leaf: true, patterns: ['其他法律', '法规禁止公开'] },
  { row: 'denied.security', label: '3.危及“三安全一稳定”', group: DENIED, templates: BOTH, leaf: true, patterns: ['危及三安', '三安全一稳定'] },
  { row: 'denied.third_party', label: '4.保护第三方合法权益', group: DENIED, templates: BOTH, leaf: true, patterns: ['保护第三', '第三方合法'] },
  { row: 'denied.internal', label: '5.属于三类内部事务信息', group: DENIED, templates: BOTH, leaf: true, patterns: ['属于三类', '三类内部'] },
  { row: 'denied.process', label: '6.属于四类过程性信息', group: DENIED, templates: BOTH, leaf: true, patterns: ['属于四类', '四类过程'] },
  { row: 'denied.enforcement_file', label: '7.属于行政执法案卷', group: DENIED, templates: BOTH, leaf: true, patterns: ['属于行政执', '行政执法案卷'] },
  { row: 'denied.inquiry', label: '8.属于行政查询事项', group: DENIED, templates: BOTH, leaf: true, patterns: ['属于行政查', '行政查询'] },
  { row: 'unable.not_held', label: '1.本机关不掌握相关政府信息', group: UNABLE, templates: BOTH, leaf: true, patterns: ['本机关不', '不掌握相关'] },
  { row: 'unable.needs_creation', label: '2.没有现成信息需要另行制作', group: UNABLE, templates: BOTH, leaf: true, patterns: ['没有现成', '另行制作'] },
  { row: 'unable.unclear', label: '3.补正后申请内容仍不明确', group: UNABLE, templates: BOTH, leaf: true, patterns: ['补正后申', '仍不明确'] },
  { row: 'rejected.petition', label: '1.信访举报投诉类申请', group: REJECTED, templates: BOTH, leaf: true, patterns: ['信访举报'] },
  { row: 'rejected.repeat', label: '2.重复申请', group: REJECTED, templates: BOTH, leaf: true, patterns: ['重复申请'] },
  { row: 'rejected.publication', label: '3.要求提供公开出版物', group: REJECTED, templates: BOTH, leaf: true, patterns: ['要求提供', '公开出版物'] },
  // 无正当理由 also stands in 申请人无正当理由逾期不补正
  { row: 'rejected.mass', label: '4.无正当理由大量反复申请', group: REJECTED, templates: BOTH, leaf: true, patterns: ['无正当理由', '大量反复'], notAfter: '申请人' },
  { row: 'rejected.confirm', label: '5.要求行政机关确认或重新出具已获取信息', group: REJECTED, templates: BOTH, leaf: true, patterns: ['要求行政', '重新出具'] },
  { row: 'other', label: OTHER, group: RESULT, templates: T2019, leaf: true, patterns: ['其他处理'] },
  { row: 'other.no_correction', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', group: OTHER, templates: T2021, leaf: true, patterns: ['申请人无正', '逾期不补正'] },
  { row: 'other.no_fee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', group: OTHER, templates: T2021, leaf: true, patterns: ['申请人逾期', '收费通知'] },
  { row: 'other.other', label: '3.其他', group: OTHER, templates: T2021, leaf: true, patterns: ['3.其他', '3、其他', '(三)其他'] },
  { row: 'total', label: '（七）总计', group: RESULT, templates: BOTH, leaf: false, patterns: ['(七)总计', '七、总计', '(七)合计'] },
  { row: 'carried_forward', label: '四、结转下年度继续办理', short: '结转下年度', group: null, templates: BOTH, leaf: false, patterns: ['结转下年', '结转下一年'] },
] as const satisfies readonly S3RowDef[];

export type S3Row = (typeof S3_ROWS)[number];
export type S3RowId = S3Row['row'];

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

export type S3Col = (typeof S3_COLS)[number]['col'];
export type S4Group = (typeof S4_GROUPS)[number]['group'];
export type S4Col = (typeof S4_COLS)[number]['col'];
export type S3Key = `s3.${S3RowId}.${S3Col}`;
export type S4Key = `s4.${S4Group}.${S4Col}`;

/** Every number a report's tables can state, as one name. */
export type FactKey = 's1.proactive_total' | S2Key | S3Key | S4Key;

type Underscored<S extends string> = S extends `${infer A}.${infer B}` ? `${A}_${Underscored<B>}` : S;
/** A fact key's database column: s3.denied.secret.natural → s3_denied_secret_natural. */
export type FactColumn = Underscored<FactKey>;

export type S2Col = S2Row['cols'][number];
/** s2.<row>.<col>; a column the row does not have is the caller's to avoid (the rows' own `cols` list them) */
/**
 * Keys are made once per (row, column) and kept internalised: the checks look
 * cells up by key a few thousand times a report, and a freshly concatenated
 * string is flattened and hashed on every lookup.
 */
const keyTable: Record<string, Record<string, Record<string, string>>> = { s2: Object.create(null), s3: Object.create(null), s4: Object.create(null) };
function madeKey(table: 's2' | 's3' | 's4', row: string, col: string): string {
  const byCol = (keyTable[table][row] ??= Object.create(null) as Record<string, string>);
  return (byCol[col] ??= Object.keys({ [`${table}.${row}.${col}`]: 0 })[0]);
}
export const s2Key = (r: Pick<S2Row, 'row'>, col: S2Col): S2Key => madeKey('s2', r.row, col) as S2Key;
export const s3Key = (row: S3RowId, col: S3Col): S3Key => madeKey('s3', row, col) as S3Key;
export const s4Key = (group: S4Group, col: S4Col): S4Key => madeKey('s4', group, col) as S4Key;

function info(key: FactKey, section: FactKeyInfo['section'], rowLabel: string, colLabel: string, unit: FactKeyInfo['unit'], templates: readonly Template[]): FactKeyInfo {
  return {
    key,
    column: key.replaceAll('.', '_') as FactColumn,
    section,
    rowLabel,
    colLabel,
    label: colLabel ? `${rowLabel} · ${colLabel}` : rowLabel,
    unit,
    templates,
  };
}

function buildCatalogue(): FactKeyInfo[] {
  const out: FactKeyInfo[] = [];
  out.push(info('s1.proactive_total', 's1', '主动公开政府信息总数（第一部分所述）', '', '条', BOTH));
  // Table 二: a key shared by both templates (licensing.decisions …) is listed once.
  const seen = new Map<string, FactKeyInfo>();
  for (const tpl of TEMPLATES) {
    for (const r of S2_ROWS[tpl] as readonly S2RowDef[]) {
      for (const c of r.cols) {
        const key = `s2.${r.row}.${c}` as S2Key;
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
      out.push(info(s3Key(r.row, c.col), 's3', rowLabel, c.label, '件', r.templates));
    }
  }
  for (const g of S4_GROUPS) {
    for (const c of S4_COLS) {
      out.push(info(s4Key(g.group, c.col), 's4', g.label, c.label, '件', BOTH));
    }
  }
  return out;
}

/** Every fact key, in template order (s1, table 二, table 三 row by row, table 四). */
export const FACT_KEYS: readonly FactKeyInfo[] = buildCatalogue();

export const FACT_KEY_INFO: ReadonlyMap<string, FactKeyInfo> = new Map(FACT_KEYS.map((f) => [f.key, f]));

export function isFactKey(key: string): key is FactKey {
  return FACT_KEY_INFO.has(key);
}

/** A fact key's database column. */
export function columnOf(key: FactKey): FactColumn {
  return FACT_KEY_INFO.get(key)!.column;
}

/** The keys a report of this template can state (s1.proactive_total included). */
export function keysForTemplate(template: Template): FactKey[] {
  return FACT_KEYS.filter((f) => f.templates.includes(template)).map((f) => f.key);
}
