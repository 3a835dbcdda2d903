/**
 * The parser's stages one by one, with the layouts real reports print:
 * flattened crawler text (cells run together), PDF→markdown with detached
 * labels, OCR'd tables with placeholder headers, notes inside cells.
 */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse/index';
import { GROUPS_OF_FIVE, rowReadings, SUM_LAST_7 } from '../../src/parse/segment';
import { solveTable, type RowOptions } from '../../src/parse/solve';
import { tokenise, type Token } from '../../src/parse/tokenise';
import { findHeadings } from '../../src/parse/sections';
import { findTitleOrgan } from '../../src/parse/metadata';
import { proactiveTotal } from '../../src/parse/prose';
import { DEFAULT_SETTINGS, resolveSettings } from '../../src/parse/settings';
import { S3_COLS, S3_ROWS } from '../../src/parse/factKeys';
import { generateReport } from '../../scripts/synth/index';

const LIMITS = DEFAULT_SETTINGS;
const run = (text: string, line = 0): Token => ({ kind: 'run', text, line, delimited: false });
const readings = (text: string, n: number, check = null as null | typeof SUM_LAST_7, signed?: Set<number>) => {
  const r = rowReadings([run(text)], n, check, LIMITS, { signed });
  if ('overflow' in r) throw new Error(r.overflow);
  return r.readings.map((x) => x.values);
};
const tokens = (line: string) => tokenise([line], { line: 0, col: 0 }, { line: 0, col: line.length }).map((t) => `${t.kind}:${t.text}`);

describe('segment: the readings of a run', () => {
  it('as many digits as cells: one reading', () => {
    expect(readings('000', 3)).toEqual([[0, 0, 0]]);
    expect(readings('007', 3)).toEqual([[0, 0, 7]]);
  });
  it('no leading zeros: 007 is never 0 + 07 or 00 + 7; 070 is 0 and 70', () => {
    expect(readings('007', 2)).toEqual([]);
    expect(readings('070', 2)).toEqual([[0, 70]]);
    expect(readings('0.5', 1)).toEqual([[0.5]]);
  });
  it('a minus sign starts a cell that may be negative: 行政事业性收费35-15 is 35 and −15, never 3 and 5', () => {
    expect(readings('35-15', 2, null, new Set([1]))).toEqual([[35, -15]]);
    // where no cell may be negative (table 三), a minus sign fits no reading
    expect(readings('5-3', 2)).toEqual([]);
  });
  it('a decimal part ends the amount: 39573802895.90 splits only before its integer part ends', () => {
    const r = readings('39573802895.90', 2);
    expect(r).toContainEqual([395, 73802895.9]);
    expect(r).toContainEqual([39, 573802895.9]);
    expect(r.every(([, amount]) => String(amount).includes('.'))).toBe(true);
    expect(readings('1.52', 2)).toEqual([]);
  });
  it('the row total decides some runs alone (12 0 0 0 0 0 12) and leaves others open (22 … 22 or 2 20 … 22)', () => {
    expect(readings('120000012', 7, SUM_LAST_7)).toEqual([[12, 0, 0, 0, 0, 0, 12]]);
    expect(readings('220000022', 7, SUM_LAST_7)).toEqual([
      [2, 20, 0, 0, 0, 0, 22],
      [22, 0, 0, 0, 0, 0, 22],
    ]);
  });
  it('table 四: three groups of five, each total the sum of its four', () => {
    expect(readings('110024001510102', 15, GROUPS_OF_FIVE)).toEqual([[1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2]]);
  });
  it('a run too long to weigh is left unread, not guessed', () => {
    const r = rowReadings([run('1'.repeat(80))], 7, SUM_LAST_7, LIMITS);
    expect('overflow' in r).toBe(true);
  });
});

describe('tokenise: runs against label text', () => {
  it('the digit numbering the next label stays with the label', () => {
    expect(tokens('1.本机关不掌握相关政府信息3100000312.没有现成信息需要另行制作0000000')).toEqual([
      'text:1.本机关不掌握相关政府信息',
      'run:310000031',
      'text:2.没有现成信息需要另行制作',
      'run:0000000',
    ]);
  });
  it('a run keeps its decimals and its unit, and a heading numeral is not a figure', () => {
    expect(tokens('行政事业性收费24252.311082三、收到和处理')).toEqual(['text:行政事业性收费', 'run:24252.311082', 'text:三、收到和处理']);
    expect(tokens('政府集中采购39573802895.90元')).toEqual(['text:政府集中采购', 'run:39573802895.90元']);
    expect(tokens('4、 政府信息公开行政复议')).toEqual(['text:4、', 'text:政府信息公开行政复议']);
  });
  it('a unit printed apart from its amount, glued to the next heading: 1586267.18 元三、', () => {
    const line = '政府集中采购21 1586267.18 元三、收到和处理政府信息公开申请情况';
    const t = tokenise([line], { line: 0, col: 0 }, { line: 0, col: line.length });
    expect(t.map((x) => `${x.kind}:${x.text}`)).toEqual(['text:政府集中采购', 'run:21', 'value:1586267.18', 'text:三、收到和处理政府信息公开申请情况']);
    expect(t[2].cell).toMatchObject({ value: 1586267.18, unit: '元' });
    // a word that merely starts with 元 is not a unit
    expect(tokenise(['采购 5 元旦期间'], { line: 0, col: 0 }, { line: 0, col: 9 })[1].cell?.unit).toBeUndefined();
  });
  it('a generated flattened report (seed 3600381) reads its procurement amount in 元 as 万元', () => {
    const g = generateReport(3600381, { layout: 'flattened', template: '2019' });
    expect(g.text).toContain('1586267.18 元三、');
    const r = parseReport(g.text);
    expect(r.cells['s2.procurement.amount']?.value).toBe(158.626718);
    expect(r.procurementAmount).toMatchObject({ value: 158.626718, unit: '元', unitUnknown: false });
  });
  it("a cell's remark is not a cell: 22（其中修订 16 件）", () => {
    expect(tokens('| 行政规范性文件 | 22（其中修订 16 件） | 3 | 40 |')).toEqual(['text:行政规范性文件', 'value:22', 'value:3', 'value:40']);
  });
  it("an OCR'd table's placeholder headers are text, and a page footer inside a table is dropped", () => {
    expect(tokens('| 项目 | 数据1 | 数据2 | 数据3 |')).toEqual(['text:项目', 'text:数据1', 'text:数据2', 'text:数据3']);
    expect(tokens('— 4 —')).toEqual([]);
    expect(tokens('|---|---|---|')).toEqual([]);
  });
});

const S3_2021 = S3_ROWS.filter((r) => r.templates.includes('2021'));
const LEAVES = S3_2021.filter((r) => r.leaf).map((r) => `s3.${r.row}`);
const IDENTITIES = [
  { name: 'C14', plus: LEAVES, minus: ['s3.total'] },
  { name: 'C12', plus: ['s3.new', 's3.carried_over'], minus: ['s3.total', 's3.carried_forward'] },
];
const zero = () => S3_COLS.map(() => 0);
const row = (natural: number): number[] => [natural, 0, 0, 0, 0, 0, natural];

function table(overrides: Record<string, Partial<RowOptions>>): Map<string, RowOptions> {
  const m = new Map<string, RowOptions>();
  for (const r of S3_2021) m.set(`s3.${r.row}`, { readings: [zero()], ordered: false });
  for (const [k, v] of Object.entries(overrides)) m.set(k, { ...m.get(k)!, ...v });
  return m;
}

describe('solve: table 三 as a whole', () => {
  it('C14 picks the one split of 220000022 that the 总计 row allows', () => {
    const t = table({
      's3.new': { readings: [row(22)] },
      's3.granted': { readings: [[2, 20, 0, 0, 0, 0, 22], row(22)] },
      's3.total': { readings: [row(22)] },
    });
    const s = solveTable(t, IDENTITIES, 7, LIMITS);
    expect(s.rows.get('s3.granted')).toEqual({ reading: 1, confirmedBy: ['C14', 'C12'].filter((c) => c === 'C14') });
    expect(s.broken).toEqual([]);
  });
  it('two splits that both add up: null, with the reason', () => {
    const t = table({
      's3.granted': { readings: [[2, 20, 0, 0, 0, 0, 22], row(22)] },
      's3.partial': { readings: [row(22), [2, 20, 0, 0, 0, 0, 22]] },
      's3.new': { readings: [row(44), [24, 20, 0, 0, 0, 0, 44]] },
      's3.total': { readings: [[24, 20, 0, 0, 0, 0, 44], row(44)] },
    });
    const s = solveTable(t, IDENTITIES, 7, LIMITS);
    expect(s.rows.get('s3.granted')!.reading).toBeNull();
    expect(s.rows.get('s3.granted')!.reason).toMatch(/2 种/);
  });
  it('an identity the printed figures break is not used, and rows placed by order are then not given', () => {
    const t = table({
      's3.new': { readings: [row(5)] },
      's3.granted': { readings: [row(3)], ordered: true },
      's3.total': { readings: [row(4)] },
    });
    const s = solveTable(t, IDENTITIES, 7, LIMITS);
    expect(s.broken.sort()).toEqual(['C12', 'C14']);
    expect(s.rows.get('s3.granted')!.reading).toBeNull();
    expect(s.rows.get('s3.new')!.reading).toBe(0);
  });
  it('a row placed by order is given when the arithmetic it takes part in holds', () => {
    const t = table({ 's3.new': { readings: [row(3)] }, 's3.granted': { readings: [row(3)], ordered: true }, 's3.total': { readings: [row(3)] } });
    expect(solveTable(t, IDENTITIES, 7, LIMITS).rows.get('s3.granted')).toEqual({ reading: 0, confirmedBy: ['C14'] });
  });
});

const FLAT_2021 =
  '二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件77132470第二十条第（五）项信息内容本年处理决定数量行政许可2629第二十条第（六）项信息内容本年处理决定数量行政处罚1330行政强制54第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费5949.088667' +
  '三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量801000081二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开220000022（二）部分公开（区分处理的，只计这一情形，不计其他情形）191000020（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开00000003.危及“三安全一稳定”00000004.保护第三方合法权益10000015.属于三类内部事务信息00000006.属于四类过程性信息10000017.属于行政执法案卷10000018.属于行政查询事项2000002（四）无法提供1.本机关不掌握相关政府信息3100000312.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000（五）不予处理1.信访举报投诉类申请00000002.重复申请10000013.要求提供公开出版物00000004.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请10000012.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请00000003.其他1000001（七）总计801000081四、结转下年度继续办理0000000' +
  '四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计110024001510102五、存在的主要问题及改进情况无。六、其他需要报告的事项无。';

describe('a flattened report (a crawler saved the page as one line)', () => {
  const p = parseReport(`平潭综合实验区2023年度政府信息公开工作年度报告\n${FLAT_2021}`);
  it('splits table 三 and 四 where one reading survives, and says how each figure was read', () => {
    expect(p.template).toBe('2021');
    expect([p.cells['s3.granted.natural']!.value, p.cells['s3.granted.total']!.value]).toEqual([22, 22]);
    expect(p.cells['s3.granted.natural']!.read).toBe('split');
    expect([p.cells['s3.unable.not_held.natural']!.value, p.cells['s3.unable.not_held.total']!.value]).toEqual([31, 31]);
    expect(p.cells['s3.new.commercial']!.value).toBe(1);
    expect(p.cells['s4.direct.pending']!.value).toBe(1);
    expect(p.cells['s2.licensing.decisions']).toMatchObject({ value: 2629, read: 'printed' });
    expect(p.cells['s2.fees.amount']!.value).toBe(5949.088667);
    expect(p.notes.some((n) => n.kind === 'run-split' && n.stage === 'solve-tables' && n.message.includes('s3.granted'))).toBe(true);
  });
  it('leaves a row of table 二 that splits several ways null, with the reason', () => {
    expect(p.cells['s2.normative.issued']!.value).toBeNull();
    expect(p.cells['s2.normative.in_force']!.value).toBeNull();
    expect(p.notes.find((n) => n.message.startsWith('s2.normative'))?.message).toMatch(/split \d+ ways/);
    expect([p.cells['s2.rules.issued']!.value, p.cells['s2.rules.in_force']!.value]).toEqual([0, 0]);
  });
});

const DETACHED = `二、收到和处理政府信息公开申请情况
| 一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |
| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 三、 | （一）予以公开 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |
| 1 | 0 | 0 | 0 | 0 | 0 | 1 |
（二）部分公开（区分处理的，只
计这一情形，不计其他情形）
| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 1 | 0 | 0 | 0 | 0 | 0 | 1 |
— 3 —
| 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| （七）总计 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |
| 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
三、政府信息公开行政复议、行政诉讼情况
| 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
`;

describe('PDF→markdown with detached labels', () => {
  it('places the unlabelled rows by order and confirms them by C14: 部分公开 1, 本机关不掌握 1', () => {
    const p = parseReport(`一、总体情况\n无。\n${DETACHED.replace('\n', '\n信息内容 本年处理决定数量 本年制发件数\n')}`);
    expect(p.cells['s3.partial.natural']).toMatchObject({ value: 1, read: 'ordered' });
    expect(p.cells['s3.denied.law.total']).toMatchObject({ value: 0, read: 'ordered' });
    expect(p.cells['s3.unable.not_held.total']).toMatchObject({ value: 1, read: 'ordered' });
    expect(p.cells['s3.unable.unclear.total']).toMatchObject({ value: 0, read: 'ordered' });
    expect(p.cells['s3.granted.commercial']).toMatchObject({ value: 1, read: 'printed' });
    expect(p.notes.find((n) => n.kind === 'rows-by-order')?.stage).toBe('align-rows');
  });
  it('when the arithmetic does not confirm the order, the placed rows are not given', () => {
    // 予以公开 printed as 3 where the rows add up to 2: C14 broken, nothing placed by order is given
    const p = parseReport(`一、总体情况\n无。\n信息内容 本年制发件数\n${DETACHED.replace('| （一）予以公开 | 2 | 1 |', '| （一）予以公开 | 3 | 1 |').replace('| 0 | 0 | 0 | 3 |', '| 0 | 0 | 0 | 4 |')}`);
    expect(p.cells['s3.granted.natural']!.value).toBe(3);
    expect(p.cells['s3.partial.natural']!.value).toBeNull();
    expect(p.cells['s3.unable.not_held.total']!.value).toBeNull();
    expect(p.notes.some((n) => n.kind === 'row-unconfirmed')).toBe(true);
  });
  it('when the count of unlabelled rows does not fit the gap, none of them is placed', () => {
    const p = parseReport(`一、总体情况\n无。\n信息内容 本年制发件数\n${DETACHED.replace('| 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n（二）', '| 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n| 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n（二）')}`);
    expect(p.cells['s3.partial.natural']!.value).toBeNull();
    expect(p.notes.find((n) => n.kind === 'rows-unaligned')?.message).toMatch(/2 行无标签的数字，模板在此有 1 行/);
  });
});

describe('locate sections and metadata', () => {
  it("the template's wording places a heading whatever numeral the report gives it (an own outline first)", () => {
    const lines = ['一、总体情况', '二、工作机制保障', '三、主动公开工作情况', '一、主动公开政府信息情况', '二、收到和处理政府信息公开申请情况', '三、政府信息公开行政复议、行政诉讼情况', '五、其他需要报告的事项'];
    expect(findHeadings(lines).map((h) => [h.index, h.line])).toEqual([
      [1, 0],
      [2, 3],
      [3, 4],
      [4, 5],
      [6, 6],
    ]);
  });
  it('a title with the year first and broken over two lines names the organ', () => {
    expect(findTitleOrgan(['正文', '2024 年上海市科委政府信息公开工作', '年度报告'], 40)).toMatchObject({ organ: '上海市科委', year: 2024 });
  });
  it("section 一's total is the overall figure, never one category of it", () => {
    expect(proactiveTotal('全年主动公开政府信息2645条，其中其他应主动公开政府信息1053条。')?.value).toBe(2645);
    expect(proactiveTotal('其他应主动公开政府信息1053条。')).toBeNull();
    expect(proactiveTotal('主动发布各类政府信息\t2428\t条，公开政府常务会议7期')?.value).toBe(2428);
    expect(proactiveTotal('主动公开规范性文件12件。')).toBeNull();
  });
  it('settings reject an unknown key', () => {
    expect(() => resolveSettings({ maxRowSteps: 10 })).not.toThrow();
    expect(() => resolveSettings({ maxRowStep: 10 } as never)).toThrow(/unknown parser setting 'maxRowStep'/);
  });
});
